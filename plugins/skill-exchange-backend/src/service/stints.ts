import type { PostRow } from '../database/rows';

/** What decides whether a post someone was on is over. */
export type StintPost = Pick<
  PostRow,
  'kind' | 'status' | 'start' | 'duration_weeks' | 'status_changed_at'
> &
  Partial<Pick<PostRow, 'stage' | 'updated_at'>> & {
    /** A pairing session's booked slot: when it ends. */
    session_ends_at?: Date | string | number | null;
  };

/** Whether a stint is over, and when it ended or ends. */
export interface StintEnd {
  over: boolean;
  /** When it ended (ISO), once over. */
  endedAt?: string;
  /** The day a dated stint (an embed) ends, whether over or not. */
  endsOn?: string;
  /** An embed closed before it started: it never took place. */
  cancelled?: boolean;
}

const DAY = 86_400_000;

const iso = (value: Date | string | number) => new Date(value).toISOString();

/** The first day of an embed's start: the date, or a quarter's first day. */
export function startDay(start: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(start);
  if (!quarter) return start;
  const month = (Number(quarter[2]) - 1) * 3 + 1;
  return `${quarter[1]}-${String(month).padStart(2, '0')}-01`;
}

/**
 * When a post someone was on is over:
 * - an embed after its last day (start + duration), or once closed;
 * - a mentorship once its owner closed it;
 * - a hack once completed or closed;
 * - a pairing session once its booked slot has ended.
 */
export function stintEnd(post: StintPost, now: Date): StintEnd {
  const closed = post.status === 'closed';
  if (post.kind === 'embed' && post.start && post.duration_weeks) {
    const first = startDay(post.start);
    const end = new Date(
      Date.parse(`${first}T00:00:00Z`) + post.duration_weeks * 7 * DAY,
    );
    const endsOn = new Date(end.getTime() - DAY).toISOString().slice(0, 10);
    const closedAt = new Date(post.status_changed_at);
    if (closed && closedAt.toISOString().slice(0, 10) < first) {
      return { over: false, endsOn, cancelled: true };
    }
    if (closed && closedAt < end) {
      return { over: true, endedAt: closedAt.toISOString(), endsOn };
    }
    if (end <= now) return { over: true, endedAt: end.toISOString(), endsOn };
    return { over: false, endsOn };
  }
  if (post.kind === 'pairing') {
    const end = post.session_ends_at ? new Date(post.session_ends_at) : null;
    return end && end <= now
      ? { over: true, endedAt: end.toISOString() }
      : { over: false };
  }
  if (closed) return { over: true, endedAt: iso(post.status_changed_at) };
  if (post.kind === 'hack' && post.stage === 'completed') {
    return {
      over: true,
      endedAt: iso(post.updated_at ?? post.status_changed_at),
    };
  }
  return { over: false };
}

/** How a stint that is not over yet opens its retro, in words. */
export function whenRetroOpens(post: StintPost, end: StintEnd): string {
  if (end.cancelled) {
    return 'This embed was closed before it started: there is no retro to write';
  }
  if (end.endsOn) {
    return `This embed ends on ${end.endsOn}: its retro opens then`;
  }
  if (post.kind === 'hack') {
    return 'This hack is not completed yet: its retro opens when it is';
  }
  if (post.kind === 'pairing') {
    return 'This pairing session has not taken place yet: its retro opens when its slot ends';
  }
  return `This ${post.kind} is not over yet: its retro opens when its owner closes it`;
}
