import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** A person the Skill Exchange suggests as an onboarding buddy, with why. */
export type BuddyCandidate = { user: string; reason: string };

/** Who could be a newcomer's buddy, best first. */
export interface BuddyCandidateSource {
  candidates(query: {
    discipline: string;
    skills: string[];
    exclude: string[];
    limit: number;
  }): Promise<BuddyCandidate[]>;
}

/**
 * The Skill Exchange's `GET /buddies/candidates`, over HTTP with this
 * plugin's service credentials (no plugin reads another's tables).
 */
export class SkillExchangeBuddySource implements BuddyCandidateSource {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async candidates(query: {
    discipline: string;
    skills: string[];
    exclude: string[];
    limit: number;
  }): Promise<BuddyCandidate[]> {
    const baseUrl = await this.discovery.getBaseUrl('skill-exchange');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'skill-exchange',
    });
    const params = new URLSearchParams({
      discipline: query.discipline,
      skills: query.skills.join(','),
      exclude: query.exclude.join(','),
      limit: String(query.limit),
    });
    const response = await fetch(`${baseUrl}/buddies/candidates?${params}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const body: { items: BuddyCandidate[] } = await response.json();
    return body.items.map(c => ({ user: c.user, reason: c.reason }));
  }
}
