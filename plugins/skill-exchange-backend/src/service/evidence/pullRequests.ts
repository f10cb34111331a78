import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** A merged pull request of a person, as Golden Paths has it. */
export interface PersonPullRequest {
  repository: string;
  /** ISO time. */
  mergedAt: string;
}

/** Reads a person's merged pull requests. */
export interface PullRequestReader {
  list(user: string): Promise<PersonPullRequest[]>;
}

/** The most pull requests read per person (the newest). */
export const MAX_PULL_REQUESTS = 5_000;
const PAGE = 500;

/**
 * Golden Paths' `GET /pull-requests`, over HTTP with this plugin's service
 * credentials (no plugin reads another's tables).
 */
export class GoldenPathsPullRequestReader implements PullRequestReader {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async list(user: string): Promise<PersonPullRequest[]> {
    const baseUrl = await this.discovery.getBaseUrl('golden-paths');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'golden-paths',
    });
    const found: PersonPullRequest[] = [];
    for (let offset = 0; offset < MAX_PULL_REQUESTS; offset += PAGE) {
      const query = new URLSearchParams({
        user,
        limit: String(PAGE),
        offset: String(offset),
      });
      const response = await fetch(`${baseUrl}/pull-requests?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const page: { items: PersonPullRequest[]; totalItems: number } =
        await response.json();
      found.push(...page.items);
      if (!page.items.length || found.length >= page.totalItems) break;
    }
    return found;
  }
}
