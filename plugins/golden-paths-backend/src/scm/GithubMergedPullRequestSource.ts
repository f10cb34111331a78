import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  MergedPullRequest,
  MergedPullRequestSource,
  PullRequestSourceUser,
} from '@onramp/backstage-plugin-golden-paths-node';

/**
 * The User entity annotation with the person's GitHub login.
 *
 * @public
 */
export const GITHUB_USER_LOGIN_ANNOTATION = 'github.com/user-login';

/**
 * GitHub said no: bad credentials, missing scopes, unknown organization.
 *
 * @public
 */
export class GithubRequestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'GithubRequestError';
  }
}

/**
 * GitHub kept rate-limiting after the allowed retries.
 *
 * @public
 */
export class GithubRateLimitError extends Error {
  constructor(message: string, readonly retryAfterMs: number) {
    super(message);
    this.name = 'GithubRateLimitError';
  }
}

/** @public */
export type GithubMergedPullRequestSourceOptions = {
  /** The integration host, e.g. `github.com` or `ghe.example.com`. */
  host: string;
  /** e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiBaseUrl: string;
  organizations: string[];
  credentialsProvider: GithubCredentialsProvider;
  logger: LoggerService;
  /** Fallback logins by user entity ref, for users without the annotation. */
  userLogins?: Record<string, string>;
  /** Retries of one request after a rate limit (default 3). */
  maxRetries?: number;
  /** Longest wait for one rate-limit back-off (default 60 s); longer fails. */
  maxWaitMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

type SearchItem = {
  number: number;
  repository_url?: string;
  user?: { login?: string };
  pull_request?: { merged_at?: string | null };
};

const PER_PAGE = 100;
// The search API returns at most 1000 results per query.
const MAX_PAGES = 10;

/**
 * Merged pull requests from GitHub (or GitHub Enterprise) through Backstage's
 * GitHub integration: for each catalog user with a GitHub login (the
 * `github.com/user-login` annotation, else `userLogins` from config) and each
 * organization, the search API's `is:pr is:merged author:<login> org:<org>`,
 * oldest first, every page. Only results with a `merged_at` count: issues,
 * open or closed-unmerged pull requests and plain commits never do.
 * @public
 */
export class GithubMergedPullRequestSource implements MergedPullRequestSource {
  readonly id: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  /**
   * Reads `goldenPaths.pullRequests.github` and the matching
   * `integrations.github` entry (token or GitHub App, API base URL).
   */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      fetch?: typeof fetch;
      sleep?: (ms: number) => Promise<void>;
    },
  ): GithubMergedPullRequestSource {
    const github = config.getConfig('goldenPaths.pullRequests.github');
    const host = github.getOptionalString('host') ?? 'github.com';
    const organizations = github.getStringArray('organizations');
    if (organizations.length === 0) {
      throw new Error(
        'goldenPaths.pullRequests.github.organizations must name at least one organization',
      );
    }
    const integrations = ScmIntegrations.fromConfig(config);
    const integration = integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `goldenPaths.pullRequests.github.host is ${host}, but integrations.github has no entry for that host`,
      );
    }
    // A list, since config keys cannot hold entity refs.
    const userLogins: Record<string, string> = {};
    for (const entry of github.getOptionalConfigArray('userLogins') ?? []) {
      userLogins[entry.getString('user').toLocaleLowerCase()] =
        entry.getString('login');
    }
    return new GithubMergedPullRequestSource({
      host,
      // GitHub Enterprise Server serves its REST API under /api/v3.
      apiBaseUrl: integration.config.apiBaseUrl ?? `https://${host}/api/v3`,
      organizations,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      logger: options.logger,
      userLogins,
      maxRetries: github.getOptionalNumber('maxRetries'),
      fetch: options.fetch,
      sleep: options.sleep,
    });
  }

  constructor(private readonly options: GithubMergedPullRequestSourceOptions) {
    this.id = `github:${options.host}`;
    this.fetch = options.fetch ?? ((...args) => fetch(...args));
    this.sleep =
      options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
  }

  /** The person's GitHub login: the annotation, else the configured one. */
  loginOf(user: PullRequestSourceUser): string | undefined {
    return (
      user.annotations[GITHUB_USER_LOGIN_ANNOTATION] ??
      this.options.userLogins?.[user.entityRef.toLocaleLowerCase()]
    );
  }

  async listMergedPullRequests(context: {
    users: PullRequestSourceUser[];
  }): Promise<MergedPullRequest[]> {
    const skipped: string[] = [];
    const result: MergedPullRequest[] = [];
    for (const user of context.users) {
      const login = this.loginOf(user);
      if (!login) {
        skipped.push(user.entityRef);
        continue;
      }
      for (const org of this.options.organizations) {
        result.push(...(await this.search(user.entityRef, login, org)));
      }
    }
    if (skipped.length > 0) {
      this.options.logger.info(
        `GitHub pull requests (${this.options.host}): skipped ${
          skipped.length
        } user(s) without a GitHub login (annotation ${GITHUB_USER_LOGIN_ANNOTATION} or goldenPaths.pullRequests.github.userLogins): ${skipped
          .slice(0, 20)
          .join(', ')}${skipped.length > 20 ? ', ...' : ''}`,
      );
    }
    return result;
  }

  private async search(
    userEntityRef: string,
    login: string,
    org: string,
  ): Promise<MergedPullRequest[]> {
    const query = new URLSearchParams({
      q: `is:pr is:merged author:${login} org:${org}`,
      sort: 'created',
      order: 'asc',
      per_page: String(PER_PAGE),
    });
    let url: string | undefined = `${this.options.apiBaseUrl.replace(
      /\/+$/,
      '',
    )}/search/issues?${query}`;
    const merges: MergedPullRequest[] = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const response = await this.request(url, org);
      const body = (await response.json()) as { items?: SearchItem[] };
      for (const item of body.items ?? []) {
        const mergedAt = item.pull_request?.merged_at;
        if (!mergedAt) {
          continue;
        }
        const repository =
          item.repository_url?.match(/\/repos\/([^/]+\/[^/]+)$/)?.[1] ??
          `${org}/unknown`;
        merges.push({
          id: `${repository}#${item.number}`,
          repository,
          userEntityRef,
          mergedAt: Date.parse(mergedAt),
        });
      }
      url = nextLink(response.headers.get('link'));
    }
    return merges;
  }

  /** One GET with the integration's credentials, backing off on rate limits. */
  private async request(url: string, org: string): Promise<Response> {
    const { headers } = await this.options.credentialsProvider.getCredentials({
      url: `https://${this.options.host}/${encodeURIComponent(org)}`,
    });
    const maxRetries = this.options.maxRetries ?? 3;
    const maxWaitMs = this.options.maxWaitMs ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      const response = await this.fetch(url, {
        headers: {
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': '2022-11-28',
          ...headers,
        },
      });
      if (response.ok) {
        return response;
      }
      const text = await response.text();
      const message = githubMessage(text);
      const waitMs = rateLimitWaitMs(response, message);
      if (waitMs !== undefined) {
        if (attempt < maxRetries && waitMs <= maxWaitMs) {
          this.options.logger.warn(
            `GitHub rate limit at ${this.options.host} (HTTP ${
              response.status
            }); retrying in ${Math.ceil(waitMs / 1000)} s (attempt ${
              attempt + 1
            } of ${maxRetries})`,
          );
          await this.sleep(waitMs);
          continue;
        }
        throw new GithubRateLimitError(
          `GitHub rate limit at ${this.options.host} (HTTP ${
            response.status
          }: ${message}); gave up after ${attempt} retries, retry after ${Math.ceil(
            waitMs / 1000,
          )} s`,
          waitMs,
        );
      }
      if (response.status === 401) {
        throw new GithubRequestError(
          `GitHub rejected the credentials for ${this.options.host} (HTTP 401: ${message}); check the token or GitHub App of integrations.github for this host`,
          401,
        );
      }
      throw new GithubRequestError(
        `GitHub search for merged pull requests in ${org} at ${this.options.host} failed (HTTP ${response.status}: ${message})`,
        response.status,
      );
    }
  }
}

function githubMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: string };
    return body.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/**
 * How long GitHub asks us to wait, or undefined when the response is not a
 * rate limit: 429, or 403 with `retry-after`, an exhausted
 * `x-ratelimit-remaining` or a rate-limit message (GitHub's primary and
 * secondary limits). Any other 403 is a permission problem.
 */
function rateLimitWaitMs(
  response: Response,
  message: string,
): number | undefined {
  if (response.status !== 403 && response.status !== 429) {
    return undefined;
  }
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) {
    return Number(retryAfter) * 1000;
  }
  const remaining = response.headers.get('x-ratelimit-remaining');
  const reset = response.headers.get('x-ratelimit-reset');
  if (remaining === '0' && reset !== null && /^\d+$/.test(reset)) {
    return Math.max(1000, Number(reset) * 1000 - Date.now());
  }
  // A 429, or a secondary rate limit without a hint: GitHub documents
  // waiting at least a minute.
  return response.status === 429 || /rate limit/i.test(message)
    ? 60_000
    : undefined;
}

/** The `rel="next"` URL of a GitHub `Link` header. */
function nextLink(link: string | null): string | undefined {
  if (!link) {
    return undefined;
  }
  for (const part of link.split(',')) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="next"/);
    if (match) {
      return match[1];
    }
  }
  return undefined;
}
