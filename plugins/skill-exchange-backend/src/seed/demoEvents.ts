import {
  HackEvent,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';

const DAY = 24 * 60 * 60 * 1000;
/** The day `n` days from today, as YYYY-MM-DD. */
const inDays = (n: number) => todayIso(new Date(Date.now() + n * DAY));

const ORGANISER = 'user:default/amara.okafor';

const pastEvent = {
  name: 'Hack Week #7',
  description:
    'A week of hacking on whatever makes listening or building better. Demos on Friday.',
};

/** Where a finished hack put its demo, and what came of it. */
export const demoResults: Record<
  string,
  { demoUrl: string; resultSummary: string }
> = {
  'Loudness normalisation explorer': {
    demoUrl: 'https://example.com/demos/loudness-explorer',
    resultSummary:
      'A working comparison tool; the audio team now uses it to review normalisation changes.',
  },
};

/**
 * The demo's two hack events, dated from today: one that ended about eight
 * weeks ago and shows its results, and one in two weeks whose registration
 * is open. The past event takes its hacks while its registration is open,
 * as it did back then: `finish` gives it its real dates and results phase
 * once its hacks and members are in.
 */
export async function createDemoEvents(stores: SkillExchangeStores): Promise<{
  past: HackEvent;
  upcoming: HackEvent;
  finish(): Promise<void>;
}> {
  const past = await stores.events.createEvent(
    {
      ...pastEvent,
      startsOn: inDays(0),
      endsOn: inDays(0),
      phase: 'planning',
    },
    ORGANISER,
  );
  const upcoming = await stores.events.createEvent(
    {
      name: 'Hack Week #8',
      description:
        'The last hack week of the year: bring an idea or join one. Register your hack before the second day.',
      startsOn: inDays(14),
      endsOn: inDays(18),
      registrationOpensOn: inDays(-7),
      registrationClosesOn: inDays(15),
      phase: 'planning',
    },
    ORGANISER,
  );
  const finish = async () => {
    await stores.events.updateEvent(past.id, {
      ...pastEvent,
      startsOn: inDays(-56),
      endsOn: inDays(-52),
      registrationOpensOn: inDays(-84),
      registrationClosesOn: inDays(-55),
      phase: 'results',
      version: past.version,
    });
  };
  return { past, upcoming, finish };
}
