import type { SkillCategory } from './levels';

export type PostKind = 'embed' | 'hack' | 'mentorship';
export type PostStatus = 'open' | 'filled' | 'closed';
export type HackStage = 'idea' | 'in_progress' | 'completed';
export type MentorshipMode = 'offering' | 'seeking';
export type PostLocation = 'remote' | 'office' | 'flexible';
export type InterestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface Skill {
  id: number;
  name: string;
  category: SkillCategory;
  description: string;
  aliases: string[];
}

interface PostCommon {
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
}

export interface EmbedPost extends PostCommon {
  kind: 'embed';
  team: string;
  level: number;
  start: string;
  durationWeeks: number;
  location: PostLocation;
  office?: string;
  headcount: number;
  /** The signed-in user's interest in it, if any. */
  myInterest?: Interest;
}

export interface HackPost extends PostCommon {
  kind: 'hack';
  stage: HackStage;
  eventId?: number;
  members: string[];
  followerCount: number;
  following: boolean;
}

export interface MentorshipPost extends PostCommon {
  kind: 'mentorship';
  mode: MentorshipMode;
  capacity: number;
  myInterest?: Interest;
}

export type Post = EmbedPost | HackPost | MentorshipPost;

export interface Interest {
  id: number;
  postId: number;
  user: string;
  message: string;
  status: InterestStatus;
  createdAt: string;
  updatedAt: string;
}

export interface HackEvent {
  id: number;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  createdBy: string;
}

export interface ProfileSkill {
  skill: string;
  category: SkillCategory;
  level: number;
  canHelp: boolean;
}

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
  skills: ProfileSkill[];
  learning: string[];
  /** 0 when the user has not saved a profile yet. */
  version: number;
  updatedAt?: string;
}

export interface Expert {
  user: string;
  team?: string;
  /** The requested skills with this person's level in each. */
  skills: Array<{ skill: string; level: number; canHelp: boolean }>;
  /** Sum of levels over the requested skills; the list is sorted by it. */
  score: number;
}

export interface Page<T> {
  items: T[];
  totalItems: number;
  limit: number;
  offset: number;
}
