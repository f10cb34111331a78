import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { pullRequestSourceFromConfig } from './fromConfig';
import {
  GithubMergedPullRequestSource,
  GithubRateLimitError,
  GithubRequestError,
} from './GithubMergedPullRequestSource';
import {
  API,
  config,
  HOUR,
  larsItems,
  searchHandler,
  searchItem,
  sofiaItems,
  T0,
  TOKEN,
  users,
} from '../__testUtils__/github';

jest.setTimeout(60_000);

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
