import type { EventInput, EventUpdate, HackEvent } from './events';
import type {
  ExpertsQuery,
  ListPostsQuery,
  PostInput,
  PostUpdate,
  ProfileInput,
  SkillInput,
} from './schemas';
import type { MatchesQuery, ActivitiesQuery } from './querySchemas';
import type { ApprovalRequest, ManagerApprovalPolicy } from './approvals';
import type { DueRetro, RetroInput, RetroInsights, RetroState } from './retros';
import type { AcceptSuggestionInput, SkillSuggestion } from './evidence';
import type {
  ReportedPost,
  ReportInput,
  ReportResolution,
  ReportsQuery,
} from './moderation';
import type {
  CappedPage,
  Expert,
  GrowthActivity,
  Insights,
  Interest,
  LearningGoalProgress,
  LearningResource,
  Page,
  PersonMatch,
  Post,
  PostPage,
  PostMatch,
  PostStatus,
  Profile,
  Skill,
  TeamSkills,
} from './types';

/**
 * Query of `listPosts`: every field optional, arrays for skills.
 *
 * @public
 */
export type PostsFilter = Partial<ListPostsQuery>;

/**
 * The Skill Exchange REST API, typed.
 *
 * @public
 */
export interface SkillExchangeApi {
  listPosts(filter?: PostsFilter): Promise<PostPage>;
  getPost(id: number): Promise<Post>;
  createPost(input: PostInput): Promise<Post>;
  updatePost(id: number, update: PostUpdate): Promise<Post>;
  setPostStatus(id: number, status: PostStatus, version: number): Promise<Post>;
  deletePost(id: number): Promise<void>;
  expressInterest(postId: number, message: string): Promise<Interest>;
  listInterests(postId: number): Promise<Interest[]>;
  respondToInterest(
    interestId: number,
    response: 'accept' | 'decline',
  ): Promise<Interest>;
  withdrawInterest(interestId: number): Promise<Interest>;
  /** The applicant asks their manager to approve an embed they are interested in. */
  requestApproval(interestId: number): Promise<Interest>;
  /** The manager approves or declines (with a reason). */
  answerApproval(
    interestId: number,
    answer: 'approve' | 'decline',
    reason?: string,
  ): Promise<Interest>;
  /** The requests addressed to the signed-in manager, newest first. */
  listApprovals(): Promise<ApprovalRequest[]>;
  /** The portal's settings the pages follow (the manager approval policy). */
  getSettings(): Promise<{ managerApproval: ManagerApprovalPolicy }>;
  joinHack(postId: number): Promise<Post>;
  leaveHack(postId: number): Promise<Post>;
  /** Books a slot of someone else's open pairing session. */
  bookPairingSlot(postId: number, slotId: number): Promise<Post>;
  /** The booker or the owner cancels the booking: the post opens again. */
  cancelPairingBooking(postId: number): Promise<Post>;
  /** The iCalendar invite of a booked session (owner and booker only). */
  getPairingInvite(postId: number): Promise<string>;
  setFollowing(postId: number, following: boolean): Promise<void>;
  setSaved(postId: number, saved: boolean): Promise<void>;
  listEvents(): Promise<HackEvent[]>;
  createEvent(input: EventInput): Promise<HackEvent>;
  getEvent(id: number): Promise<HackEvent>;
  updateEvent(id: number, update: EventUpdate): Promise<HackEvent>;
  deleteEvent(id: number): Promise<void>;
  /** An event's iCalendar file: its days and its registration deadline. */
  getEventCalendar(id: number): Promise<string>;
  /** The iCalendar file of the events of the hacks I joined or own. */
  getMyHacksCalendar(): Promise<string>;
  /** Taxonomy managers: add, rename (old names stay as aliases) and merge skills. */
  addSkill(input: SkillInput): Promise<Skill>;
  updateSkill(id: number, input: SkillInput): Promise<Skill>;
  mergeSkill(id: number, into: string): Promise<Skill>;
  listSkills(q?: string): Promise<Skill[]>;
  /** Reports someone else's post to the moderators. */
  reportPost(postId: number, input: ReportInput): Promise<void>;
  /** Moderators: reported posts, open reports first. */
  listReports(query?: Partial<ReportsQuery>): Promise<Page<ReportedPost>>;
  /** Moderators: dismiss a post's open reports, or hide the post. */
  resolveReports(
    postId: number,
    resolution: ReportResolution,
  ): Promise<ReportedPost>;
  getMyProfile(): Promise<Profile>;
  getProfile(userRef: string): Promise<Profile>;
  updateMyProfile(input: ProfileInput): Promise<Profile>;
  findExperts(query: Partial<ExpertsQuery>): Promise<Page<Expert>>;
  /** Skills with evidence not on my profile; only I see them. */
  getMySuggestions(): Promise<SkillSuggestion[]>;
  /** Recomputes my evidence now; my suggestions back. */
  refreshMyEvidence(): Promise<SkillSuggestion[]>;
  /** Adds a suggested skill to my profile at `level`; my profile back. */
  acceptSuggestion(
    skill: string,
    input: AcceptSuggestionInput,
  ): Promise<Profile>;
  /** "Not me": never suggested again; my remaining suggestions back. */
  rejectSuggestion(skill: string): Promise<SkillSuggestion[]>;
  /** People ranked for a post, each with the reason. */
  getPostMatches(
    postId: number,
    query?: Partial<MatchesQuery>,
  ): Promise<Page<PersonMatch>>;
  /** Open posts ranked for the signed-in user, each with the reason. */
  getMyMatches(query?: Partial<MatchesQuery>): Promise<CappedPage<PostMatch>>;
  getInsights(options?: { top?: number }): Promise<Insights>;
  /** How the members of a group (and the groups below it) cover skills, and the gaps. */
  getTeamSkills(groupRef: string): Promise<TeamSkills>;
  /**
   * What a person did to grow, newest first: embeds and mentorships they were
   * accepted on, hacks they joined, their posts that got filled. `me` for mine.
   */
  getGrowthActivities(
    userRef: string,
    query?: Partial<ActivitiesQuery>,
  ): Promise<Page<GrowthActivity>>;
  /** The skills supply/demand table (or the retro outcomes) as CSV text (for a download). */
  exportInsightsCsv(table?: 'skills' | 'retros'): Promise<string>;
  /** My stints that are over and whose retro I have not written. */
  getDueRetros(): Promise<DueRetro[]>;
  /** Where I stand with the retro of a post (and mine, once written). */
  getRetro(postId: number): Promise<RetroState>;
  writeRetro(postId: number, input: RetroInput): Promise<RetroState>;
  /** Retro outcomes per kind and skill (small groups left out). */
  getRetroInsights(): Promise<RetroInsights>;
  /** The learning resources (for a skill), each with whether I marked it done. */
  listLearningResources(options?: {
    skill?: string;
  }): Promise<LearningResource[]>;
  /** Each of my learning goals with its next resource and how many are done. */
  getMyLearningGoals(): Promise<LearningGoalProgress[]>;
  /** Marks a learning resource done for me, or undoes it. */
  setLearningCompleted(
    resourceId: string,
    completed: boolean,
  ): Promise<LearningResource>;
}
