/** Database row shapes and the one place rows become API objects. */
import type {
  EventPhase,
  HackCategory,
  HackEvent,
  Interest,
  PairingSlot,
  Post,
  PostInput,
} from '@onramp/backstage-plugin-skill-exchange-common';

/** @public */
export interface PostRow {
  id: number;
  kind: 'embed' | 'hack' | 'mentorship' | 'pairing';
  title: string;
  title_lower: string;
  description: string;
  status: 'open' | 'filled' | 'closed';
  owner: string;
  created_at: Date | string | number;
  updated_at: Date | string | number;
  status_changed_at: Date | string | number;
  version: number;
  team: string | null;
  level: number | null;
  start: string | null;
  duration_weeks: number | null;
  time_share_percent?: number | null;
  location: 'remote' | 'office' | 'flexible' | null;
  office: string | null;
  headcount: number | null;
  stage: 'idea' | 'in_progress' | 'completed' | null;
  hack_category?: string | null;
  event_id: number | null;
  demo_url?: string | null;
  result_summary?: string | null;
  member_count: number;
  mode: 'offering' | 'seeking' | null;
  capacity: number | null;
  duration_minutes?: number | null;
  /** When a moderator hid it. */
  hidden_at?: Date | string | number | null;
}

/** A slot of a pairing session. */
export interface SlotRow {
  id: number;
  post_id: number;
  starts_at: Date | string | number;
  ends_at: Date | string | number;
  booked_by: string | null;
  booked_at: Date | string | number | null;
}

export function toSlot(row: SlotRow): PairingSlot {
  return {
    id: row.id,
    startsAt: toIso(row.starts_at),
    endsAt: toIso(row.ends_at),
  };
}

export interface InterestRow {
  id: number;
  post_id: number;
  user_ref: string;
  message: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  created_at: Date | string | number;
  updated_at: Date | string | number;
  answered_at?: Date | string | number | null;
  approval_status?: 'requested' | 'approved' | 'declined' | null;
  approval_manager?: string | null;
  approval_requested_at?: Date | string | number | null;
  approval_answered_at?: Date | string | number | null;
  approval_reason?: string | null;
}

export interface ProfileRow {
  user_ref: string;
  team: string | null;
  bio: string;
  contact: string;
  open_to_embeds: boolean | number;
  open_to_mentoring: boolean | number;
  open_to_hacks: boolean | number;
  share_evidence: boolean | number;
  updated_at: Date | string | number;
  version: number;
}

/** Timestamps come back as Date (PostgreSQL) or number/string (SQLite). */
export function toIso(value: Date | string | number): string {
  return new Date(value).toISOString();
}

/** Booleans come back as 0/1 from SQLite. */
export function toBool(value: boolean | number | null | undefined): boolean {
  return Boolean(value);
}

/** Escapes LIKE wildcards in user text. */
export function likePattern(text: string): string {
  return `%${text.toLocaleLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** The id of an inserted row: `{ id }` on PostgreSQL, a bare number on SQLite. */
export function insertedId(inserted: unknown): number {
  return typeof inserted === 'object' && inserted !== null
    ? (inserted as { id: number }).id
    : (inserted as number);
}

/** Whether an insert failed on a unique key (PostgreSQL or SQLite). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

export function toInterest(row: InterestRow): Interest {
  return {
    id: row.id,
    postId: row.post_id,
    user: row.user_ref,
    message: row.message,
    status: row.status,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    answeredAt: row.answered_at ? toIso(row.answered_at) : null,
    managerApproval:
      row.approval_status && row.approval_manager && row.approval_requested_at
        ? {
            status: row.approval_status,
            manager: row.approval_manager,
            requestedAt: toIso(row.approval_requested_at),
            answeredAt: row.approval_answered_at
              ? toIso(row.approval_answered_at)
              : null,
            reason: row.approval_reason ?? null,
          }
        : null,
  };
}

export interface EventRow {
  id: number;
  name: string;
  description: string;
  starts_on: string;
  ends_on: string;
  created_by: string;
  organisers: string | null;
  version: number;
  registration_opens_on: string | null;
  registration_closes_on: string | null;
  phase: string;
  /** From a count of its posts, where the query selects it. */
  hack_count?: number | string;
}

export function toEvent(row: EventRow): HackEvent {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    registrationOpensOn: row.registration_opens_on ?? null,
    registrationClosesOn: row.registration_closes_on ?? row.ends_on,
    phase: row.phase as EventPhase,
    createdBy: row.created_by,
    organisers: parseRefs(row.organisers),
    version: row.version,
    hackCount: Number(row.hack_count ?? 0),
  };
}

/** Entity refs lower-cased, without repeats, sorted: as stored. */
export function lowerAll(refs: string[]): string[] {
  return [...new Set(refs.map(r => r.toLocaleLowerCase()))].sort();
}

function parseRefs(json: string | null | undefined): string[] {
  try {
    const value = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** What a page of posts brings besides the rows (see hydratePosts). */
export interface PostExtras {
  skills: string[];
  interestCount: number;
  /** People accepted (embeds, mentorships). */
  acceptedCount: number;
  saved: boolean;
  following: boolean;
  followerCount: number;
  members: string[];
  myInterest?: InterestRow;
  /** The slots of a pairing session, earliest first. */
  slots: SlotRow[];
}

export function toPost(row: PostRow, extras: PostExtras): Post {
  const common = {
    id: row.id,
    title: row.title,
    description: row.description,
    skills: extras.skills,
    status: row.status,
    owner: row.owner,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    statusChangedAt: toIso(row.status_changed_at),
    version: row.version,
    saved: extras.saved,
    interestCount: extras.interestCount,
    ...(row.hidden_at ? { hidden: true } : {}),
  };
  const mine = extras.myInterest
    ? { myInterest: toInterest(extras.myInterest) }
    : {};
  switch (row.kind) {
    case 'embed':
      return {
        ...common,
        kind: 'embed',
        team: row.team!,
        level: row.level!,
        start: row.start!,
        durationWeeks: row.duration_weeks!,
        timeSharePercent: row.time_share_percent ?? 100,
        location: row.location!,
        ...(row.office ? { office: row.office } : {}),
        headcount: row.headcount!,
        acceptedCount: extras.acceptedCount,
        ...mine,
      };
    case 'hack':
      return {
        ...common,
        kind: 'hack',
        stage: row.stage!,
        ...(row.event_id ? { eventId: row.event_id } : {}),
        ...(row.location ? { location: row.location } : {}),
        ...(row.hack_category
          ? { category: row.hack_category as HackCategory }
          : {}),
        ...(row.demo_url ? { demoUrl: row.demo_url } : {}),
        ...(row.result_summary ? { resultSummary: row.result_summary } : {}),
        members: extras.members,
        followerCount: extras.followerCount,
        following: extras.following,
      };
    case 'pairing': {
      const booked = extras.slots.find(s => s.booked_by);
      return {
        ...common,
        kind: 'pairing',
        mode: row.mode!,
        durationMinutes: row.duration_minutes!,
        slots: extras.slots.map(toSlot),
        booking: booked
          ? {
              slotId: booked.id,
              user: booked.booked_by!,
              bookedAt: toIso(booked.booked_at!),
            }
          : null,
      };
    }
    default:
      return {
        ...common,
        kind: 'mentorship',
        mode: row.mode!,
        capacity: row.capacity!,
        acceptedCount: extras.acceptedCount,
        ...mine,
      };
  }
}

/** The columns of a post from its input: the fields of other kinds are null. */
export function postColumns(input: PostInput) {
  const base = {
    kind: input.kind,
    title: input.title,
    title_lower: input.title.toLocaleLowerCase(),
    description: input.description,
    team: null as string | null,
    level: null as number | null,
    start: null as string | null,
    duration_weeks: null as number | null,
    time_share_percent: null as number | null,
    location: null as string | null,
    office: null as string | null,
    headcount: null as number | null,
    stage: null as string | null,
    hack_category: null as string | null,
    event_id: null as number | null,
    demo_url: null as string | null,
    result_summary: null as string | null,
    mode: null as string | null,
    capacity: null as number | null,
    duration_minutes: null as number | null,
  };
  switch (input.kind) {
    case 'embed':
      return {
        ...base,
        team: input.team.toLocaleLowerCase(),
        level: input.level,
        start: input.start,
        duration_weeks: input.durationWeeks,
        time_share_percent: input.timeSharePercent,
        location: input.location,
        office: input.office ?? null,
        headcount: input.headcount,
      };
    case 'hack':
      return {
        ...base,
        stage: input.stage,
        event_id: input.eventId ?? null,
        location: input.location ?? null,
        hack_category: input.category ?? null,
        demo_url: input.demoUrl ?? null,
        result_summary: input.resultSummary ?? null,
      };
    case 'pairing':
      return {
        ...base,
        mode: input.mode,
        duration_minutes: input.durationMinutes,
      };
    default:
      return { ...base, mode: input.mode, capacity: input.capacity };
  }
}

/** One person's row for one skill, as matching reads it. */
export interface PersonSkillRow {
  skill_id: number;
  level: number | null;
  can_help: boolean | number;
  learning: boolean | number;
}

/** Which profile flag says a person is open to a kind of post. */
export const AVAILABILITY_COLUMN = {
  embed: 'open_to_embeds',
  hack: 'open_to_hacks',
  mentorship: 'open_to_mentoring',
  pairing: 'open_to_mentoring',
} as const;
