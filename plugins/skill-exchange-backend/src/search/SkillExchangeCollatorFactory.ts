import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { Readable } from 'stream';

/**
 * The search document type of Skill Exchange posts and profiles.
 *
 * @public
 */
export const SKILL_EXCHANGE_DOCUMENT_TYPE = 'skill-exchange';

/**
 * A post or a profile in the search index.
 *
 * @public
 */
export interface SkillExchangeDocument extends IndexableDocument {
  /** embed, hack, mentorship, pairing, or profile */
  kind: string;
  skills: string[];
  status?: string;
  owner?: string;
  user?: string;
  team?: string;
}

/** @public */
export interface SkillExchangeCollatorFactoryOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /** Documents per request to the Skill Exchange backend (default 500). */
  pageSize?: number;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * Collates Skill Exchange posts and profiles for Backstage search. It reads
 * them through the Skill Exchange backend's API with service credentials, so
 * the search plugin never touches the Skill Exchange tables.
 * @public
 */
export class SkillExchangeCollatorFactory implements DocumentCollatorFactory {
  readonly type = SKILL_EXCHANGE_DOCUMENT_TYPE;

  constructor(private readonly options: SkillExchangeCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  async *documents(): AsyncGenerator<SkillExchangeDocument> {
    const { discovery, auth } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    const baseUrl = await discovery.getBaseUrl('skill-exchange');
    const limit = this.options.pageSize ?? 500;
    for (const type of ['posts', 'profiles']) {
      let after = '';
      for (;;) {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: 'skill-exchange',
        });
        const params = new URLSearchParams({
          type,
          limit: String(limit),
          ...(after ? { after } : {}),
        });
        const response = await doFetch(
          `${baseUrl}/collator/documents?${params}`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (!response.ok) {
          throw await ResponseError.fromResponse(response);
        }
        const page = (await response.json()) as {
          items: SkillExchangeDocument[];
          next?: string;
        };
        yield* page.items;
        if (!page.next) break;
        after = page.next;
      }
    }
  }
}
