import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  goldenPathsMetricsReadPermission,
  MyPulses,
  Pulse,
  PULSE_DAYS,
  PULSE_QUESTIONS,
  PulseDay,
  PulseGroup,
  PulseInsights,
  PulseInsightsQuery,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  PulseCandidate,
  PulseCounts,
  PulseRow,
  PulseStore,
} from '../database/PulseStore';
import { MetricsAccess } from './access';
import { GoldenPathRegistry } from './paths';
import { groupsToHide } from './privacy';

const iso = (ms: number) => new Date(ms).toISOString();

/** A pulse row as the API shows it to its person. */
function pulseView(row: PulseRow): Pulse {
  return {
    day: row.day as PulseDay,
    dueAt: iso(row.dueAt),
    askedAt: iso(row.askedAt),
    answer: row.answer && {
      onboarded: row.answer.onboarded,
      productive: row.answer.productive,
      ...(row.answer.comment ? { comment: row.answer.comment } : {}),
      answeredAt: iso(row.answer.answeredAt),
      updatedAt: iso(row.answer.updatedAt),
    },
  };
}

const HIDDEN_SCORES = { distribution: null, mean: null };

/** A question's distribution and mean (null without answers). */
function scores(counts: number[]) {
  const total = counts.reduce((a, b) => a + b, 0);
  const sum = counts.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    distribution: counts as [number, number, number, number, number],
    mean: total === 0 ? null : Math.round((sum / total) * 100) / 100,
  };
}

/** A group's figures, or nulls when it is hidden. */
export function pulseGroup(
  counts: PulseCounts | undefined,
  hidden: boolean,
): PulseGroup {
  if (hidden) {
    return {
      answers: null,
      people: null,
      onboarded: HIDDEN_SCORES,
      productive: HIDDEN_SCORES,
      suppressed: true,
    };
  }
  const none = [0, 0, 0, 0, 0];
  return {
    answers: counts?.answers ?? 0,
    people: counts?.people ?? 0,
    onboarded: scores(counts?.onboarded ?? none),
    productive: scores(counts?.productive ?? none),
    suppressed: false,
  };
}

/**
 * Pulse surveys: asking people at day 7, 30, 60 and 90 after their start
 * date, their own answers, and the answers' insights for metrics viewers.
 */
export class PulseService {
  constructor(
    private readonly options: {
      store: PulseStore;
      paths: GoldenPathRegistry;
      access: MetricsAccess;
      notifications: NotificationService;
      logger: LoggerService;
      linkPrefix: string;
      /** Groups with fewer people are hidden (`goldenPaths.metrics.minimumGroupSize`). */
      minimumGroupSize: number;
      /** A day is still asked this many days after it arrived. */
      catchUpDays: number;
      clock?: () => number;
    },
  ) {}

  private now() {
    return (this.options.clock ?? Date.now)();
  }

  /**
   * Asks everyone whose pulse day arrived within the catch-up window, each
   * (person, day) once: the ask is claimed by a unique row before the
   * notification goes out, so two replicas (or two runs) never ask twice.
   * A person due two days at once (a long catch-up) is asked the later one.
   * Returns how many people were asked.
   */
  async askDue(): Promise<number> {
    const { store, catchUpDays } = this.options;
    const now = this.now();
    const latest = new Map<string, PulseCandidate>();
    for (const day of PULSE_DAYS) {
      for (const candidate of await store.listCandidates(
        day,
        now,
        catchUpDays,
      )) {
        latest.set(candidate.userEntityRef, candidate);
      }
    }
    let asked = 0;
    for (const candidate of latest.values()) {
      if (!(await store.claimAsk(candidate, now))) {
        continue;
      }
      asked += 1;
      await this.notify(candidate);
    }
    if (asked > 0) {
      this.options.logger.info(`Asked ${asked} people for their pulse`);
    }
    return asked;
  }

  private async notify(candidate: PulseCandidate) {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: candidate.userEntityRef },
        payload: {
          title: `How are you doing? Your day ${candidate.day} pulse`,
          description: `${PULSE_QUESTIONS.onboarded} ${PULSE_QUESTIONS.productive} Two answers from 1 to 5 and a comment if you like; only you see your own answers.`,
          link: `${this.options.linkPrefix}?pulse=${candidate.day}#pulse`,
          severity: 'normal',
          topic: 'golden-paths-pulse',
          scope: `golden-paths:pulse:${candidate.day}`,
        },
      });
    } catch (error) {
      // The ask is claimed: the card on the person's page still shows it.
      this.options.logger.error(
        `Could not notify ${candidate.userEntityRef} of their day ${candidate.day} pulse`,
        error as Error,
      );
    }
  }

  /** `GET /pulse/me`. */
  async getOwn(userEntityRef: string): Promise<MyPulses> {
    const rows = await this.options.store.listOwn(userEntityRef);
    return {
      items: rows.map(pulseView),
      due: rows.filter(r => !r.answer).map(r => r.day as PulseDay),
    };
  }

  /** `PUT /pulse/me/:day`: the person's own answer, new or changed. */
  async answer(
    userEntityRef: string,
    day: number,
    body: { onboarded: number; productive: number; comment?: string },
  ): Promise<Pulse> {
    const row = await this.options.store.saveAnswer(
      userEntityRef,
      day,
      {
        onboarded: body.onboarded,
        productive: body.productive,
        comment: body.comment ? body.comment : null,
      },
      this.now(),
    );
    return pulseView(row);
  }

  /**
   * `GET /insights/pulse`: for metrics viewers. Every group with fewer than
   * `minimumGroupSize` people is hidden, and the next smallest of its
   * family where exactly one would be (see groupsToHide); under a hidden
   * total everything is hidden.
   */
  async insights(
    credentials: BackstageCredentials,
    query: PulseInsightsQuery,
  ): Promise<PulseInsights> {
    const { access, store, paths, minimumGroupSize } = this.options;
    await access.require(credentials, goldenPathsMetricsReadPermission);
    const pathsByDiscipline: Record<string, string[]> = {};
    for (const path of paths.list()) {
      (pathsByDiscipline[path.discipline] ??= []).push(path.id);
    }
    const [all, byDay, byCohort, byDiscipline] = await Promise.all([
      store.countAnswers({ kind: 'all' }, query),
      store.countAnswers({ kind: 'day' }, query),
      store.countAnswers({ kind: 'cohort' }, query),
      store.countAnswers({ kind: 'discipline', pathsByDiscipline }, query),
    ]);
    const overallPeople = all[0]?.people ?? 0;
    const overallHidden = overallPeople > 0 && overallPeople < minimumGroupSize;
    const family = <T>(rows: PulseCounts[], view: (r: PulseCounts) => T) => {
      const hidden = groupsToHide(
        rows.map(r => r.people),
        minimumGroupSize,
        overallHidden,
      );
      return {
        groups: rows.map((r, i) => ({
          ...view(r),
          ...pulseGroup(r, hidden.has(i)),
        })),
        hidden: hidden.size,
      };
    };
    const titles = await store.cohortTitles(byCohort.map(r => r.group));
    const days = family(byDay, r => ({ day: Number(r.group) as PulseDay }));
    const cohorts = family(byCohort, r => ({
      cohortId: r.group,
      title: titles.get(r.group) ?? r.group,
    }));
    const disciplines = family(byDiscipline, r => ({ discipline: r.group }));
    return {
      generatedAt: iso(this.now()),
      minimumGroupSize,
      filters: query,
      overall: pulseGroup(all[0], overallHidden),
      byDay: days.groups,
      byCohort: cohorts.groups,
      byDiscipline: disciplines.groups,
      hiddenGroups: {
        byDay: days.hidden,
        byCohort: cohorts.hidden,
        byDiscipline: disciplines.hidden,
      },
    };
  }
}
