import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { skillExchangePlugin } from './plugin';
import { auditEventFor } from './router';

const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';
const CARA = 'user:default/cara';

const databases = TestDatabases.create();

describe('auditEventFor', () => {
  it('names every change and leaves reads out', () => {
    expect(auditEventFor('POST', '/posts')).toEqual({
      eventId: 'post-create',
      meta: {},
    });
    expect(auditEventFor('DELETE', '/posts/12/save')).toEqual({
      eventId: 'post-relation',
      meta: { postId: '12', relation: 'save', action: 'remove' },
    });
    expect(auditEventFor('POST', '/interests/4/accept')).toEqual({
      eventId: 'interest-answer',
      meta: { interestId: '4', answer: 'accept' },
    });
    expect(auditEventFor('POST', '/skills/3/merge')?.eventId).toBe(
      'skill-merge',
    );
    expect(auditEventFor('GET', '/insights.csv')?.eventId).toBe(
      'insights-export',
    );
    expect(auditEventFor('GET', '/posts')).toBeUndefined();
    expect(auditEventFor('GET', '/posts/12')).toBeUndefined();
  });
});

describe.each(databases.eachSupportedId())(
  'Backstage integrations on %s',
  databaseId => {
    let server: any;
    const as = (ref: string) => mockCredentials.user.header(ref);
    const api = '/api/skill-exchange';
    const sent: Array<{ recipients: any; payload: any }> = [];
    const audits: Array<{ eventId: string; meta: any; outcome?: string }> = [];
    const tasks = new Map<string, () => Promise<void>>();
    const actions = actionsRegistryServiceMock();

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          skillExchangePlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { skillExchange: { reminders: { afterDays: 0 } } },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          mockServices.scheduler.mock({
            async scheduleTask(task: any) {
              tasks.set(task.id, task.fn);
            },
          }).factory,
          mockServices.auditor.mock({
            async createEvent(options: any) {
              const entry: (typeof audits)[number] = {
                eventId: options.eventId,
                meta: options.meta,
              };
              audits.push(entry);
              return {
                async success() {
                  entry.outcome = 'success';
                },
                async fail() {
                  entry.outcome = 'fail';
                },
              };
            },
          }).factory,
          createServiceFactory({
            service: actionsRegistryServiceRef,
            deps: {},
            factory: () => actions,
          }),
          catalogServiceMock.factory({
            entities: ['anna', 'ben', 'cara'].map(name => ({
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name, namespace: 'default' },
              spec: { memberOf: ['backend'] },
              relations: [
                { type: 'memberOf', targetRef: 'group:default/backend' },
              ],
            })),
          }),
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              async send(options: any) {
                sent.push(options);
              },
            }),
          }),
        ],
      });
      server = backend.server;
      await request(server)
        .put(`${api}/profiles/me`)
        .set('authorization', as(BEN))
        .send({
          skills: [{ skill: 'go', level: 5, canHelp: true }],
          learning: ['Rust'],
        })
        .expect(200);
      await request(server)
        .put(`${api}/profiles/me`)
        .set('authorization', as(CARA))
        .send({ skills: [{ skill: 'go', level: 3 }] })
        .expect(200);
    });

    beforeEach(() => {
      sent.length = 0;
      audits.length = 0;
    });

    it('audits changes with their outcome, and not reads', async () => {
      const post = (
        await request(server)
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({ kind: 'hack', title: 'Audited hack', skills: ['go'] })
          .expect(201)
      ).body;
      await request(server)
        .put(`${api}/posts/${post.id}/save`)
        .set('authorization', as(BEN))
        .expect(204);
      await request(server)
        .post(`${api}/posts`)
        .set('authorization', as(ANNA))
        .send({ kind: 'hack' })
        .expect(400);
      await request(server)
        .get(`${api}/posts`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(audits).toEqual([
        { eventId: 'post-create', meta: {}, outcome: 'success' },
        {
          eventId: 'post-relation',
          meta: { postId: String(post.id), relation: 'save', action: 'add' },
          outcome: 'success',
        },
        { eventId: 'post-create', meta: {}, outcome: 'fail' },
      ]);
    });

    it('notifies people whose learning goals a new post asks for', async () => {
      const post = (
        await request(server)
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({
            kind: 'mentorship',
            title: 'Rust mentoring',
            skills: ['rust'],
            mode: 'offering',
            capacity: 2,
          })
          .expect(201)
      ).body;
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: [BEN] },
          payload: expect.objectContaining({
            topic: 'skill-exchange:learning-goal-match',
            link: `/skill-exchange/posts/${post.id}`,
          }),
        },
      ]);
      sent.length = 0;
      // Nobody is learning Go: no notification.
      await request(server)
        .post(`${api}/posts`)
        .set('authorization', as(ANNA))
        .send({ kind: 'hack', title: 'Go hack', skills: ['go'] })
        .expect(201);
      expect(sent).toEqual([]);
    });

    it('reminds owners of unanswered interest from the scheduled task', async () => {
      const embed = (
        await request(server)
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({
            kind: 'embed',
            title: 'Reminder embed',
            skills: [],
            team: 'group:default/backend',
            start: '2027-Q2',
            durationWeeks: 2,
            location: 'remote',
          })
          .expect(201)
      ).body;
      for (const who of [BEN, CARA]) {
        await request(server)
          .post(`${api}/posts/${embed.id}/interests`)
          .set('authorization', as(who))
          .send({ message: 'Me please' })
          .expect(201);
      }
      sent.length = 0;
      const remind = tasks.get('skill-exchange-interest-reminders');
      expect(remind).toBeDefined();
      await new Promise(resolve => setTimeout(resolve, 5));
      await remind!();
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: ANNA },
          payload: expect.objectContaining({
            title: '2 unanswered interests in "Reminder embed"',
            topic: 'skill-exchange:interest-reminder',
          }),
        },
      ]);
    });

    it('registers search-skills and find-experts in the actions registry', async () => {
      const skills = await actions.invoke({
        id: 'test:search-skills',
        input: { query: 'k8s', limit: 5 },
        credentials: mockCredentials.user(ANNA),
      });
      expect(skills.output).toEqual({
        skills: [expect.objectContaining({ name: 'Kubernetes' })],
        totalItems: 1,
      });

      const experts = await actions.invoke({
        id: 'test:find-experts',
        input: { skills: ['golang'], minLevel: 3 },
        credentials: mockCredentials.user(ANNA),
      });
      expect(experts.output).toEqual({
        experts: [
          {
            user: BEN,
            team: 'group:default/backend',
            score: 5,
            skills: [
              { skill: 'Go', level: 5, levelName: 'Expert', canHelp: true },
            ],
          },
          expect.objectContaining({ user: CARA, score: 3 }),
        ],
        totalItems: 2,
      });
      await expect(
        actions.invoke({
          id: 'test:find-experts',
          input: { skills: [] },
          credentials: mockCredentials.user(ANNA),
        }),
      ).rejects.toThrow();
      await expect(
        actions.invoke({
          id: 'test:find-experts',
          input: { skills: ['no such skill'] },
          credentials: mockCredentials.user(ANNA),
        }),
      ).rejects.toThrow(/Unknown skill/);
    });
  },
);
