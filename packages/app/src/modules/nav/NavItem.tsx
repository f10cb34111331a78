import { SidebarItem } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { NavContentNavItem } from '@backstage/plugin-app-react';
import { goldenPathsTranslationRef } from '@onramp/backstage-plugin-golden-paths';
import { skillExchangeTranslationRef } from '@onramp/backstage-plugin-skill-exchange';

/**
 * A sidebar item. Onramp's two pages take their title from their plugin's
 * translations (the language chosen in Settings, or an organisation's own
 * words), unless app-config gives the page a title of its own.
 */
export const NavItem = (item: NavContentNavItem) => {
  const { t: goldenPaths } = useTranslationRef(goldenPathsTranslationRef);
  const { t: skillExchange } = useTranslationRef(skillExchangeTranslationRef);
  const translated: Record<string, [string, string]> = {
    '/golden-paths': ['Golden Paths', goldenPaths('common.title')],
    '/skill-exchange': ['Skill Exchange', skillExchange('common.title')],
  };
  const [english, title] = translated[item.href] ?? [];
  return (
    <SidebarItem
      icon={() => item.icon}
      to={item.href}
      text={item.title === english ? title : item.title}
    />
  );
};

/** The "My team" item: a manager's view of their new hires' onboarding. */
export const MyTeamNavItem = ({
  icon,
}: {
  icon: NavContentNavItem['icon'];
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  return (
    <SidebarItem
      icon={() => icon}
      to="/golden-paths/team"
      text={t('common.myTeam')}
    />
  );
};
