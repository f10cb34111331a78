import { GoldenPathsStores } from '../database';

/**
 * The demo's bootcamp, so the Bootcamps board is not empty: the Client
 * newcomers of the autumn (examples/org.yaml) on the Client path, run by
 * the demo admin. Nadia stopped after three steps in July, so she shows as
 * stuck and can be nudged.
 */
export const DEMO_BOOTCAMP = {
  id: 'client-bootcamp-2026',
  title: 'Client Bootcamp 2026',
  startDate: '2026-07-06',
  endDate: '2026-09-30',
  pathId: 'client-day-1',
  owner: 'user:default/amara.okafor',
  members: ['nadia.hassan', 'hana.sato', 'chen.wei'].map(
    name => `user:default/${name}`,
  ),
};

/** Creates the demo bootcamp once (nothing when it is there). */
export async function seedDemoBootcamp(
  stores: Pick<GoldenPathsStores, 'cohorts'>,
  now: number,
): Promise<boolean> {
  if (await stores.cohorts.getCohort(DEMO_BOOTCAMP.id)) {
    return false;
  }
  await stores.cohorts.createCohort(DEMO_BOOTCAMP, now);
  return true;
}
