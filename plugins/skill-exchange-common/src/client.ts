import type { EventInput, EventUpdate, HackEvent } from './events';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { PostsFilter, SkillExchangeApi } from './api';
import type {
  ExpertsQuery,
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

function toQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/**
 * {@link SkillExchangeApi} over `fetchApi` and `discoveryApi`.
 *
 * @public
 */
export class SkillExchangeClient implements SkillExchangeApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('skill-exchange');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  listPosts(filter: PostsFilter = {}) {
    return this.request<PostPage>('GET', `/posts${toQueryString(filter)}`);
  }
  getPost(id: number) {
    return this.request<Post>('GET', `/posts/${id}`);
  }
  createPost(input: PostInput) {
    return this.request<Post>('POST', '/posts', input);
  }
  updatePost(id: number, update: PostUpdate) {
    return this.request<Post>('PUT', `/posts/${id}`, update);
  }
  setPostStatus(id: number, status: PostStatus, version: number) {
    return this.request<Post>('POST', `/posts/${id}/status`, {
      status,
      version,
    });
  }
  deletePost(id: number) {
    return this.request<void>('DELETE', `/posts/${id}`);
  }
  expressInterest(postId: number, message: string) {
    return this.request<Interest>('POST', `/posts/${postId}/interests`, {
      message,
    });
  }
  listInterests(postId: number) {
    return this.request<Interest[]>('GET', `/posts/${postId}/interests`);
  }
  respondToInterest(interestId: number, response: 'accept' | 'decline') {
    return this.request<Interest>(
      'POST',
      `/interests/${interestId}/${response}`,
    );
  }
  withdrawInterest(interestId: number) {
    return this.request<Interest>('POST', `/interests/${interestId}/withdraw`);
  }
  requestApproval(interestId: number) {
    return this.request<Interest>('POST', `/interests/${interestId}/approval`);
  }
  answerApproval(
    interestId: number,
    answer: 'approve' | 'decline',
    reason?: string,
  ) {
    return this.request<Interest>(
      'POST',
      `/interests/${interestId}/approval/${answer}`,
      reason ? { reason } : {},
    );
  }
  listApprovals() {
    return this.request<ApprovalRequest[]>('GET', '/approvals');
  }
  getSettings() {
    return this.request<{ managerApproval: ManagerApprovalPolicy }>(
      'GET',
      '/settings',
    );
  }
  joinHack(postId: number) {
    return this.request<Post>('POST', `/posts/${postId}/members`);
  }
  leaveHack(postId: number) {
    return this.request<Post>('DELETE', `/posts/${postId}/members/me`);
  }
  bookPairingSlot(postId: number, slotId: number) {
    return this.request<Post>('POST', `/posts/${postId}/booking`, { slotId });
  }
  cancelPairingBooking(postId: number) {
    return this.request<Post>('DELETE', `/posts/${postId}/booking`);
  }
  getPairingInvite(postId: number) {
    return this.text(`/posts/${postId}/invite.ics`);
  }
  setFollowing(postId: number, following: boolean) {
    return this.request<void>(
      following ? 'PUT' : 'DELETE',
      `/posts/${postId}/follow`,
    );
  }
  setSaved(postId: number, saved: boolean) {
    return this.request<void>(
      saved ? 'PUT' : 'DELETE',
      `/posts/${postId}/save`,
    );
  }
  listEvents() {
    return this.request<HackEvent[]>('GET', '/events');
  }
  createEvent(input: EventInput) {
    return this.request<HackEvent>('POST', '/events', input);
  }
  getEvent(id: number) {
    return this.request<HackEvent>('GET', `/events/${id}`);
  }
  updateEvent(id: number, update: EventUpdate) {
    return this.request<HackEvent>('PUT', `/events/${id}`, update);
  }
  deleteEvent(id: number) {
    return this.request<void>('DELETE', `/events/${id}`);
  }
  getEventCalendar(id: number) {
    return this.text(`/events/${id}/calendar.ics`);
  }
  getMyHacksCalendar() {
    return this.text('/profiles/me/hacks.ics');
  }
  addSkill(input: SkillInput) {
    return this.request<Skill>('POST', '/skills', input);
  }
  updateSkill(id: number, input: SkillInput) {
    return this.request<Skill>('PUT', `/skills/${id}`, input);
  }
  mergeSkill(id: number, into: string) {
    return this.request<Skill>('POST', `/skills/${id}/merge`, { into });
  }
  listSkills(q?: string) {
    return this.request<Skill[]>('GET', `/skills${toQueryString({ q })}`);
  }
  reportPost(postId: number, input: ReportInput) {
    return this.request<void>('POST', `/posts/${postId}/reports`, input);
  }
  listReports(query: Partial<ReportsQuery> = {}) {
    return this.request<Page<ReportedPost>>(
      'GET',
      `/reports${toQueryString(query)}`,
    );
  }
  resolveReports(postId: number, resolution: ReportResolution) {
    return this.request<ReportedPost>(
      'POST',
      `/reports/${postId}/resolve`,
      resolution,
    );
  }
  getMyProfile() {
    return this.request<Profile>('GET', '/profiles/me');
  }
  getProfile(userRef: string) {
    return this.request<Profile>(
      'GET',
      `/profiles/${encodeURIComponent(userRef)}`,
    );
  }
  updateMyProfile(input: ProfileInput) {
    return this.request<Profile>('PUT', '/profiles/me', input);
  }
  findExperts(query: Partial<ExpertsQuery>) {
    return this.request<Page<Expert>>('GET', `/experts${toQueryString(query)}`);
  }
  getMySuggestions() {
    return this.request<SkillSuggestion[]>('GET', '/profiles/me/suggestions');
  }
  refreshMyEvidence() {
    return this.request<SkillSuggestion[]>(
      'POST',
      '/profiles/me/evidence/refresh',
      {},
    );
  }
  acceptSuggestion(skill: string, input: AcceptSuggestionInput) {
    return this.request<Profile>(
      'POST',
      `/profiles/me/suggestions/${encodeURIComponent(skill)}/accept`,
      input,
    );
  }
  rejectSuggestion(skill: string) {
    return this.request<SkillSuggestion[]>(
      'POST',
      `/profiles/me/suggestions/${encodeURIComponent(skill)}/reject`,
      {},
    );
  }
  getPostMatches(postId: number, query: Partial<MatchesQuery> = {}) {
    return this.request<Page<PersonMatch>>(
      'GET',
      `/posts/${postId}/matches${toQueryString(query)}`,
    );
  }
  getMyMatches(query: Partial<MatchesQuery> = {}) {
    return this.request<CappedPage<PostMatch>>(
      'GET',
      `/matches/me${toQueryString(query)}`,
    );
  }
  getInsights(options: { top?: number } = {}) {
    return this.request<Insights>('GET', `/insights${toQueryString(options)}`);
  }
  getTeamSkills(groupRef: string) {
    return this.request<TeamSkills>(
      'GET',
      `/teams/skills${toQueryString({ group: groupRef })}`,
    );
  }
  getGrowthActivities(userRef: string, query: Partial<ActivitiesQuery> = {}) {
    return this.request<Page<GrowthActivity>>(
      'GET',
      `/profiles/${encodeURIComponent(userRef)}/activities${toQueryString(
        query,
      )}`,
    );
  }
  listLearningResources(options: { skill?: string } = {}) {
    return this.request<LearningResource[]>(
      'GET',
      `/learning${toQueryString(options)}`,
    );
  }
  getMyLearningGoals() {
    return this.request<LearningGoalProgress[]>('GET', '/profiles/me/learning');
  }
  setLearningCompleted(resourceId: string, completed: boolean) {
    return this.request<LearningResource>(
      completed ? 'PUT' : 'DELETE',
      `/learning/${encodeURIComponent(resourceId)}/completion`,
    );
  }
  getDueRetros() {
    return this.request<DueRetro[]>('GET', '/retros/due');
  }
  getRetro(postId: number) {
    return this.request<RetroState>('GET', `/posts/${postId}/retro`);
  }
  writeRetro(postId: number, input: RetroInput) {
    return this.request<RetroState>('POST', `/posts/${postId}/retro`, input);
  }
  getRetroInsights() {
    return this.request<RetroInsights>('GET', '/insights/retros');
  }
  exportInsightsCsv(table: 'skills' | 'retros' = 'skills') {
    return this.text(`/insights${table === 'retros' ? '/retros' : ''}.csv`);
  }

  /** A GET answered with a file (CSV, iCalendar): its text. */
  private async text(path: string) {
    const baseUrl = await this.discoveryApi.getBaseUrl('skill-exchange');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }
}
