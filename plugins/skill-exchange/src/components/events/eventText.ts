import type { TranslationFunction } from '@backstage/frontend-plugin-api';
import {
  HackEvent,
  registrationState,
  RegistrationState,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { skillExchangeTranslationRef } from '../../translation';

/** The Skill Exchange's translation function, as `useTranslationRef` gives it. */
export type Translate = TranslationFunction<
  typeof skillExchangeTranslationRef.T
>;

/** The words for hacks that the event texts interpolate. */
export function hackWords(t: Translate) {
  return {
    hack: t('common.kindsInText.hack'),
    hacks: t('common.kindsInText.hacks'),
    Hack: t('common.kinds.hack'),
    Hacks: t('common.kinds.hacks'),
  };
}

/** "14 Dec 2026" for a YYYY-MM-DD day, the same wherever the reader is. */
export function formatDay(iso: string, locale = 'en-GB'): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A day in the reader's language ("14 Dec 2026", "14. Dez. 2026"). */
export function day(t: Translate, iso: string): string {
  return formatDay(iso, t('events.dayLocale'));
}

/** "14 Dec 2026 to 18 Dec 2026", or one day. */
export function dateRange(
  t: Translate,
  event: Pick<HackEvent, 'startsOn' | 'endsOn'>,
) {
  return event.startsOn === event.endsOn
    ? day(t, event.startsOn)
    : t('events.dateRange', {
        from: day(t, event.startsOn),
        to: day(t, event.endsOn),
      });
}

/** "Registration open until 15 Dec 2026" and the like, on `today`. */
export function registrationText(
  t: Translate,
  event: HackEvent,
  today: string,
): string {
  const state: RegistrationState = registrationState(event, today);
  if (state === 'open') {
    return t('events.registration.open', {
      day: day(t, event.registrationClosesOn),
    });
  }
  if (state === 'not_yet_open') {
    return t('events.registration.notYetOpen', {
      day: day(t, event.registrationOpensOn!),
    });
  }
  return t('events.registration.closed');
}

/**
 * Why a hack cannot join the event on `today`, or undefined while
 * registration is open (the words of `registrationClosedReason`).
 */
export function registrationClosedText(
  t: Translate,
  event: HackEvent,
  today: string,
): string | undefined {
  const words = {
    event: event.name,
    hacks: t('common.kindsInText.hacks'),
    opens: event.registrationOpensOn ?? '',
    closes: event.registrationClosesOn,
  };
  switch (registrationState(event, today)) {
    case 'not_yet_open':
      return t('events.closedReason.notYetOpen', words);
    case 'closed':
      return event.phase === 'results'
        ? t('events.closedReason.results', words)
        : t('events.closedReason.closed', words);
    default:
      return undefined;
  }
}

/** Whether `me` created or organises the event. */
export function organises(event: HackEvent, me: string): boolean {
  const ref = me.toLocaleLowerCase();
  return [event.createdBy, ...event.organisers].some(
    r => r.toLocaleLowerCase() === ref,
  );
}
