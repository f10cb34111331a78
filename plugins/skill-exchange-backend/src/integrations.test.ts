import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  CARA,
  catalogUser,
  startSkillExchangeBackend,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'Backstage integrations on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      config: { skillExchange: { reminders: { afterDays: 0 } } },
      entities: ['anna', 'ben', 'cara'].map(name => catalogUser(name)),
    });

    beforeAll(async () => {
      await sx
        .call('put', '/profiles/me', BEN)
        .send({
          skills: [{ skill: 'go', level: 5, canHelp: true }],
          learning: ['Rust'],
        })
        .expect(200);
      await sx
        .call('put', '/profiles/me', CARA)
        .send({ skills: [{ skill: 'go', level: 3 }] })
        .expect(200);
    });

    beforeEach(() => {
      sx.sent.length = 0;
      sx.audits.length = 0;
    });

    it('audits changes with their outcome, and not reads', async () => {
      const post = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: 'Audited hack', skills: ['go'] })
          .expect(201)
      ).body;
      await sx.call('put', `/posts/${post.id}/save`, BEN).expect(201);
      await sx.call('post', '/posts', ANNA).send({ kind: 'hack' }).expect(400);
      await sx.call('get', '/posts', ANNA).expect(200);
      expect(sx.audits).toEqual([
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
        await sx
          .call('post', '/posts', ANNA)
          .send({
            kind: 'mentorship',
            title: 'Rust mentoring',
            skills: ['rust'],
            mode: 'offering',
            capacity: 2,
          })
          .expect(201)
      ).body;
      expect(sx.sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: [BEN] },
          payload: expect.objectContaining({
            topic: 'skill-exchange:learning-goal-match',
            link: `/skill-exchange/posts/${post.id}`,
          }),
        },
      ]);
      sx.sent.length = 0;
      // Nobody is learning Go: no notification.
      await sx
        .call('post', '/posts', ANNA)
        .send({ kind: 'hack', title: 'Go hack', skills: ['go'] })
        .expect(201);
      expect(sx.sent).toEqual([]);
    });

    it('reminds owners of unanswered interest from the scheduled task', async () => {
      const embed = (
        await sx
          .call('post', '/posts', ANNA)
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
        await sx
          .call('post', `/posts/${embed.id}/interests`, who)
          .send({ message: 'Me please' })
          .expect(201);
      }
      sx.sent.length = 0;
      const remind = sx.tasks.get('skill-exchange-interest-reminders');
      expect(remind).toBeDefined();
      await new Promise(resolve => setTimeout(resolve, 5));
      await remind!();
      expect(sx.sent).toEqual([
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
      const skills = await sx.actions.invoke({
        id: 'test:search-skills',
        input: { query: 'k8s', limit: 5 },
        credentials: mockCredentials.user(ANNA),
      });
      expect(skills.output).toEqual({
        skills: [expect.objectContaining({ name: 'Kubernetes' })],
        totalItems: 1,
      });

      const experts = await sx.actions.invoke({
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
        sx.actions.invoke({
          id: 'test:find-experts',
          input: { skills: [] },
          credentials: mockCredentials.user(ANNA),
        }),
      ).rejects.toThrow();
      await expect(
        sx.actions.invoke({
          id: 'test:find-experts',
          input: { skills: ['no such skill'] },
          credentials: mockCredentials.user(ANNA),
        }),
      ).rejects.toThrow(/Unknown skill/);
      // Text no engine could store is refused as input, never sent to SQL.
      const hostile: Array<[string, Record<string, string | string[]>]> = [
        ['test:search-skills', { query: 'k\u0000s' }],
        ['test:find-experts', { skills: ['g\u0000o'] }],
      ];
      for (const [id, input] of hostile) {
        await expect(
          sx.actions.invoke({
            id,
            input,
            credentials: mockCredentials.user(ANNA),
          }),
        ).rejects.toThrow(/must not contain control characters/);
      }
    });
  },
);

const OFF = {
  notifications:
    "Skill Exchange: notifications are off (interest, answers, places, approvals to give, reminders, learning-goal matches); add backend.add(import('@backstage/plugin-notifications-backend')) to send them",
  search:
    "Skill Exchange: posts and profiles are not in Backstage search; add backend.add(import('@backstage/plugin-search-backend')) and backend.add(skillExchangeSearchModule) from this package to index them",
  goldenPaths:
    "Skill Exchange: skills are not backed by merged pull requests (only by completed embeds and mentorships); add backend.add(import('@onramp/backstage-plugin-golden-paths-backend')) and a pull request source",
  mcpActions:
    "Skill Exchange: the actions skill-exchange.search-skills and skill-exchange.find-experts are not offered to MCP clients; add backend.add(import('@backstage/plugin-mcp-actions-backend')) and list skill-exchange in backend.actions.pluginSources to offer them",
};

describe.each(databases.eachSupportedId())(
  'The smallest install on %s',
  databaseId => {
    /** Ben learns Rust, then Anna offers Rust mentoring: he would be told. */
    async function postForBen(
      sx: Awaited<ReturnType<typeof startSkillExchangeBackend>>,
    ) {
      await sx
        .call('put', '/profiles/me', BEN)
        .send({ skills: [], learning: ['Rust'] })
        .expect(200);
      const post = await sx
        .call('post', '/posts', ANNA)
        .send({
          kind: 'mentorship',
          title: 'Rust mentoring',
          skills: ['rust'],
          mode: 'offering',
          capacity: 1,
        })
        .expect(201);
      const list = await sx.call('get', '/posts', BEN).expect(200);
      expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([
        post.body.id,
      ]);
    }

    it('runs with the catalog alone and no config; each integration that is off is one line', async () => {
      const sx = await startSkillExchangeBackend({
        databases,
        databaseId,
        installed: ['catalog'],
        entities: ['anna', 'ben'].map(name => catalogUser(name)),
      });
      expect(sx.logs.messages('skill-exchange', 'info')).toEqual(
        expect.arrayContaining([
          OFF.notifications,
          OFF.search,
          OFF.goldenPaths,
          OFF.mcpActions,
        ]),
      );
      expect(
        sx.logs.lines.filter(l => l.message.startsWith('Skill Exchange: ')),
      ).toHaveLength(4);
      await postForBen(sx);
      // Notifications are off: nothing is sent, nothing fails.
      expect(sx.sent).toEqual([]);
      expect(sx.logs.messages('skill-exchange', 'warn')).toEqual([]);
    });

    it('turns notifications and MCP actions on with their lines', async () => {
      const sx = await startSkillExchangeBackend({
        databases,
        databaseId,
        installed: ['catalog', 'notifications', 'mcp-actions'],
        config: { backend: { actions: { pluginSources: ['skill-exchange'] } } },
        entities: ['anna', 'ben'].map(name => catalogUser(name)),
      });
      expect(
        sx.logs.lines
          .filter(l => l.message.startsWith('Skill Exchange: '))
          .map(l => l.message),
      ).toEqual([OFF.search, OFF.goldenPaths]);
      await postForBen(sx);
      expect(sx.sent).toEqual([
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: [BEN] },
        }),
      ]);
    });

    it('warns, and still starts, without the catalog backend', async () => {
      const sx = await startSkillExchangeBackend({
        databases,
        databaseId,
        installed: [],
      });
      expect(sx.logs.messages('skill-exchange', 'warn')).toEqual([
        "Skill Exchange: the catalog backend is not installed, so profiles, teams and experts have no names, titles or teams; add backend.add(import('@backstage/plugin-catalog-backend'))",
      ]);
      await sx.call('get', '/skills?q=go', ANNA).expect(200);
    });
  },
);
