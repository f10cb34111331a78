import { TestDatabases } from '@backstage/backend-test-utils';
import {
  DEFAULT_FUZZ_RUNS,
  DEFAULT_FUZZ_SEED,
  escapeForLog,
  hostileStrings,
  nestedObject,
} from '@onramp/test-utils';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import request from 'supertest';
import {
  fixture,
  githubSignature,
  GITLAB_TOKEN,
  KENJI,
  ScmEventsTestBackend,
  SOFIA,
  startScmEventsBackendOn,
} from './__testUtils__/backend';

jest.setTimeout(600_000);

const databases = TestDatabases.create();

const FIXTURES = {
  github: [
    ['pull_request', 'pull_request.opened'],
    ['pull_request', 'pull_request.merged'],
    ['pull_request', 'pull_request.closed-unmerged'],
    ['workflow_run', 'workflow_run.completed'],
    ['check_suite', 'check_suite.completed'],
    ['deployment_status', 'deployment_status.success'],
    ['release', 'release.published'],
  ],
  gitlab: [
    ['Merge Request Hook', 'merge_request.open'],
    ['Merge Request Hook', 'merge_request.merge'],
    ['Pipeline Hook', 'pipeline.success'],
    ['Deployment Hook', 'deployment.success'],
    ['Release Hook', 'release.create'],
  ],
} as const;

type Provider = keyof typeof FIXTURES;

/** Every path to a leaf of a JSON value, e.g. `['pull_request', 'user', 'login']`. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      leafPaths(v, [...prefix, k]),
    );
  }
  return [prefix];
}

function withValueAt(value: any, path: string[], leaf: unknown): any {
  const copy = structuredClone(value);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = leaf;
  return copy;
}

const hostileLeaves: unknown[] = [
  ...hostileStrings.map(h => h.value),
  null,
  -1,
  2 ** 31,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  [],
  {},
  nestedObject(64),
];

/** A fixture with one leaf replaced by a hostile value, or removed. */
function mutatedFixture(provider: Provider) {
  return fc
    .record({
      which: fc.nat(FIXTURES[provider].length - 1),
      leaf: fc.nat(),
      value: fc.oneof(
        fc.constantFrom(...hostileLeaves),
        fc.constant(undefined),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    })
    .map(({ which, leaf, value }) => {
      const [event, name] = FIXTURES[provider][which];
      const payload = fixture(provider, name);
      const paths = leafPaths(payload);
      const path = paths[leaf % paths.length];
      return {
        event,
        body: JSON.stringify(withValueAt(payload, path, value)),
        mutated: `${name} with ${path.join('.')} = ${escapeForLog(
          String(JSON.stringify(value)).slice(0, 80),
        )}`,
      };
    });
}

const rawBodies = [
  '{"action": "opened",',
  '',
  '42',
  'null',
  '[]',
  '"text"',
  '{"__proto__": {"polluted": true}}',
  `{"a": "${'x'.repeat(2 * 1024 * 1024)}"}`,
];

/** One webhook request: what is sent, and how it is signed. */
function webhook(provider: Provider) {
  const events = FIXTURES[provider].map(([event]) => event);
  return fc.record({
    payload: fc.oneof(
      { weight: 3, arbitrary: mutatedFixture(provider) },
      {
        weight: 1,
        arbitrary: fc.record({
          event: fc.oneof(
            fc.constantFrom(...events),
            fc.stringMatching(/^[\x21-\x7e]{1,40}$/),
          ),
          body: fc.oneof(
            fc.constantFrom(...rawBodies),
            fc.jsonValue().map(v => JSON.stringify(v) ?? ''),
          ),
          mutated: fc.constant('raw body'),
        }),
      },
    ),
    auth: fc.oneof(
      { weight: 4, arbitrary: fc.constant('valid' as const) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('missing' as const, 'wrong' as const),
      },
    ),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'application/json; charset=utf-8',
          'application/json; charset=bogus',
          'text/plain',
          'application/x-www-form-urlencoded',
          null,
        ),
      },
    ),
    delivery: fc.constantFrom('replayed-delivery-1', 'replayed-delivery-2'),
  });
}

type Webhook = ReturnType<typeof webhook> extends fc.Arbitrary<infer T>
  ? T
  : never;

function send(backend: ScmEventsTestBackend, provider: Provider, w: Webhook) {
  const body = w.payload.body;
  const req = request(backend.server).post(`/api/events/http/${provider}`);
  if (w.contentType) req.set('Content-Type', w.contentType);
  if (provider === 'github') {
    req.set('X-GitHub-Event', w.payload.event);
    req.set('X-GitHub-Delivery', w.delivery);
    if (w.auth !== 'missing') {
      req.set(
        'X-Hub-Signature-256',
        w.auth === 'valid' ? githubSignature(body) : githubSignature(body, 'x'),
      );
    }
  } else {
    req.set('X-Gitlab-Event', w.payload.event);
    req.set('X-Gitlab-Event-UUID', w.delivery);
    if (w.auth !== 'missing') {
      req.set('X-Gitlab-Token', w.auth === 'valid' ? GITLAB_TOKEN : 'wrong');
    }
  }
  return body ? req.send(body) : req;
}

/** A digest of the golden-paths tables: journeys, progress and evidence. */
async function goldenPathsDigest(backend: ScmEventsTestBackend) {
  const hash = createHash('sha256');
  for (const table of ['gp_journeys', 'gp_step_progress', 'gp_evidence']) {
    const rows = await backend.knex(table).select();
    const lines = rows.map(r => JSON.stringify(r)).sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

const runs = 4 * (Number(process.env.ONRAMP_FUZZ_RUNS) || DEFAULT_FUZZ_RUNS);
const seed = Number(process.env.ONRAMP_FUZZ_SEED) || DEFAULT_FUZZ_SEED;

describe.each(databases.eachSupportedId())(
  'webhook ingress fuzzing, on %s',
  databaseId => {
    let backend: ScmEventsTestBackend;

    beforeAll(async () => {
      backend = await startScmEventsBackendOn(databases, databaseId);
      await backend.startJourney(SOFIA);
      await backend.startJourney(KENJI);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it.each(['github', 'gitlab'] as const)(
      '%s: never a 5xx, a 4xx or an unsigned request changes nothing, a replay changes nothing',
      async provider => {
        const statuses: Record<number, number> = {};
        await fc.assert(
          fc.asyncProperty(webhook(provider), async w => {
            const before = await goldenPathsDigest(backend);
            const res = await send(backend, provider, w);
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            const context = `${w.payload.mutated}, auth ${
              w.auth
            }, content type ${w.contentType}: ${res.status} ${res.text.slice(
              0,
              200,
            )}`;
            if (res.status >= 500) throw new Error(`5xx for ${context}`);
            const after = await goldenPathsDigest(backend);
            if (res.status >= 400 || w.auth !== 'valid') {
              if (after !== before) {
                throw new Error(`rows changed for ${context}`);
              }
              return;
            }
            // The same delivery again: accepted or refused, but no new row.
            const replay = await send(backend, provider, w);
            if (replay.status >= 500)
              throw new Error(`5xx on replay: ${context}`);
            if ((await goldenPathsDigest(backend)) !== after) {
              throw new Error(`the replay changed rows: ${context}`);
            }
          }),
          { numRuns: runs, seed: seed ^ (provider === 'github' ? 1 : 2) },
        );
        // The fuzzer reached the recorder, not only the gates in front.
        expect(statuses[202]).toBeGreaterThan(0);
        const [{ count }] = await backend
          .knex('gp_evidence')
          .where('evidence_id', 'like', `${provider}:%`)
          .count({ count: '*' });
        expect(Number(count)).toBeGreaterThan(0);
        expect(
          Object.keys(statuses).filter(s => Number(s) >= 400).length,
        ).toBeGreaterThan(0);
      },
    );

    it('answers a body over the ingress limit (5 MB) with a 413', async () => {
      const res = await backend.postGithub('pull_request', undefined, {
        raw: `{"a": "${'x'.repeat(6 * 1024 * 1024)}"}`,
      });
      expect(res.status).toBe(413);
    });
  },
);
