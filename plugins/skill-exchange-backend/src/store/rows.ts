/** Database row shapes and conversions shared by the store. */

export interface PostRow {
  id: number;
  kind: 'embed' | 'hack' | 'mentorship';
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
  location: 'remote' | 'office' | 'flexible' | null;
  office: string | null;
  headcount: number | null;
  stage: 'idea' | 'in_progress' | 'completed' | null;
  event_id: number | null;
  member_count: number;
  mode: 'offering' | 'seeking' | null;
  capacity: number | null;
}

export interface InterestRow {
  id: number;
  post_id: number;
  user_ref: string;
  message: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  created_at: Date | string | number;
  updated_at: Date | string | number;
}

export interface ProfileRow {
  user_ref: string;
  team: string | null;
  bio: string;
  contact: string;
  open_to_embeds: boolean | number;
  open_to_mentoring: boolean | number;
  open_to_hacks: boolean | number;
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
