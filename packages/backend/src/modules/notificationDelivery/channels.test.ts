import { ConfigReader } from '@backstage/config';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { decideEmail, decideSlack, notificationDeliveryFeatures } from '.';

const smtp = {
  transportConfig: { transport: 'smtp', hostname: 'mail.example', port: 587 },
  sender: 'onramp@example.com',
};

function notifications(processors: object) {
  return new ConfigReader({ notifications: { processors } });
}

describe('which delivery channels are installed', () => {
  it('installs email only with a usable transport and a sender', () => {
    expect(decideEmail(notifications({ email: smtp }))).toEqual({
      install: true,
      message:
        'Email notifications on: smtp via mail.example:587, from onramp@example.com',
    });
    expect(decideEmail(new ConfigReader({}))).toEqual({
      install: false,
      message: expect.stringMatching(
        /^Email notifications are off: notifications\.processors\.email is not configured/,
      ),
    });
    // What production config gives when SMTP_HOST is not set.
    expect(
      decideEmail(
        notifications({
          email: { ...smtp, transportConfig: { transport: 'smtp', port: 25 } },
        }),
      ).message,
    ).toBe(
      'Email notifications are off: notifications.processors.email.transportConfig.hostname not set',
    );
    expect(
      decideEmail(notifications({ email: { ...smtp, sender: '' } })).install,
    ).toBe(false);
    expect(
      decideEmail(
        notifications({
          email: { ...smtp, transportConfig: { transport: 'pigeon' } },
        }),
      ).message,
    ).toContain('is "pigeon", not one of smtp, ses, sendmail, stream, azure');
  });

  it('installs Slack only when every workspace has a token', () => {
    expect(
      decideSlack(notifications({ slack: [{ token: 'xoxb-1' }] })),
    ).toEqual({
      install: true,
      message: 'Slack notifications on: 1 workspace(s)',
    });
    expect(decideSlack(new ConfigReader({})).install).toBe(false);
    expect(
      decideSlack(notifications({ slack: [{ token: 'xoxb-1' }, {}] })).message,
    ).toBe(
      'Slack notifications are off: notifications.processors.slack[1].token not set (SLACK_BOT_TOKEN in production)',
    );
  });

  it('starts without either channel, and with a half-configured one, and says so', async () => {
    const logger = mockServices.rootLogger.mock();
    const child = mockServices.logger.mock();
    logger.child.mockReturnValue(child);
    const backend = await startTestBackend({
      features: [
        notificationsPlugin,
        notificationDeliveryFeatures,
        catalogServiceMock.factory({ entities: [] }),
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.example' },
            notifications: {
              processors: {
                email: { ...smtp, transportConfig: { transport: 'smtp' } },
              },
            },
          },
        }),
      ],
    });
    try {
      const messages = child.info.mock.calls
        .map(([message]) => message)
        .filter(message => / notifications (are off|on)/.test(message));
      expect(messages).toEqual([
        'Email notifications are off: notifications.processors.email.transportConfig.hostname, notifications.processors.email.transportConfig.port not set',
        expect.stringMatching(/^Slack notifications are off/),
      ]);
      // The notifications backend runs, with the portal as its only channel.
      const settings = await request(backend.server)
        .get('/api/notifications/settings')
        .set('authorization', mockCredentials.user.header())
        .expect(200);
      expect(settings.body.channels.map((c: { id: string }) => c.id)).toEqual([
        'Web',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
