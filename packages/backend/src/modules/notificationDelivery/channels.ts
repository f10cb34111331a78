import { Config } from '@backstage/config';

/** What the portal does with one delivery channel, decided from config. */
export type ChannelDecision =
  | { install: true; message: string }
  | { install: false; message: string };

const EMAIL = 'notifications.processors.email';
const SLACK = 'notifications.processors.slack';

/** Transports of the email module, and the keys each one cannot work without. */
const EMAIL_TRANSPORTS: Record<string, string[]> = {
  smtp: ['hostname', 'port'],
  ses: [],
  sendmail: [],
  stream: [],
  azure: ['endpoint'],
};

function missing(config: Config, keys: string[]): string[] {
  return keys.filter(key => {
    const value = config.getOptional(key);
    return value === undefined || value === '';
  });
}

/**
 * Email delivery (`@backstage/plugin-notifications-backend-module-email`) is
 * installed only when `notifications.processors.email` names a usable
 * transport and a sender; otherwise the reason is logged and notifications
 * stay in the portal. The module itself would stop the backend on a missing
 * key, or fail on the first notification.
 */
export function decideEmail(config: Config): ChannelDecision {
  const email = config.getOptionalConfig(EMAIL);
  if (!email) {
    return {
      install: false,
      message: `Email notifications are off: ${EMAIL} is not configured (see the README, "Notification delivery")`,
    };
  }
  const transport = email.getOptionalString('transportConfig.transport');
  if (!transport || !(transport in EMAIL_TRANSPORTS)) {
    return {
      install: false,
      message: `Email notifications are off: ${EMAIL}.transportConfig.transport is ${
        transport ? `"${transport}", not one of` : 'not set; use one of'
      } ${Object.keys(EMAIL_TRANSPORTS).join(', ')}`,
    };
  }
  const absent = [
    ...missing(
      email,
      EMAIL_TRANSPORTS[transport].map(key => `transportConfig.${key}`),
    ),
    ...missing(email, ['sender']),
  ];
  if (absent.length > 0) {
    return {
      install: false,
      message: `Email notifications are off: ${absent
        .map(key => `${EMAIL}.${key}`)
        .join(', ')} not set`,
    };
  }
  const where =
    transport === 'smtp'
      ? ` via ${email.getString('transportConfig.hostname')}:${email.getNumber(
          'transportConfig.port',
        )}`
      : '';
  return {
    install: true,
    message: `Email notifications on: ${transport}${where}, from ${email.getString(
      'sender',
    )}`,
  };
}

/**
 * Slack delivery (`@backstage/plugin-notifications-backend-module-slack`) is
 * installed only when every entry of `notifications.processors.slack` has a
 * bot token.
 */
export function decideSlack(config: Config): ChannelDecision {
  const workspaces = config.getOptionalConfigArray(SLACK) ?? [];
  if (workspaces.length === 0) {
    return {
      install: false,
      message: `Slack notifications are off: ${SLACK} is not configured (see the README, "Notification delivery")`,
    };
  }
  const withoutToken = workspaces
    .map((workspace, index) => ({ workspace, index }))
    .filter(({ workspace }) => missing(workspace, ['token']).length > 0)
    .map(({ index }) => `${SLACK}[${index}].token`);
  if (withoutToken.length > 0) {
    return {
      install: false,
      message: `Slack notifications are off: ${withoutToken.join(
        ', ',
      )} not set (SLACK_BOT_TOKEN in production)`,
    };
  }
  return {
    install: true,
    message: `Slack notifications on: ${workspaces.length} workspace(s)`,
  };
}
