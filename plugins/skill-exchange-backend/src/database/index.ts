import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ApprovalStore, KnexApprovalStore } from './ApprovalStore';
import { EventStore, KnexEventStore } from './EventStore';
import { EvidenceStore, KnexEvidenceStore } from './EvidenceStore';
import {
  HackMembershipStore,
  KnexHackMembershipStore,
} from './HackMembershipStore';
import { InsightsStore, KnexInsightsStore } from './InsightsStore';
import { InterestStore, KnexInterestStore } from './InterestStore';
import { KnexLearningStore, LearningStore } from './LearningStore';
import { KnexMatchingStore, MatchingStore } from './MatchingStore';
import { openDatabase } from './openDatabase';
import { KnexPairingStore, PairingStore } from './PairingStore';
import { KnexPostStore, PostStore } from './PostStore';
import { KnexReportStore, ReportStore } from './ReportStore';
import { KnexRetroStore, RetroStore } from './RetroStore';
import { KnexProfileStore, ProfileStore } from './ProfileStore';
import {
  KnexSearchDocumentStore,
  SearchDocumentStore,
} from './SearchDocumentStore';
import { KnexSkillStore, SkillStore } from './SkillStore';

/** Every store of the Skill Exchange, one per aggregate. */
export interface SkillExchangeStores {
  skills: SkillStore;
  posts: PostStore;
  interests: InterestStore;
  approvals: ApprovalStore;
  hackMemberships: HackMembershipStore;
  events: EventStore;
  profiles: ProfileStore;
  matching: MatchingStore;
  insights: InsightsStore;
  searchDocuments: SearchDocumentStore;
  learning: LearningStore;
  retros: RetroStore;
  evidence: EvidenceStore;
  pairing: PairingStore;
  reports: ReportStore;
}

/** Opens (and migrates) the plugin's database and builds every store on it. */
export async function createStores(options: {
  database: DatabaseService;
  /** Post totals above this are capped ("10,000+"); default 10,000. */
  exactTotalUpTo?: number;
}): Promise<SkillExchangeStores> {
  const db = await openDatabase(options);
  const skills = KnexSkillStore.create(db);
  return {
    skills,
    posts: KnexPostStore.create(db, skills, {
      exactTotalUpTo: options.exactTotalUpTo,
    }),
    interests: KnexInterestStore.create(db),
    approvals: KnexApprovalStore.create(db),
    hackMemberships: KnexHackMembershipStore.create(db),
    events: KnexEventStore.create(db),
    profiles: KnexProfileStore.create(db, skills),
    matching: KnexMatchingStore.create(db, skills),
    insights: KnexInsightsStore.create(db),
    searchDocuments: KnexSearchDocumentStore.create(db),
    learning: KnexLearningStore.create(db),
    retros: KnexRetroStore.create(db),
    evidence: KnexEvidenceStore.create(db),
    pairing: KnexPairingStore.create(db),
    reports: KnexReportStore.create(db),
  };
}

export type { ApprovalStore, ApprovedInterest } from './ApprovalStore';
export type { EventStore } from './EventStore';
export type {
  EvidenceFact,
  EvidenceStore,
  StoredEvidence,
} from './EvidenceStore';
export type { HackMembershipStore, PostRelation } from './HackMembershipStore';
export type { InsightsStore } from './InsightsStore';
export type { LearningStore } from './LearningStore';
export type { BookedSlot, PairingStore } from './PairingStore';
export type {
  ExpressedInterest,
  InterestStore,
  InterestTransition,
} from './InterestStore';
export type {
  MatchEvidence,
  MatchingStore,
  PersonCandidate,
  PostCandidate,
} from './MatchingStore';
export type { PostResource, PostStore } from './PostStore';
export type { ReportStore, Resolved } from './ReportStore';
export type { RetroStore, Stint } from './RetroStore';
export type {
  ProfileCatalogFacts,
  ProfileStore,
  StoredProfile,
} from './ProfileStore';
export type {
  PostForIndex,
  ProfileForIndex,
  SearchDocumentStore,
} from './SearchDocumentStore';
export type { SkillRef, SkillSeed, SkillStore } from './SkillStore';
