import {
  createFrontendModule,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';

/** Who sends notifications, in people's words. */
const originNames: Record<string, string> = {
  'plugin:skill-exchange': 'Skill Exchange',
  'plugin:golden-paths': 'Golden Paths',
  'plugin:scaffolder': 'Create (software templates)',
};

/** What the Onramp plugins notify about. */
const topicNames: Record<string, string> = {
  'skill-exchange:interest-received': 'Interest in my posts',
  'skill-exchange:interest-accepted': 'My interest accepted',
  'skill-exchange:interest-declined': 'My interest declined',
  'skill-exchange:hack-member': 'Someone joined my hack',
  'skill-exchange:interest-reminder': 'Reminders of unanswered interest',
  'skill-exchange:learning-goal-match': 'Posts that match my learning goals',
  'skill-exchange:post-filled': 'A post I am waiting on was filled',
  'skill-exchange:place-released': 'My accepted place was released',
  'golden-paths-stuck': 'Cohort members who are stuck',
  'golden-paths-nudge': 'Nudges from my bootcamp',
};

/**
 * Settings > Notifications: Backstage's notification settings, where people
 * choose, per sender and topic, which channels they get notifications on
 * (the portal, and email and Slack when the backend has them configured).
 */
export const notificationSettingsModule = createFrontendModule({
  pluginId: 'user-settings',
  extensions: [
    SubPageBlueprint.make({
      name: 'notifications',
      params: {
        path: 'notifications',
        title: 'Notifications',
        loader: async () => {
          const [{ UserNotificationSettingsCard }, { Content }] =
            await Promise.all([
              import('@backstage/plugin-notifications'),
              import('@backstage/core-components'),
            ]);
          return (
            <Content>
              <UserNotificationSettingsCard
                originNames={originNames}
                topicNames={topicNames}
              />
            </Content>
          );
        },
      },
    }),
  ],
});
