/** A day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The last activity before which an active journey counts as stuck. */
export function stuckBefore(now: number, stuckAfterDays: number): number {
  return now - stuckAfterDays * DAY_MS;
}

/**
 * Whole days an active journey has gone without evidence, when that is
 * longer than `stuckAfterDays` (the rule of the stuck-member job and the
 * bootcamp board); undefined when it is not stuck.
 */
export function stuckDays(
  journey: { status: string; lastActivityAt: number },
  now: number,
  stuckAfterDays: number,
): number | undefined {
  if (
    journey.status !== 'active' ||
    journey.lastActivityAt >= stuckBefore(now, stuckAfterDays)
  ) {
    return undefined;
  }
  return Math.floor((now - journey.lastActivityAt) / DAY_MS);
}
