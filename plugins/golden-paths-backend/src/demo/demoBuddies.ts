import { GoldenPathsStores } from '../database';

const u = (name: string) => `user:default/${name}`;
const LARS = {
  buddy: u('lars.lindqvist'),
  reason: 'Backend, Expert; can help with Kubernetes (Advanced)',
};
const PRIYA = { buddy: u('priya.raman'), reason: 'Backend, Advanced' };

/**
 * The demo's onboarding buddies on the Backend path, with the reasons the
 * Skill Exchange's demo profiles give: Lars is the buddy of two recent
 * newcomers (his home page lists them), Priya of one, and Kai still has
 * Priya suggested (confirm it as Kai or his manager Amara).
 */
export const DEMO_BUDDIES = [
  { newcomer: u('david.kim'), ...LARS, confirmed: true },
  { newcomer: u('ben.okoro'), ...LARS, confirmed: true },
  { newcomer: u('maya.patel'), ...PRIYA, confirmed: true },
  { newcomer: u('kai.moreno'), ...PRIYA, confirmed: false },
];

/** Seeds {@link DEMO_BUDDIES} on the demo newcomers' Backend journeys. */
export async function seedDemoBuddies(stores: GoldenPathsStores, now: number) {
  for (const demo of DEMO_BUDDIES) {
    const journey = await stores.journeys.getJourney(
      demo.newcomer,
      'backend-day-1',
    );
    if (!journey) continue;
    await stores.buddies.suggest({
      journeyId: journey.id,
      buddyRef: demo.buddy,
      reason: demo.reason,
      suggestedAt: journey.startedAt,
    });
    if (demo.confirmed) {
      await stores.buddies.confirm(journey.id, demo.buddy, {
        by: demo.newcomer,
        at: Math.min(now, journey.startedAt + 3_600_000),
        maxPerBuddy: Number.MAX_SAFE_INTEGER,
      });
    }
  }
}
