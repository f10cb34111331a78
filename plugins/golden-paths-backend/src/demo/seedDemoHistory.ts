import { LoggerService } from '@backstage/backend-plugin-api';
import {
  evidenceRuleKeys,
  GoldenPath,
  GoldenPathStep,
  TEMPLATE_SUCCEEDED_KEY,
} from '@onramp/backstage-plugin-golden-paths-common';
import { GoldenPathsStores, startOfDay } from '../database';
import { EvidenceService } from '../service/EvidenceService';
import { JourneyService } from '../service/JourneyService';
import { GoldenPathRegistry } from '../service/paths';
import { ProgressWriter } from '../service/progress';
import { seedDemoBuddies } from './demoBuddies';
import { DEMO_NEWCOMERS, DemoNewcomer } from './demoNewcomers';
import { seedDemoBootcamp } from './demoBootcamp';
import { seedDemoPulses } from './demoPulses';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Merged pull requests seeded per person (the 10th is what the metric counts). */
const MERGES = 12;

/** One newcomer's history, replayed through the services on a moving clock. */
async function seedOne(options: {
  person: DemoNewcomer;
  path: GoldenPath;
  stores: GoldenPathsStores;
  paths: GoldenPathRegistry;
  until: number;
}) {
  const { person, path, stores, until } = options;
  const user = `user:default/${person.name}`;
  const origin =
    startOfDay(person.startDate ?? person.journeyStart ?? '') ?? until;
  let now = origin;
  const clock = () => now;
  // A writer without listeners: seeding notifies nobody.
  const writer = new ProgressWriter(stores.journeys);
  const journeys = new JourneyService(
    stores.journeys,
    options.paths,
    writer,
    clock,
  );
  const evidence = new EvidenceService(
    stores.journeys,
    options.paths,
    writer,
    clock,
  );
  const at = (ms: number) => {
    now = origin + ms;
    return new Date(now).toISOString();
  };
  const repository = `demo/${person.name.replace('.', '-')}-service`;
  const record = (
    step: GoldenPathStep,
    key: string,
    when: number,
    extra = {},
  ) =>
    evidence.recordEvidence({
      userEntityRef: user,
      pathId: path.id,
      stepId: step.id,
      key,
      ...(step.rule.type === 'template'
        ? { templateRef: step.rule.templateRef }
        : {}),
      evidenceId: `demo-${person.name}-${step.id}-${key}`,
      occurredAt: at(when),
      summary: 'Demo history',
      outputs: { repository, ...extra },
    });

  // Newcomers with a start date begin their path on day 2, 10:00.
  at(person.startDate ? DAY + 10 * HOUR : 10 * HOUR);
  await journeys.startJourney(user, path.id);
  const steps = path.steps.slice(0, person.stepsDone ?? path.steps.length);
  for (const [i, step] of steps.entries()) {
    const when = DAY + 10 * HOUR + (2 + 5 * i) * HOUR * person.pace;
    if (origin + when > until) {
      break;
    }
    const rule = step.rule;
    if (rule.type === 'manual') {
      at(when);
      await journeys.completeManualStep(user, path.id, step.id, {});
    } else if (rule.type === 'template') {
      await record(step, TEMPLATE_SUCCEEDED_KEY, when, {
        ...Object.fromEntries(
          (rule.requiredOutputs ?? []).map(o => [o, 'demo']),
        ),
      });
    } else if (rule.type === 'evidence') {
      await record(step, evidenceRuleKeys(rule)[0], when, {
        commitHash: 'd3m0c0ffee',
      });
    } else if (rule.type === 'checks') {
      for (const check of rule.checks) {
        if (check.rule.type === 'manual') {
          at(when);
          await journeys.completeManualStep(user, path.id, step.id, {
            checkId: check.id,
          });
        } else {
          await record(step, evidenceRuleKeys(check.rule)[0], when);
        }
      }
    }
  }

  // Pull requests: the first opened on day 2-4, then merges every few days.
  const firstPr = 2 * DAY * person.pace + 14 * HOUR;
  if (origin + firstPr <= until) {
    await stores.journeys.insertEvidence({
      userEntityRef: user,
      pathId: '',
      stepId: '',
      evidenceId: `demo-${person.name}-first-pr`,
      key: 'pr.opened',
      taskId: null,
      templateRef: null,
      link: null,
      summary: 'Demo history: first pull request',
      outputs: { repository, pullRequest: 1 },
      occurredAt: origin + firstPr,
      recordedAt: origin + firstPr,
    });
  }
  const merges = [];
  for (let k = 0; k < MERGES; k++) {
    const mergedAt = origin + firstPr + DAY + k * 3.5 * DAY * person.pace;
    if (mergedAt <= until) {
      merges.push({
        source: 'demo',
        prId: `${repository}#${k + 1}`,
        repository,
        userEntityRef: user,
        mergedAt: Math.round(mergedAt),
      });
    }
  }
  await stores.mergedPullRequests.insertMergedPullRequests(merges);
}

/**
 * Seeds the onboarding history of the demo newcomers (embedded default
 * only, `goldenPaths.demoData`): journeys through their paths, evidence,
 * a first pull request and merged pull requests over the past months, and
 * the onboarding buddies of a few of them.
 * Does nothing when the first newcomer already has a journey.
 */
export async function seedDemoHistory(options: {
  stores: GoldenPathsStores;
  paths: GoldenPathRegistry;
  logger: LoggerService;
  now: number;
}): Promise<number> {
  const { stores, paths } = options;
  await seedDemoBootcamp(stores, options.now);
  const first = DEMO_NEWCOMERS[0];
  if (
    await stores.journeys.getJourney(`user:default/${first.name}`, first.pathId)
  ) {
    return 0;
  }
  let seeded = 0;
  for (const person of DEMO_NEWCOMERS) {
    const path = paths.get(person.pathId);
    if (!path) {
      continue;
    }
    await seedOne({ person, path, stores, paths, until: options.now });
    seeded += 1;
  }
  await seedDemoBuddies(stores, options.now);
  await seedDemoPulses({ store: stores.pulse, now: options.now });
  options.logger.info(
    `Seeded the onboarding history of ${seeded} demo newcomers`,
  );
  return seeded;
}
