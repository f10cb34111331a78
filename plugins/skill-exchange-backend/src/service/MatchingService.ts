import {
  BuddyCandidatesQuery,
  Expert,
  ExpertsQuery,
  Insights,
  levelName,
  CappedPage,
  Page,
  PersonMatch,
  PostKind,
  PostMatch,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import type { EvidenceService } from './evidence/EvidenceService';
import { explain } from './matchReasons';

type PageRequest = { limit: number; offset: number };

/** Insights CSV columns, in order. */
const INSIGHTS_HEADER = [
  'skill',
  'category',
  'supply',
  'helpers',
  'learners',
  'demand',
  'gap',
];

/** Matches with reasons people can read, experts, and supply-and-demand insights. */
export class MatchingService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly evidence: EvidenceService,
  ) {}

  async peopleForPost(
    postId: number,
    page: PageRequest,
  ): Promise<Page<PersonMatch>> {
    const found = await this.stores.matching.matchPeopleForPost(postId, page);
    return {
      ...found,
      items: found.items.map(({ evidence, ...person }) => ({
        ...person,
        reason: explain(evidence),
      })),
    };
  }

  async postsForUser(
    user: string,
    query: PageRequest & { kind?: PostKind },
  ): Promise<CappedPage<PostMatch>> {
    const found = await this.stores.matching.matchPostsForUser(user, query);
    return {
      ...found,
      items: found.items.map(({ evidence, ...match }) => ({
        ...match,
        reason: explain(evidence),
      })),
    };
  }

  /**
   * Experts by level, or (`rank=evidence`) by evidence among people who
   * share it, each saying why.
   */
  async findExperts(query: ExpertsQuery): Promise<Page<Expert>> {
    const page = await this.stores.matching.findExperts(query);
    return query.rank === 'evidence'
      ? this.evidence.explainExperts(page)
      : page;
  }

  /** People who could be an onboarding buddy on a path, each with why. */
  async buddyCandidates(query: BuddyCandidatesQuery) {
    return {
      items: await this.stores.matching.findBuddyCandidates(query),
    };
  }

  /** Experts with each level also named ("Advanced"), for MCP clients. */
  async findExpertsNamed(query: ExpertsQuery) {
    const page = await this.findExperts(query);
    return {
      ...page,
      items: page.items.map(e => ({
        ...e,
        skills: e.skills.map(s => ({ ...s, levelName: levelName(s.level) })),
      })),
    };
  }

  insights(options: { top?: number }): Promise<Insights> {
    return this.stores.insights.insights(options);
  }

  /** The per-skill insights as a CSV table: header and rows. */
  async insightsTable(options: { top?: number }) {
    const { skills } = await this.insights(options);
    return {
      header: INSIGHTS_HEADER,
      rows: skills.map(s => [
        s.skill,
        s.category,
        s.supply,
        s.helpers,
        s.learners,
        s.demand,
        s.gap,
      ]),
    };
  }
}
