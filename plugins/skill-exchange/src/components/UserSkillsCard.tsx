import { InfoCard, Link, Progress } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { skillExchangeTranslationRef } from '../translation';
import { LevelLabel, SkillChips } from './common';
import { useEntityLoad } from './useEntityLoad';

/** Entity card for User pages: skills with levels, learning goals. */
export const UserSkillsCard = ({
  base = '/skill-exchange',
}: {
  base?: string;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { ref, value, loading, error } = useEntityLoad((api, entityRef) =>
    api.getProfile(entityRef),
  );
  return (
    <InfoCard
      title={t('profiles.userSkillsCard.title')}
      deepLink={{
        title: t('profiles.userSkillsCard.profileLink'),
        link: `${base}/profiles/${encodeURIComponent(ref)}`,
      }}
    >
      {loading && <Progress />}
      {error && (
        <Typography variant="body2">
          {t('profiles.userSkillsCard.noProfile')}
        </Typography>
      )}
      {value && value.skills.length === 0 && value.learning.length === 0 && (
        <Typography variant="body2">
          {t('profiles.userSkillsCard.noSkills', {
            editLink: (
              <Link to={`${base}/profile`}>
                {t('profiles.userSkillsCard.editLink')}
              </Link>
            ),
          })}
        </Typography>
      )}
      {value && value.skills.length > 0 && (
        <table aria-label={t('profiles.userSkillsCard.title')}>
          <tbody>
            {value.skills.slice(0, 8).map(s => (
              <tr key={s.skill}>
                <td style={{ paddingRight: 16 }}>
                  {s.canHelp
                    ? t('profiles.userSkillsCard.canHelp', { skill: s.skill })
                    : s.skill}
                </td>
                <td>
                  <LevelLabel level={s.level} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {value && value.learning.length > 0 && (
        <>
          <Typography
            variant="subtitle2"
            component="h3"
            style={{ marginTop: 8 }}
          >
            {t('profiles.userSkillsCard.learning')}
          </Typography>
          <SkillChips skills={value.learning} />
        </>
      )}
    </InfoCard>
  );
};
