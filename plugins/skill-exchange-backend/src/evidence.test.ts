import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  CARA,
  DAN,
  embedInput,
  goldenPathsStandIn,
  ownersOnlyOrg,
  person,
  PullRequestsByUser,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

/** A Component as the Day-1 local git repositories register them. */
const localComponent = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'svc',
    namespace: 'default',
    tags: ['typescript', 'golden-path'],
    annotations: {
      'backstage.io/source-location':
        'url:http://localhost:7007/api/scaffolder/golden-paths/git/svc/raw/main/',
    },
  },
  spec: { type: 'service', owner: 'group:default/backend' },
};
/** A GitHub Component: its project slug, and its languages by annotation. */
const githubComponent = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web',
    namespace: 'default',
    annotations: {
      'github.com/project-slug': 'Acme/Web',
      'onramp.dev/languages': 'golang, Cobol for Martians',
    },
  },
  spec: { type: 'website', owner: 'group:default/client' },
};

/** Merged pull requests in Golden Paths (each database's tests change their own). */
const startingPullRequests = (): PullRequestsByUser => ({
  [ANNA]: [
    { repository: 'svc.git', mergedAt: '2026-12-02T09:00:00.000Z' },
    { repository: 'svc', mergedAt: '2026-11-20T09:00:00.000Z' },
    { repository: 'acme/web', mergedAt: '2026-11-01T09:00:00.000Z' },
    { repository: 'unknown/repo', mergedAt: '2026-11-01T09:00:00.000Z' },
  ],
  [CARA]: [{ repository: 'svc', mergedAt: '2026-10-01T09:00:00.000Z' }],
});

describe.each(databases.eachSupportedId())(
  'skills backed by evidence on %s',
  databaseId => {
    const org = ownersOnlyOrg();
    const prs = startingPullRequests();
    const goldenPaths = goldenPathsStandIn(prs);
    const sx = useSkillExchangeBackend(databases, databaseId, {
      ...org,
      entities: [
        ...org.entities,
        person('dan', 'backend', 'Engineer'),
        localComponent,
        githubComponent,
      ],
      features: [goldenPaths.plugin],
    });
    const refresh = () => sx.tasks.get('skill-exchange-evidence-refresh')!();
    const suggestions = async (who: string) =>
      (await sx.call('get', '/profiles/me/suggestions', who).expect(200)).body;
    const profile = async (who: string, of = 'me') =>
      (
        await sx
          .call('get', `/profiles/${encodeURIComponent(of)}`, who)
          .expect(200)
      ).body;
    const save = (who: string, body: object) =>
      sx.call('put', '/profiles/me', who).send(body).expect(200);

    beforeAll(async () => {
      await save(CARA, {
        skills: [{ skill: 'TypeScript', level: 5 }],
        shareEvidence: true,
      });
      await save(DAN, { skills: [{ skill: 'TypeScript', level: 4 }] });
      await refresh();
    });

    it('suggests skills from merged pull requests, mapped through the catalog, to the person only', async () => {
      expect(goldenPaths.calls.count).toBeGreaterThan(0);
      expect(await suggestions(ANNA)).toEqual([
        {
          skill: 'Go',
          category: 'language',
          evidence: {
            summary: '1 PR',
            items: [
              {
                kind: 'pull_requests',
                count: 1,
                text: '1 merged pull request in 1 Go repository, latest 1 Nov',
                latestAt: '2026-11-01T09:00:00.000Z',
              },
            ],
          },
        },
        {
          skill: 'TypeScript',
          category: 'language',
          evidence: {
            summary: '2 PRs',
            items: [
              expect.objectContaining({
                text: '2 merged pull requests in 1 TypeScript repository, latest 2 Dec',
              }),
            ],
          },
        },
      ]);
      // Cara has TypeScript on her profile already: nothing to suggest.
      expect(await suggestions(CARA)).toEqual([]);
      expect(await suggestions(BEN)).toEqual([]);
    });

    it('never shows suggestions to anyone else: profile, experts, insights, search, MCP', async () => {
      for (const viewer of [BEN, CARA, 'user:default/admin']) {
        const anna = await sx
          .call('get', `/profiles/${encodeURIComponent(ANNA)}`, viewer)
          .expect(200);
        expect(JSON.stringify(anna.body)).not.toMatch(/Go|TypeScript|PR/);
      }
      const experts = await sx
        .call('get', '/experts?skills=Go&minLevel=1&rank=evidence', BEN)
        .expect(200);
      expect(experts.body.items).toEqual([]);
      const insights = await sx.call('get', '/insights', BEN).expect(200);
      expect(
        insights.body.skills.find((s: any) => s.skill === 'Go')?.supply ?? 0,
      ).toBe(0);
      const asService = await sx
        .call('get', '/collator/documents?type=profiles', BEN)
        .set('authorization', mockCredentials.service.header());
      expect(JSON.stringify(asService.body)).not.toMatch(/"Go"|merged/);
      const mcp = await sx.actions.invoke({
        id: 'test:find-experts',
        input: { skills: ['Go'], minLevel: 1 },
        credentials: mockCredentials.user(BEN),
      });
      expect(mcp.output).toMatchObject({ experts: [], totalItems: 0 });
    });

    it('accepts a suggestion with the version rules; nothing changes on a 4xx', async () => {
      const before = await profile(ANNA);
      const accept = (who: string, skill: string, body: object) =>
        sx
          .call('post', `/profiles/me/suggestions/${skill}/accept`, who)
          .send(body);
      await accept(ANNA, 'TypeScript', { level: 3, version: 7 }).expect(409);
      await accept(ANNA, 'TypeScript', { level: 9 }).expect(400);
      await accept(ANNA, 'TypeScript', { level: 3, extra: 1 }).expect(400);
      await accept(ANNA, 'Nonsense', { level: 3 }).expect(400);
      await accept(ANNA, 'Kotlin', { level: 3 }).expect(404);
      // Ben has no TypeScript evidence: Anna's suggestion is not his.
      await accept(BEN, 'TypeScript', { level: 3 }).expect(404);
      expect(await profile(ANNA)).toEqual(before);
      expect(await profile(BEN)).toMatchObject({ skills: [], version: 0 });

      const accepted = await accept(ANNA, 'ts', {
        level: 3,
        version: before.version,
      }).expect(200);
      expect(accepted.body.version).toBe(before.version + 1);
      expect(accepted.body.skills).toEqual([
        {
          skill: 'TypeScript',
          category: 'language',
          level: 3,
          canHelp: false,
          evidence: {
            summary: '2 PRs',
            items: [expect.objectContaining({ kind: 'pull_requests' })],
          },
        },
      ]);
      expect((await suggestions(ANNA)).map((s: any) => s.skill)).toEqual([
        'Go',
      ]);
      await accept(ANNA, 'TypeScript', { level: 3 }).expect(404);
    });

    it('rejects a suggestion for good ("not me"); adding it by hand undoes that', async () => {
      const reject = (skill: string) =>
        sx
          .call('post', `/profiles/me/suggestions/${skill}/reject`, ANNA)
          .send({});
      expect((await reject('golang').expect(200)).body).toEqual([]);
      await reject('Go').expect(404);
      await refresh();
      expect(await suggestions(ANNA)).toEqual([]);
      await sx
        .call('post', '/profiles/me/suggestions/Go/accept', ANNA)
        .send({ level: 2 })
        .expect(404);
      const mine = await profile(ANNA);
      await save(ANNA, {
        skills: [
          ...mine.skills.map((s: any) => ({ skill: s.skill, level: s.level })),
          { skill: 'Go', level: 2 },
        ],
        version: mine.version,
      });
      const withGo = await profile(ANNA);
      expect(withGo.skills.find((s: any) => s.skill === 'Go').evidence).toEqual(
        expect.objectContaining({ summary: '1 PR' }),
      );
    });

    it('shows evidence to others only when the person shares it', async () => {
      const seenByBen = async () =>
        (await profile(BEN, ANNA)).skills.map((s: any) => s.evidence);
      expect(await seenByBen()).toEqual([undefined, undefined]);
      const mine = await profile(ANNA);
      expect(mine.shareEvidence).toBe(false);
      await save(ANNA, {
        skills: mine.skills.map((s: any) => ({
          skill: s.skill,
          level: s.level,
        })),
        shareEvidence: true,
        version: mine.version,
      });
      expect(await seenByBen()).toEqual([
        expect.objectContaining({ summary: '2 PRs' }),
        expect.objectContaining({ summary: '1 PR' }),
      ]);
    });

    it('ranks experts by evidence among people who share it, and says why', async () => {
      const byLevel = await sx
        .call('get', '/experts?skills=TypeScript&minLevel=1', BEN)
        .expect(200);
      expect(byLevel.body.items.map((e: any) => e.user)).toEqual([
        CARA,
        DAN,
        ANNA,
      ]);
      expect(byLevel.body.items[0].evidence).toBeUndefined();
      const byEvidence = await sx
        .call('get', '/experts?skills=ts&minLevel=1&rank=evidence', BEN)
        .expect(200);
      // Dan does not share his evidence: he is not ranked by it.
      expect(
        byEvidence.body.items.map((e: any) => [e.user, e.evidence]),
      ).toEqual([
        [ANNA, { score: 2, reason: '2 merged PRs in TypeScript repositories' }],
        [CARA, { score: 1, reason: '1 merged PR in TypeScript repositories' }],
      ]);
      expect(byEvidence.body.totalItems).toBe(2);
      await sx.call('get', '/experts?skills=ts&rank=stars', BEN).expect(400);
    });

    it('counts embeds that are over, for the owner and the accepted, with post evidence weighing 5', async () => {
      const post = await sx
        .call('post', '/posts', CARA)
        .send(embedInput({ skills: ['TypeScript'] }))
        .expect(201);
      const interest = await sx
        .call('post', `/posts/${post.body.id}/interests`, ANNA)
        .send({ message: 'Me!' })
        .expect(201);
      await sx
        .call('post', `/interests/${interest.body.id}/accept`, CARA)
        .send({})
        .expect(200);
      await refresh();
      // Not over yet (2027-Q1).
      expect((await profile(ANNA)).skills[0].evidence.summary).toBe('2 PRs');
      await sx
        .knex('posts')
        .where('id', post.body.id)
        .update({ start: '2026-01-05' });
      await sx
        .call('post', '/profiles/me/evidence/refresh', ANNA)
        .send({})
        .expect(200);
      const mine = await profile(ANNA);
      expect(mine.skills[0].evidence).toEqual({
        summary: '2 PRs · 1 embed',
        items: [
          expect.objectContaining({ kind: 'pull_requests' }),
          expect.objectContaining({ kind: 'embeds_completed' }),
        ],
      });
      expect(mine.skills[0].evidence.items[1].text).toBe(
        '1 embed completed, latest 19 Jan',
      );
      await refresh();
      const ranked = await sx
        .call('get', '/experts?skills=TypeScript&minLevel=1&rank=evidence', BEN)
        .expect(200);
      expect(ranked.body.items[0].evidence).toEqual({
        score: 7,
        reason: '2 merged PRs in TypeScript repositories; 1 embed completed',
      });
      // The owner's embed counts too.
      expect(ranked.body.items[1]).toMatchObject({
        user: CARA,
        evidence: { score: 6 },
      });
    });

    it('takes racing refreshes (the task and the person’s own) without an error', async () => {
      const own = () =>
        sx.call('post', '/profiles/me/evidence/refresh', CARA).send({});
      const answers = await Promise.all([own(), refresh(), own(), refresh()]);
      expect(answers.filter(a => a).map(a => a!.status)).toEqual([200, 200]);
      expect((await profile(CARA)).skills[0].evidence.summary).toBe(
        '1 PR · 1 embed',
      );
    });

    it('drops pull request evidence that Golden Paths no longer has', async () => {
      delete prs[ANNA];
      await refresh();
      const rows = await sx
        .knex('skill_evidence')
        .where({ user_ref: ANNA, kind: 'pull_requests' });
      expect(rows).toEqual([]);
    });
  },
);
