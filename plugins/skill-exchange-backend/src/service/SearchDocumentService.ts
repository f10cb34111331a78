import { levelName } from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import type { CatalogFactsReader } from './catalogFacts';

/** One page of search documents, and the cursor of the next page if any. */
export interface DocumentPage {
  items: Array<Record<string, unknown>>;
  next?: string;
}

const paragraphs = (parts: Array<string | undefined | false>) =>
  parts.filter(Boolean).join('\n\n');

/** What the search index shows of posts and profiles: titles, text, facets. */
export class SearchDocumentService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly catalogFacts: CatalogFactsReader,
  ) {}

  async posts(afterId: number, limit: number): Promise<DocumentPage> {
    const posts = await this.stores.searchDocuments.postsForIndex(
      afterId,
      limit,
    );
    return {
      items: posts.map(p => ({
        title: p.title,
        text: paragraphs([
          p.description,
          p.skills.length > 0 && `Skills: ${p.skills.join(', ')}`,
        ]),
        location: `/skill-exchange/posts/${p.id}`,
        kind: p.kind,
        status: p.status,
        skills: p.skills,
        owner: p.owner,
        ...(p.team ? { team: p.team } : {}),
      })),
      ...(posts.length === limit
        ? { next: String(posts[posts.length - 1].id) }
        : {}),
    };
  }

  async profiles(afterRef: string, limit: number): Promise<DocumentPage> {
    const profiles = await this.stores.searchDocuments.profilesForIndex(
      afterRef,
      limit,
    );
    const names = await this.catalogFacts.readNames(profiles.map(p => p.user));
    return {
      items: profiles.map(p => {
        const name = names.get(p.user);
        const helping = p.skills.filter(s => s.canHelp).map(s => s.skill);
        return {
          title: name?.displayName ?? p.user.replace(/^user:[^/]+\//, ''),
          text: paragraphs([
            name?.title,
            p.bio,
            p.skills.length > 0 &&
              `Skills: ${p.skills
                .map(s => `${s.skill} (${levelName(s.level)})`)
                .join(', ')}`,
            helping.length > 0 && `Can help with: ${helping.join(', ')}`,
            p.learning.length > 0 && `Learning: ${p.learning.join(', ')}`,
          ]),
          location: `/skill-exchange/profiles/${encodeURIComponent(p.user)}`,
          kind: 'profile',
          user: p.user,
          skills: p.skills.map(s => s.skill),
          ...(p.team ? { team: p.team } : {}),
        };
      }),
      ...(profiles.length === limit
        ? { next: profiles[profiles.length - 1].user }
        : {}),
    };
  }
}
