import {
  mockServices,
  registerMswTestHooks,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogWithUsers } from '../__testUtils__/catalog';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { pullRequestSourceFromConfig } from './fromConfig';
import {
  createTestGoldenPaths,
  expectSofiasTenthMergedPr,
} from '../__testUtils__/services';
import {
  GithubMergedPullRequestSource,
  GithubRateLimitError,
  GithubRequestError,
} from './GithubMergedPullRequestSource';
import { syncMergedPullRequests } from './sync';
import { PullRequestSourceUser } from '@onramp/backstage-plugin-golden-paths-node';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-02T09:00:00Z');
const API = 'https://api.github.com';
const TOKEN = 'ghp_recordedtoken';

/*
 * Responses in the shape GitHub's search API returns them (GET
 * /search/issues: total_count, incomplete_results, items with
 * repository_url, user.login and pull_request.merged_at; pages linked by the
 * Link header), served by msw: no GitHub can be reached from the tests.
 */
type Item = {
  number: number;
  repo: string;
  login: string;
  mergedAt: string | null;
  isIssue?: boolean;
};

function searchItem(item: Item) {
  return {
    url: `${API}/repos/onramp/${item.repo}/issues/${item.number}`,
    repository_url: `${API}/repos/onramp/${item.repo}`,
    html_url: `https://github.com/onramp/${item.repo}/pull/${item.number}`,
    number: item.number,
    title: `Change ${item.number}`,
    user: { login: item.login, type: 'User' },
    state: 'closed',
    created_at: '2026-11-01T08:00:00Z',
    closed_at: item.mergedAt,
    ...(item.isIssue
      ? {}
      : {
          pull_request: {
            url: `${API}/repos/onramp/${item.repo}/pulls/${item.number}`,
            html_url: `https://github.com/onramp/${item.repo}/pull/${item.number}`,
            merged_at: item.mergedAt,
          },
        }),
  };
}

/** Sofia: 12 merged PRs, 10 hours apart, plus what must never count. */
const sofiaItems: Item[] = [
  ...Array.from({ length: 12 }, (_, i) => ({
    number: 100 + i,
    repo: i % 2 ? 'svc' : 'web',
    login: 'sofia-m',
    mergedAt: new Date(T0 + (i + 1) * 10 * HOUR).toISOString(),
  })),
  // Closed without merging, and an issue: a search that misbehaved must
  // still not count them.
  { number: 300, repo: 'svc', login: 'sofia-m', mergedAt: null },
  { number: 301, repo: 'svc', login: 'sofia-m', mergedAt: null, isIssue: true },
];
const larsItems: Item[] = Array.from({ length: 3 }, (_, i) => ({
  number: 200 + i,
  repo: 'svc',
  login: 'lars-l',
  mergedAt: new Date(T0 + (i + 1) * HOUR).toISOString(),
}));

const PAGE_SIZE = 5;

/** A fake GitHub search endpoint paging `items` by PAGE_SIZE. */
function searchHandler(
  base: string,
  byLogin: Record<string, Item[]>,
  seen: URL[],
) {
  return http.get(`${base}/search/issues`, ({ request }) => {
    const url = new URL(request.url);
    seen.push(url);
    if (request.headers.get('authorization') !== `Bearer ${TOKEN}`) {
      return HttpResponse.json(
        {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
        { status: 401 },
      );
    }
    const q = url.searchParams.get('q') ?? '';
    const login = q.match(/author:(\S+)/)?.[1] ?? '';
    const all = byLogin[login] ?? [];
    const page = Number(url.searchParams.get('page') ?? '1');
    const items = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const last = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const link = (p: number) => {
      const next = new URL(url);
      next.searchParams.set('page', String(p));
      return next.toString();
    };
    const headers: Record<string, string> = {};
    if (page < last) {
      headers.link = `<${link(page + 1)}>; rel="next", <${link(
        last,
      )}>; rel="last"`;
    }
    return HttpResponse.json(
      {
        total_count: all.length,
        incomplete_results: false,
        items: items.map(searchItem),
      },
      { headers },
    );
  });
}

const users: PullRequestSourceUser[] = [
  {
    entityRef: 'user:default/sofia.marquez',
    email: 'sofia.marquez@onramp.example',
    annotations: { 'github.com/user-login': 'sofia-m' },
  },
  { entityRef: 'user:default/lars.lindqvist', annotations: {} },
  { entityRef: 'user:default/amara.okafor', annotations: {} },
];

function config(github: Record<string, unknown> = {}, integration = {}) {
  return new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', token: TOKEN, ...integration }],
    },
    goldenPaths: {
      pullRequests: {
        source: 'github',
        github: {
          organizations: ['onramp'],
          userLogins: [
            { user: 'user:default/lars.lindqvist', login: 'lars-l' },
          ],
          ...github,
        },
      },
    },
  });
}

const server = setupServer();
registerMswTestHooks(server);

describe('GithubMergedPullRequestSource', () => {
  it('counts only merged PRs, follows every page, and skips users without a login with a log line (recorded HTTP, msw)', async () => {
    const seen: URL[] = [];
    server.use(
      searchHandler(API, { 'sofia-m': sofiaItems, 'lars-l': larsItems }, seen),
    );
    const logger = mockServices.logger.mock();
    const source = pullRequestSourceFromConfig(config(), logger);
    expect(source).toBeInstanceOf(GithubMergedPullRequestSource);
    expect(source!.id).toBe('github:github.com');

    const merges = await source!.listMergedPullRequests({ users });

    const sofia = merges.filter(
      m => m.userEntityRef === 'user:default/sofia.marquez',
    );
    expect(sofia.map(m => m.id)).toEqual(
      Array.from(
        { length: 12 },
        (_, i) => `onramp/${i % 2 ? 'svc' : 'web'}#${100 + i}`,
      ),
    );
    expect(sofia[9].mergedAt).toBe(T0 + 100 * HOUR);
    expect(
      merges.filter(m => m.userEntityRef === 'user:default/lars.lindqvist'),
    ).toHaveLength(3);
    expect(merges).toHaveLength(15);

    // Sofia's 14 results come in 3 pages, Lars's 3 in one; Amara is not asked for.
    expect(
      seen.map(u => [u.searchParams.get('q'), u.searchParams.get('page')]),
    ).toEqual([
      ['is:pr is:merged author:sofia-m org:onramp', null],
      ['is:pr is:merged author:sofia-m org:onramp', '2'],
      ['is:pr is:merged author:sofia-m org:onramp', '3'],
      ['is:pr is:merged author:lars-l org:onramp', null],
    ]);
    expect(seen[0].searchParams.get('sort')).toBe('created');
    expect(seen[0].searchParams.get('order')).toBe('asc');
    expect(seen[0].searchParams.get('per_page')).toBe('100');
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /skipped 1 user\(s\) without a GitHub login .*github\.com\/user-login.*: user:default\/amara\.okafor$/,
      ),
    );
  });

  it('uses the GitHub Enterprise API base URL of the integration (recorded HTTP, msw)', async () => {
    const seen: URL[] = [];
    server.use(
      searchHandler(
        'https://ghe.onramp.example/api/v3',
        { 'lars-l': larsItems },
        seen,
      ),
    );
    const source = GithubMergedPullRequestSource.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            {
              host: 'ghe.onramp.example',
              apiBaseUrl: 'https://ghe.onramp.example/api/v3',
              token: TOKEN,
            },
          ],
        },
        goldenPaths: {
          pullRequests: {
            github: {
              host: 'ghe.onramp.example',
              organizations: ['onramp'],
              userLogins: [
                { user: 'user:default/lars.lindqvist', login: 'lars-l' },
              ],
            },
          },
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    expect(source.id).toBe('github:ghe.onramp.example');
    const merges = await source.listMergedPullRequests({
      users: [users[1]],
    });
    expect(merges).toHaveLength(3);
    expect(seen).toHaveLength(1);
  });

  it('surfaces an authentication failure clearly (recorded HTTP, msw)', async () => {
    server.use(searchHandler(API, { 'sofia-m': sofiaItems }, []));
    const source = GithubMergedPullRequestSource.fromConfig(
      config({}, { token: 'ghp_revoked' }),
      { logger: mockServices.logger.mock() },
    );
    const failure = source.listMergedPullRequests({ users });
    await expect(failure).rejects.toThrow(GithubRequestError);
    await expect(failure).rejects.toThrow(
      'GitHub rejected the credentials for github.com (HTTP 401: Bad credentials); check the token or GitHub App of integrations.github for this host',
    );
  });

  it('backs off on 403 and 429 rate limits as GitHub asks, and reports when it gives up (recorded HTTP, msw)', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/search/issues`, () => {
        calls++;
        if (calls === 1) {
          return HttpResponse.json(
            {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            },
            { status: 403, headers: { 'retry-after': '7' } },
          );
        }
        if (calls === 2) {
          return HttpResponse.json(
            { message: 'API rate limit exceeded for installation ID 1.' },
            {
              status: 403,
              headers: {
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 30),
              },
            },
          );
        }
        if (calls === 3) {
          return HttpResponse.json(
            { message: 'Too many requests' },
            { status: 429, headers: { 'retry-after': '2' } },
          );
        }
        return HttpResponse.json({
          total_count: 3,
          incomplete_results: false,
          items: larsItems.map(searchItem),
        });
      }),
    );
    const waits: number[] = [];
    const logger = mockServices.logger.mock();
    const source = GithubMergedPullRequestSource.fromConfig(config(), {
      logger,
      sleep: async ms => {
        waits.push(ms);
      },
    });
    const merges = await source.listMergedPullRequests({ users: [users[1]] });
    expect(merges).toHaveLength(3);
    expect(calls).toBe(4);
    expect(waits[0]).toBe(7000);
    expect(waits[1]).toBeGreaterThan(25_000);
    expect(waits[1]).toBeLessThanOrEqual(31_000);
    expect(waits[2]).toBe(2000);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^GitHub rate limit at github\.com \(HTTP 403\); retrying in 7 s \(attempt 1 of 3\)$/,
      ),
    );

    // Rate limited for good: the error says so and when to retry.
    server.use(
      http.get(`${API}/search/issues`, () =>
        HttpResponse.json(
          { message: 'Too many requests' },
          { status: 429, headers: { 'retry-after': '5' } },
        ),
      ),
    );
    waits.length = 0;
    const failure = source.listMergedPullRequests({ users: [users[1]] });
    await expect(failure).rejects.toThrow(GithubRateLimitError);
    await expect(failure).rejects.toThrow(
      'GitHub rate limit at github.com (HTTP 429: Too many requests); gave up after 3 retries, retry after 5 s',
    );
    expect(waits).toEqual([5000, 5000, 5000]);
  });

  it('treats a 403 without rate-limit signs as a permission failure (recorded HTTP, msw)', async () => {
    server.use(
      http.get(`${API}/search/issues`, () =>
        HttpResponse.json(
          { message: 'Resource not accessible by integration' },
          { status: 403 },
        ),
      ),
    );
    const source = GithubMergedPullRequestSource.fromConfig(config(), {
      logger: mockServices.logger.mock(),
      sleep: async () => {
        throw new Error('must not wait');
      },
    });
    await expect(
      source.listMergedPullRequests({ users: [users[1]] }),
    ).rejects.toThrow(
      'GitHub search for merged pull requests in onramp at github.com failed (HTTP 403: Resource not accessible by integration)',
    );
  });

  it('refuses configuration it cannot use, and keeps local git as the default', () => {
    const logger = mockServices.logger.mock();
    expect(() =>
      pullRequestSourceFromConfig(
        config({ host: 'ghe.nowhere.example' }),
        logger,
      ),
    ).toThrow(
      'goldenPaths.pullRequests.github.host is ghe.nowhere.example, but integrations.github has no entry for that host',
    );
    expect(() =>
      pullRequestSourceFromConfig(config({ organizations: [] }), logger),
    ).toThrow(/organizations must name at least one organization/);
    expect(() =>
      pullRequestSourceFromConfig(
        new ConfigReader({ goldenPaths: { pullRequests: { source: 'svn' } } }),
        logger,
      ),
    ).toThrow(
      'goldenPaths.pullRequests.source must be local-git or github, not "svn"',
    );
    expect(
      pullRequestSourceFromConfig(
        new ConfigReader({
          goldenPaths: { pullRequests: { localGit: { root: 'data/git' } } },
        }),
        logger,
      )?.id,
    ).toBe('local-git');
    expect(pullRequestSourceFromConfig(new ConfigReader({}), logger)).toBe(
      undefined,
    );
  });
});

describe('GitHub merged pull requests through the sync', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'are attributed by GitHub login and feed time to 10th merged PR on %p (recorded HTTP, msw)',
    async databaseId => {
      server.use(
        searchHandler(API, { 'sofia-m': sofiaItems, 'lars-l': larsItems }, []),
      );
      const knex = await databases.init(databaseId);
      const gp = await createTestGoldenPaths(knex, { clock: () => T0 });
      await gp.startJourney('user:default/sofia.marquez', 'backend-day-1');
      await gp.startJourney('user:default/lars.lindqvist', 'backend-day-1');
      const catalog = catalogWithUsers([
        {
          name: 'sofia.marquez',
          annotations: { 'github.com/user-login': 'sofia-m' },
          // A different email than any commit: the login decides.
          email: 'sofia@personal.example',
        },
        { name: 'lars.lindqvist' },
        { name: 'amara.okafor' },
      ]);
      const logger = mockServices.logger.mock();
      const source = pullRequestSourceFromConfig(config(), logger)!;
      const sync = () =>
        syncMergedPullRequests({
          sources: [source],
          store: gp.stores.mergedPullRequests,
          catalog,
          auth: mockServices.auth(),
          logger,
        });
      expect(await sync()).toBe(15);
      expect(await sync()).toBe(0);
      const rows = await knex('gp_merged_prs')
        .select('user_entity_ref')
        .count({ n: '*' })
        .groupBy('user_entity_ref')
        .orderBy('user_entity_ref');
      expect(rows.map((r: any) => [r.user_entity_ref, Number(r.n)])).toEqual([
        ['user:default/lars.lindqvist', 3],
        ['user:default/sofia.marquez', 12],
      ]);

      await expectSofiasTenthMergedPr(gp, T0);
    },
  );
});
