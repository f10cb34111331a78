import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { Knex } from 'knex';
import request from 'supertest';
import { notificationDeliveryFeatures } from '..';

/** Two demo people with email addresses (Slack finds them by email). */
export const lars: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'lars.lindqvist', namespace: 'default' },
  spec: {
    profile: { displayName: 'Lars Lindqvist', email: 'lars@onramp.example' },
    memberOf: [],
  },
};
export const LARS = 'user:default/lars.lindqvist';
export const mei: Entity = {
  ...lars,
  metadata: { name: 'mei.chen', namespace: 'default' },
  spec: {
    profile: { displayName: 'Mei Chen', email: 'mei@onramp.example' },
    memberOf: [],
  },
};
export const MEI = 'user:default/mei.chen';
/** The origin of notifications sent with mockCredentials.service(). */
export const ORIGIN = 'external:test-service';

/**
 * The notifications backend with Onramp's delivery features (the email and
 * Slack processors as configured), a mock catalog and the given database.
 */
export async function startDeliveryBackend(options: {
  knex: Knex;
  notifications: object;
}) {
  const backend = await startTestBackend({
    features: [
      notificationsPlugin,
      notificationDeliveryFeatures,
      catalogServiceMock.factory({ entities: [lars, mei] }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.example' },
          notifications: options.notifications,
        },
      }),
    ],
  });
  const { server } = backend;
  return {
    backend,
    /** Sends a notification to one person, as a backend service would. */
    notify: (entityRef: string, payload: Record<string, unknown>) =>
      request(server)
        .post('/api/notifications/notifications')
        .set('authorization', mockCredentials.service.header())
        .send({ recipients: { type: 'entity', entityRef }, payload })
        .expect(200),
    /** Lars's notification settings (Settings > Notifications). */
    settings: () =>
      request(server)
        .get('/api/notifications/settings')
        .set('authorization', mockCredentials.user.header(LARS))
        .expect(200),
    /** Lars turns one channel off for notifications from ORIGIN. */
    turnOff: (channel: string) =>
      request(server)
        .post('/api/notifications/settings')
        .set('authorization', mockCredentials.user.header(LARS))
        .send({
          channels: [
            {
              id: channel,
              enabled: false,
              origins: [{ id: ORIGIN, enabled: false, topics: [] }],
            },
          ],
        })
        .expect(200),
    /** Lars's notifications in the portal (the web channel). */
    inbox: () =>
      request(server)
        .get('/api/notifications/notifications')
        .set('authorization', mockCredentials.user.header(LARS))
        .expect(200),
  };
}
