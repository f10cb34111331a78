import {
  EventPhase,
  HackEvent,
  registrationState,
  RegistrationState,
} from '@onramp/backstage-plugin-skill-exchange-common';

export const PHASE_LABELS: Record<EventPhase, string> = {
  planning: 'Planning',
  hacking: 'Hacking',
  results: 'Results',
};

/** What each phase means, under the phase switch. */
export const PHASE_HINTS: Record<EventPhase, string> = {
  planning: 'Hacks gather and people join them.',
  hacking: 'The event is on.',
  results:
    'Registration is over; completed hacks record their demo link and result.',
};

/** "14 Dec 2026" for a YYYY-MM-DD day, the same wherever the reader is. */
export function formatDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "14 Dec 2026 to 18 Dec 2026", or one day. */
export function dateRange(event: Pick<HackEvent, 'startsOn' | 'endsOn'>) {
  return event.startsOn === event.endsOn
    ? formatDay(event.startsOn)
    : `${formatDay(event.startsOn)} to ${formatDay(event.endsOn)}`;
}

/** "Registration open until 15 Dec 2026" and the like, on `today`. */
export function registrationText(event: HackEvent, today: string): string {
  const state: RegistrationState = registrationState(event, today);
  if (state === 'open') {
    return `Registration open until ${formatDay(event.registrationClosesOn)}`;
  }
  if (state === 'not_yet_open') {
    return `Registration opens on ${formatDay(event.registrationOpensOn!)}`;
  }
  return 'Registration closed';
}

/** Whether `me` created or organises the event. */
export function organises(event: HackEvent, me: string): boolean {
  const ref = me.toLocaleLowerCase();
  return [event.createdBy, ...event.organisers].some(
    r => r.toLocaleLowerCase() === ref,
  );
}
