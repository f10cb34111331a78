import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describeOnEachDatabase } from '../__testUtils__/services';
import { computeMetrics } from '../service/metrics';
import { DEMO_NEWCOMERS } from './demoNewcomers';
import { seedDemoHistory } from './seedDemoHistory';
import { DEMO_BOOTCAMP } from './demoBootcamp';
import { stuckDays } from '../service/stuck';

jest.setTimeout(120_000);

// Test fixture only: the demo organisation lives outside this package.
// eslint-disable-next-line no-restricted-syntax
const orgFile = path.resolve(__dirname, '../../../../examples/org.yaml');

describe('the demo newcomers', () => {
  it('are the users of examples/org.yaml, with the same start dates', () => {
    const users = new Map<string, string | undefined>();
    for (const doc of parseAllDocuments(fs.readFileSync(orgFile, 'utf8'))) {
      const entity = doc.toJS();
      if (entity?.kind === 'User') {
        users.set(
          entity.metadata.name,
          entity.metadata.annotations?.['onramp.dev/start-date'],
        );
      }
    }
    for (const person of DEMO_NEWCOMERS) {
      expect([person.name, users.has(person.name)]).toEqual([
        person.name,
        true,
      ]);
      expect([person.name, users.get(person.name)]).toEqual([
        person.name,
        person.startDate,
      ]);
    }
  });
});

describeOnEachDatabase('the demo history', t => {
  it('gives the trends months of people, once', async () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const seed = () =>
      seedDemoHistory({
        stores: t.gp.stores,
        paths: t.gp.paths,
        logger: mockServices.logger.mock(),
        now,
      });
    await t.gp.stores.people.replaceStartDates(
      DEMO_NEWCOMERS.filter(p => p.startDate).map(p => ({
        userEntityRef: `user:default/${p.name}`,
        startDate: p.startDate!,
      })),
      now,
    );
    expect(await seed()).toBe(DEMO_NEWCOMERS.length);
    expect(await seed()).toBe(0);
    // The onboarding buddies: Lars has two people, Kai a suggestion.
    const lars = await t.gp.stores.buddies.listConfirmedFor(
      'user:default/lars.lindqvist',
    );
    expect(lars).toHaveLength(2);
    const kai = await t.gp.stores.journeys.getJourney(
      'user:default/kai.moreno',
      'backend-day-1',
    );
    expect(
      (await t.gp.stores.buddies.listForJourneys([kai!.id])).map(r => [
        r.buddyRef,
        r.status,
      ]),
    ).toEqual([['user:default/priya.raman', 'suggested']]);
    // The demo bootcamp, once: its board has Nadia stuck on the Client path.
    const bootcamp = await t.gp.stores.cohorts.getCohort(DEMO_BOOTCAMP.id);
    expect(bootcamp?.members).toEqual([...DEMO_BOOTCAMP.members].sort());
    const [nadia] = await t.gp.stores.bootcamps.listJourneysOf(
      ['user:default/nadia.hassan'],
      DEMO_BOOTCAMP.pathId,
    );
    expect(stuckDays(nadia, now, 3)).toBeGreaterThan(30);
    const metrics = await computeMetrics({
      store: t.gp.stores.metrics,
      paths: t.gp.paths,
      query: {},
      deployEvidenceKey: 'deploy.healthy',
      pullRequests: true,
      // The default: the demo's months are big enough to be shown.
      minimumGroupSize: 5,
      now,
    });
    const { overall, byStartMonth } = metrics.onboarding;
    expect(overall.people).toBe(DEMO_NEWCOMERS.length);
    expect(overall.countedFromJourneyStart).toBe(1);
    expect(overall.timeToFirstPr.count).toBe(DEMO_NEWCOMERS.length);
    expect(overall.timeToTenthMergedPr!.count).toBe(DEMO_NEWCOMERS.length);
    expect(overall.timeToFirstDeploy.count).toBeGreaterThan(0);
    expect(byStartMonth.map(m => [m.month, m.people, m.suppressed])).toEqual([
      ['2026-07', 5, false],
      ['2026-08', 5, false],
      ['2026-09', 5, false],
      ['2026-10', 5, false],
    ]);
    // Onboarding gets faster: the 10th merge comes sooner each month.
    const tenth = byStartMonth.map(m => m.timeToTenthMergedPr!.medianMs!);
    expect(tenth).toEqual([...tenth].sort((a, b) => b - a));
    const backend = metrics.paths.find(p => p.pathId === 'backend-day-1')!;
    expect(backend.completed).toBeGreaterThan(0);
  });
});
