import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  fixture,
  githubSignature,
  KENJI,
  ScmEventsTestBackend,
  SOFIA,
  startScmEventsBackend,
  startScmEventsBackendOn,
} from './__testUtils__/backend';

jest.setTimeout(120_000);

const databases = TestDatabases.create();

async function evidenceRows(knex: ScmEventsTestBackend['knex']) {
  return knex('gp_evidence')
    .select('user_entity_ref', 'evidence_id', 'key')
    .orderBy('evidence_id');
}

it('runs on PostgreSQL in CI, not only on SQLite', () => {
  const ids = databases.eachSupportedId().map(([id]) => id);
  expect(!process.env.CI || ids.includes('POSTGRES_15')).toBe(true);
});

/** What the module logged about its webhook path, with the level. */
const linesOf = (backend: ScmEventsTestBackend) =>
  backend.logs.lines
    .filter(l => l.message.startsWith('Golden Paths SCM events: '))
    .map(l => `${l.level} ${l.message}`);

async function occurredAt(backend: ScmEventsTestBackend, evidenceId: string) {
  const row = await backend
    .knex('gp_evidence')
    .where({ evidence_id: evidenceId })
    .first('occurred_at');
  return new Date(Number(row.occurred_at)).toISOString();
}

describe.each(databases.eachSupportedId())(
  'SCM webhooks through the real HTTP ingress, on %s',
  databaseId => {
    let backend: ScmEventsTestBackend;

    beforeAll(async () => {
      backend = await startScmEventsBackendOn(databases, databaseId);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    beforeEach(async () => {
      await backend.knex('gp_step_progress').delete();
      await backend.knex('gp_evidence').delete();
      await backend.knex('gp_journeys').delete();
      backend.outcomes.length = 0;
    });

    it('completes a journey from GitHub pull request, CI, deployment and release events', async () => {
      await backend.startJourney(SOFIA);
      for (const [event, name] of [
        ['pull_request', 'pull_request.opened'],
        ['pull_request', 'pull_request.merged'],
        ['workflow_run', 'workflow_run.completed'],
        ['deployment_status', 'deployment_status.success'],
        ['release', 'release.published'],
      ]) {
        const res = await backend.postGithub(event, fixture('github', name));
        expect(res.status).toBe(202);
      }

      const [journey] = await backend.journeys(SOFIA);
      expect(journey.status).toBe('completed');
      const byStep = Object.fromEntries(journey.steps.map(s => [s.stepId, s]));
      expect(byStep['merge-pr'].evidence).toMatchObject({
        source: 'evidence',
        key: 'pr.merged',
        evidenceId: 'github:onramp-demo/payments-api#42:merged',
        link: 'https://github.com/onramp-demo/payments-api/pull/42',
        outputs: {
          provider: 'github',
          repository: 'onramp-demo/payments-api',
          pullRequest: 42,
          commit: 'e5bd3914e2e596debea16f433f57875b5b90bcd6',
          branch: 'main',
        },
      });
      expect(byStep['merge-pr'].evidence.summary).toBe(
        'Pull request onramp-demo/payments-api#42 merged: Add a health endpoint',
      );
      expect(byStep.ci.evidence).toMatchObject({
        key: 'ci.passed',
        evidenceId: 'github:onramp-demo/payments-api:run:7312245161:1',
        outputs: { commit: 'e5bd3914e2e596debea16f433f57875b5b90bcd6' },
      });
      expect(byStep.deploy.evidence).toMatchObject({
        key: 'deploy.healthy',
        link: 'https://payments-api.staging.onramp.example',
        outputs: { environment: 'staging' },
      });
      expect(byStep.release.evidence).toMatchObject({
        key: 'release.published',
        outputs: { tag: 'v1.4.0' },
      });
      expect(backend.outcomes).toEqual(
        Array(5).fill(['recorded', expect.stringMatching(/^github\./)]),
      );
      // When it happened, as the payload says (merged_at).
      expect(
        await occurredAt(backend, 'github:onramp-demo/payments-api#42:merged'),
      ).toBe('2026-11-04T16:02:11.000Z');
    });

    it('records a passed check suite for the commit author, matched by email', async () => {
      const res = await backend.postGithub(
        'check_suite',
        fixture('github', 'check_suite.completed'),
      );
      expect(res.status).toBe(202);
      expect(await evidenceRows(backend.knex)).toEqual([
        {
          user_entity_ref: SOFIA,
          evidence_id:
            'github:onramp-demo/payments-api:check-suite:19876543210',
          key: 'ci.passed',
        },
      ]);
    });

    it('completes a journey from GitLab merge request, pipeline, deployment and release events', async () => {
      await backend.startJourney(KENJI);
      for (const [event, name] of [
        ['Merge Request Hook', 'merge_request.open'],
        // Merged by a reviewer: the author is the last commit's author.
        ['Merge Request Hook', 'merge_request.merge'],
        ['Pipeline Hook', 'pipeline.success'],
        ['Deployment Hook', 'deployment.success'],
        ['Release Hook', 'release.create'],
      ]) {
        const res = await backend.postGitlab(event, fixture('gitlab', name));
        expect(res.status).toBe(202);
      }
      const [journey] = await backend.journeys(KENJI);
      expect(journey.status).toBe('completed');
      const byStep = Object.fromEntries(journey.steps.map(s => [s.stepId, s]));
      expect(byStep['merge-pr'].evidence).toMatchObject({
        key: 'pr.merged',
        evidenceId: 'gitlab:client/feature-flags-web!7:merged',
        link: 'https://gitlab.example.com/client/feature-flags-web/-/merge_requests/7',
        outputs: {
          provider: 'gitlab',
          pullRequest: 7,
          commit: '0a4c1e28ba9a4cc6b1b1d0e7f2c61d2e5f1f3b9e',
        },
      });
      expect(byStep.deploy.evidence).toMatchObject({
        key: 'deploy.healthy',
        link: 'https://web.staging.onramp.example',
      });
      expect(
        await occurredAt(backend, 'gitlab:client/feature-flags-web!7:merged'),
      ).toBe('2026-11-04T14:30:00.000Z');
      // `2026-11-04 15:50:00 +0100` in the deployment payload.
      expect(
        await occurredAt(
          backend,
          'gitlab:client/feature-flags-web:deployment:1532',
        ),
      ).toBe('2026-11-04T14:50:00.000Z');
      expect(byStep.ci.evidence.outputs).toMatchObject({ branch: 'main' });
    });

    it('records the same delivery, and the same event delivered again, once', async () => {
      const payload = fixture('github', 'pull_request.merged');
      for (let i = 0; i < 3; i++) {
        const res = await backend.postGithub('pull_request', payload, {
          delivery: 'f0a1c2d3-0000-4000-8000-000000000001',
        });
        expect(res.status).toBe(202);
      }
      // A redelivery from a second hook: another delivery id, same event.
      await backend.postGithub('pull_request', payload);
      const gitlab = fixture('gitlab', 'pipeline.success');
      for (let i = 0; i < 2; i++) {
        await backend.postGitlab('Pipeline Hook', gitlab, {
          delivery: '7a1b2c3d-0000-4000-8000-000000000002',
        });
      }
      expect(await evidenceRows(backend.knex)).toEqual([
        {
          user_entity_ref: SOFIA,
          evidence_id: 'github:onramp-demo/payments-api#42:merged',
          key: 'pr.merged',
        },
        {
          user_entity_ref: KENJI,
          evidence_id: 'gitlab:client/feature-flags-web:pipeline:88131',
          key: 'ci.passed',
        },
      ]);
    });

    it('refuses a bad or missing signature or token and records nothing', async () => {
      const payload = fixture('github', 'pull_request.merged');
      const body = JSON.stringify(payload);
      for (const signature of [
        null,
        'sha256=00',
        githubSignature(body, 'not-the-secret'),
        githubSignature(`${body} `),
      ]) {
        const res = await backend.postGithub('pull_request', payload, {
          signature,
        });
        expect(res.status).toBe(403);
      }
      for (const token of [null, '', 'wrong-token']) {
        const res = await backend.postGitlab(
          'Pipeline Hook',
          fixture('gitlab', 'pipeline.success'),
          { token },
        );
        expect(res.status).toBe(403);
      }
      expect(await evidenceRows(backend.knex)).toEqual([]);
      expect(backend.outcomes).toEqual([]);
    });

    it('counts and drops events of people the catalog does not know, or knows twice', async () => {
      const stranger = fixture('github', 'pull_request.merged');
      stranger.pull_request.user.login = 'someone-else';
      const twin = fixture('github', 'pull_request.opened');
      twin.pull_request.user.login = 'Twin';
      const unknownEmail = fixture('github', 'check_suite.completed');
      unknownEmail.check_suite.head_commit.author.email = 'who@example.com';
      for (const [event, payload] of [
        ['pull_request', stranger],
        ['pull_request', twin],
        ['check_suite', unknownEmail],
      ]) {
        expect((await backend.postGithub(event, payload)).status).toBe(202);
      }
      expect(backend.outcomes).toEqual([
        ['unknown-user', 'github.pull_request'],
        ['ambiguous-user', 'github.pull_request'],
        ['unknown-user', 'github.check_suite'],
      ]);
      expect(await evidenceRows(backend.knex)).toEqual([]);
    });

    it('ignores events that prove nothing: unmerged, failed, unknown types', async () => {
      const failed = fixture('github', 'workflow_run.completed');
      failed.workflow_run.conclusion = 'failure';
      for (const [event, payload] of [
        ['pull_request', fixture('github', 'pull_request.closed-unmerged')],
        ['workflow_run', failed],
        ['star', { action: 'created', repository: {} }],
      ]) {
        expect((await backend.postGithub(event, payload)).status).toBe(202);
      }
      expect(backend.outcomes).toEqual([
        ['ignored', 'github.pull_request'],
        ['ignored', 'github.workflow_run'],
      ]);
      expect(await evidenceRows(backend.knex)).toEqual([]);
    });

    it('says nothing is missing with the events backend and both providers', () => {
      expect(linesOf(backend)).toEqual([]);
    });

    it('answers malformed webhooks with a 4xx, never a 5xx', async () => {
      const cases = [
        { raw: '{"action": "opened",', status: 400 },
        { raw: '', status: 400 },
        { raw: '42', status: 400 },
        { raw: 'null', status: 400 },
      ];
      for (const c of cases) {
        const res = await backend.postGithub('pull_request', undefined, {
          raw: c.raw,
        });
        expect(res.status).toBe(c.status);
      }
      // No body, no Content-Type.
      const noType = await request(backend.server)
        .post('/api/events/http/github')
        .set('X-GitHub-Event', 'pull_request');
      expect(noType.status).toBe(415);
      expect(await evidenceRows(backend.knex)).toEqual([]);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'what is missing on the webhook path, on %s',
  databaseId => {
    it('warns without the events backend, and golden-paths still runs', async () => {
      const backend = await startScmEventsBackend({
        knex: await databases.init(databaseId),
        eventsKnex: await databases.init(databaseId),
        withoutEventsBackend: true,
      });
      try {
        expect(linesOf(backend)).toEqual([
          "warn Golden Paths SCM events: the events backend is not installed, so no webhook reaches this module; add backend.add(import('@backstage/plugin-events-backend'))",
          "info Golden Paths SCM events: GitHub webhooks are off; add backend.add(import('@backstage/plugin-events-backend-module-github')) and set events.modules.github.webhookSecret to receive them",
          "info Golden Paths SCM events: GitLab webhooks are off; add backend.add(import('@backstage/plugin-events-backend-module-gitlab')) and set events.modules.gitlab.webhookSecret to receive them",
        ]);
        await backend.startJourney(SOFIA);
        expect(await backend.journeys(SOFIA)).toHaveLength(1);
        const webhook = await backend.postGithub(
          'pull_request',
          fixture('github', 'pull_request.opened'),
        );
        expect(webhook.status).toBe(404);
      } finally {
        await backend.stop();
      }
    });
  },
);
