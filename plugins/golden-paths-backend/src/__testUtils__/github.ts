import { ConfigReader } from '@backstage/config';
import { PullRequestSourceUser } from '@onramp/backstage-plugin-golden-paths-node';
import { http, HttpResponse } from 'msw';

export const HOUR = 3_600_000;
export const T0 = Date.parse('2026-11-02T09:00:00Z');
export const API = 'https://api.github.com';
export const TOKEN = 'ghp_recordedtoken';

/*
 * Responses in the shape GitHub's search API returns them (GET
 * /search/issues: total_count, incomplete_results, items with
 * repository_url, user.login and pull_request.merged_at; pages linked by the
 * Link header), served by msw: no GitHub can be reached from the tests.
 */
export type Item = {
  number: number;
  repo: string;
  login: string;
  mergedAt: string | null;
  isIssue?: boolean;
};

export function searchItem(item: Item) {
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
export const sofiaItems: Item[] = [
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
export const larsItems: Item[] = Array.from({ length: 3 }, (_, i) => ({
  number: 200 + i,
  repo: 'svc',
  login: 'lars-l',
  mergedAt: new Date(T0 + (i + 1) * HOUR).toISOString(),
}));

export const PAGE_SIZE = 5;

/** A fake GitHub search endpoint paging `items` by PAGE_SIZE. */
export function searchHandler(
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

export const users: PullRequestSourceUser[] = [
  {
    entityRef: 'user:default/sofia.marquez',
    email: 'sofia.marquez@onramp.example',
    annotations: { 'github.com/user-login': 'sofia-m' },
  },
  { entityRef: 'user:default/lars.lindqvist', annotations: {} },
  { entityRef: 'user:default/amara.okafor', annotations: {} },
];

export function config(github: Record<string, unknown> = {}, integration = {}) {
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
