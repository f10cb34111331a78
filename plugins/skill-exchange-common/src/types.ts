import type { ManagerApproval } from './approvals';
import type { PairingPost } from './pairing';
import type { SkillCategory } from './levels';
import type { HACK_CATEGORIES } from './schemas';
import type { SkillEvidence } from './evidence';
import type { Page } from '@onramp/backstage-plugin-onramp-common';

/** @public */
export type PostKind = 'embed' | 'hack' | 'mentorship' | 'pairing';
/** @public */
export type PostStatus = 'open' | 'filled' | 'closed';
/** @public */
export type HackStage = 'idea' | 'in_progress' | 'completed';
/** @public */
export type HackCategory = (typeof HACK_CATEGORIES)[number];
/** @public */
export type MentorshipMode = 'offering' | 'seeking';
/** @public */
export type PostLocation = 'remote' | 'office' | 'flexible';
/** @public */
export type InterestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** @public */
export interface Skill {
  id: number;
  name: string;
  category: SkillCategory;
  description: string;
  aliases: string[];
  /** How many posts and profiles use it (from `GET /skills`). */
  usage?: { posts: number; profiles: number };
}

/**
 * What every kind of post has.
 *
 * @public
 */
export interface PostCommon {
  id: number;
  title: string;
  description: string;
  skills: string[];
  status: PostStatus;
  /** The user who posted it. */
  owner: string;
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
  version: number;
  /** Only present for a signed-in user: whether they saved it. */
  saved: boolean;
  interestCount: number;
  /**
   * How soon the owner answers interest (embeds and mentorships, on
   * `GET /posts/:id` only): the median time from interest to the owner's
   * accept or decline over their last answers of the past 180 days. Absent
   * when they answered fewer than 3 times, so one answer never stands for a
   * habit.
   */
  ownerAnswers?: OwnerAnswers;
  /** A moderator hid it: only its owner still sees it. */
  hidden?: boolean;
}

/**
 * How soon a post's owner answers interest.
 *
 * @public
 */
export interface OwnerAnswers {
  /** The answers the median is taken over (at most 50, the newest). */
  answered: number;
  /** Median hours from interest to answer. */
  medianHours: number;
}

/** @public */
export interface EmbedPost extends PostCommon {
  kind: 'embed';
  team: string;
  level: number;
  start: string;
  durationWeeks: number;
  /** Share of the working week, in percent (100 = full time). */
  timeSharePercent: number;
  location: PostLocation;
  office?: string;
  /** How many people it takes; accepts beyond it get a 409. */
  headcount: number;
  /** How many people are accepted: at most `headcount`. */
  acceptedCount: number;
  /** The signed-in user's interest in it, if any. */
  myInterest?: Interest;
}

/** @public */
export interface HackPost extends PostCommon {
  kind: 'hack';
  stage: HackStage;
  eventId?: number;
  /** Where people hack on it, when the owner said. */
  location?: PostLocation;
  category?: HackCategory;
  /** Its demo, once completed. */
  demoUrl?: string;
  /** What came of it, once completed. */
  resultSummary?: string;
  members: string[];
  followerCount: number;
  following: boolean;
}

/** @public */
export interface MentorshipPost extends PostCommon {
  kind: 'mentorship';
  mode: MentorshipMode;
  /** How many mentees (or mentors) it takes; accepts beyond it get a 409. */
  capacity: number;
  /** How many people are accepted: at most `capacity`. */
  acceptedCount: number;
  myInterest?: Interest;
}

/** @public */
export type Post = EmbedPost | HackPost | MentorshipPost | PairingPost;

/** @public */
export interface Interest {
  id: number;
  postId: number;
  user: string;
  message: string;
  status: InterestStatus;
  createdAt: string;
  updatedAt: string;
  /** When the owner accepted or declined it; null while nobody has. */
  answeredAt: string | null;
  /**
   * The applicant's manager's answer (embeds only), once the applicant asked
   * for it; null until then. Shown to the applicant and the post's owner.
   */
  managerApproval: ManagerApproval | null;
}

/** @public */
export interface ProfileSkill {
  skill: string;
  category: SkillCategory;
  level: number;
  canHelp: boolean;
  /** What supports it: for the person, and for others when they share it. */
  evidence?: SkillEvidence;
}

/** @public */
export interface Profile {
  user: string;
  /** From the catalog: never typed into the profile. */
  displayName?: string;
  title?: string;
  email?: string;
  teams: string[];
  startDate?: string;
  bio: string;
  contact: string;
  openToEmbeds: boolean;
  openToMentoring: boolean;
  openToHacks: boolean;
  /** Whether others see the evidence behind the skills (default off). */
  shareEvidence?: boolean;
  skills: ProfileSkill[];
  learning: string[];
  /** 0 when the user has not saved a profile yet. */
  version: number;
  updatedAt?: string;
}

/** @public */
export interface Expert {
  user: string;
  team?: string;
  /** The requested skills with this person's level in each. */
  skills: Array<{ skill: string; level: number; canHelp: boolean }>;
  /** Sum of levels over the requested skills; the list is sorted by it. */
  score: number;
  /** With `rank=evidence`: the evidence score (the sort) and why. */
  evidence?: { score: number; reason: string };
}

/** The one page envelope of every list (from onramp-common; re-exported here). */
export type { Page } from '@onramp/backstage-plugin-onramp-common';

/**
 * A page whose total may not be counted exactly: when `totalIsLowerBound` is
 * true there are at least `totalItems` (shown as "10,000+"), e.g. a post
 * search above 10,000 matches or "posts for me" from bounded candidates.
 * @public
 */
export interface CappedPage<T> extends Page<T> {
  totalIsLowerBound?: boolean;
}

/**
 * A page of posts (`GET /posts`).
 *
 * @public
 */
export type PostPage = CappedPage<Post>;

/**
 * Why a person fits a post, or a post fits a person: every part of the score, named.
 *
 * @public
 */
export interface MatchReason {
  /** Skills of the post the person has, with their level (1-5). */
  matchedSkills: Array<{ skill: string; level: number; canHelp: boolean }>;
  /** Skills of the post that are among the person's learning goals. */
  learningGoals: string[];
  /** Whether the person said they are open to this kind of post. */
  available: boolean;
  /** The reason in one sentence, e.g. "Go at Advanced; wants to grow Kubernetes". */
  summary: string;
}

/**
 * A person ranked for a post (`GET /posts/:id/matches`).
 *
 * @public
 */
export interface PersonMatch {
  user: string;
  team?: string;
  score: number;
  reason: MatchReason;
}

/**
 * An open post ranked for the signed-in user (`GET /matches/me`).
 *
 * @public
 */
export interface PostMatch {
  post: Post;
  score: number;
  reason: MatchReason;
}

/**
 * Supply and demand of one skill (`GET /insights`).
 *
 * @public
 */
export interface SkillInsight {
  skill: string;
  category: SkillCategory;
  /** People at Practitioner (3) or above. */
  supply: number;
  /** People who said they can help with it. */
  helpers: number;
  /** People who want to learn it. */
  learners: number;
  /** Open posts asking for it. */
  demand: number;
  /** demand - supply: positive means more asked for than available. */
  gap: number;
}

/** @public */
export interface Insights {
  skills: SkillInsight[];
  /** Posts per kind and status. */
  posts: Array<{ kind: PostKind; status: PostStatus; count: number }>;
  /** Mean days from posting to filled, per kind (filled posts only). */
  timeToFill: Array<{ kind: PostKind; filled: number; meanDays: number }>;
  /** Distinct people who posted, answered, joined or edited a profile in the last 30 days. */
  monthlyActiveUsers: number;
}

/**
 * How a team's members stand in one skill (`GET /teams/skills`).
 *
 * @public
 */
export interface TeamSkillCoverage {
  skill: string;
  category: SkillCategory;
  /** Members with a level in it. */
  members: number;
  /** Members at each level of the 5-step scale: `levels[0]` is level 1 (Aware). */
  levels: [number, number, number, number, number];
  /** Members who said they can help with it. */
  helpers: number;
  /** Members with it among their learning goals. */
  learning: number;
  /** The team's open posts asking for it. */
  demand: number;
}

/**
 * The skills coverage of a group: its members' profiles added up.
 *
 * @public
 */
export interface TeamSkills {
  group: string;
  /** Groups counted: the group and the groups below it. */
  groups: string[];
  /** Members in the catalog (of the group and the groups below it). */
  members: number;
  /** Members who saved a skill profile. */
  profiles: number;
  /** Skills members have, learn or the team's open posts ask for; most members first, then the highest sum of levels. */
  skills: TeamSkillCoverage[];
  /** Skills the team's open posts ask for that no member has a level in. */
  gaps: string[];
}

/**
 * Something a person did to grow (`GET /profiles/:ref/activities`):
 * `accepted` on an embed or mentorship, `joined` a hack, a post they own was
 * `filled`, `paired` in a pairing session they booked or that was booked from
 * them, or they `learned` from a learning resource (shown to themselves only).
 * @public
 */
export interface GrowthActivity {
  type: 'accepted' | 'joined' | 'filled' | 'paired' | 'learned';
  /** When it happened: accepted, joined, marked filled or marked done. */
  at: string;
  /** The post, for every type but `learned`. */
  post?: Post;
  /** The learning resource, for `learned`. */
  resource?: LearningResource;
}

/**
 * What a learning resource is: a TechDocs page, a course or another link.
 * @public
 */
export type LearningResourceKind = 'docs' | 'course' | 'link';

/**
 * A learning resource from `skillExchange.learning.resources`, tied to skills
 * of the taxonomy (`GET /learning`).
 * @public
 */
export interface LearningResource {
  id: string;
  title: string;
  /** An http(s) address or a path in Backstage such as `/docs/...`. */
  url: string;
  kind: LearningResourceKind;
  /** Skill names of the taxonomy (aliases resolved). */
  skills: string[];
  /** About how long it takes. */
  minutes?: number;
  /** Whether the caller marked it done (in the API's answers). */
  completed?: boolean;
}

/**
 * One of the caller's learning goals with its next resource
 * (`GET /profiles/me/learning`).
 * @public
 */
export interface LearningGoalProgress {
  skill: string;
  /** The first resource for the skill, in config order, not done yet. */
  next?: LearningResource;
  /** How many of the skill's resources the caller completed. */
  completed: number;
  /** How many resources the skill has. */
  total: number;
}
