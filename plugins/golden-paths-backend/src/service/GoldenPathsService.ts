import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  GoldenPath,
  GoldenPathStep,
  Journey,
  JourneyStepStatus,
  Page,
  RecordEvidenceRequest,
  RecordEvidenceResponse,
  StepEvidence,
  TEMPLATE_SUCCEEDED_KEY,
  evidenceRuleKeys,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  EvidenceRow,
  GoldenPathsStore,
  JourneyRow,
  ProgressRow,
} from '../database/GoldenPathsStore';
import { GoldenPathRegistry } from './paths';

/** Told when someone finishes a path. */
export type JourneyCompletedListener = (event: {
  userEntityRef: string;
  path: GoldenPath;
  journeyId: string;
}) => Promise<void>;

type Target = { stepId: string; checkId: string };

const MAX_ATTEMPTS = 5;

function iso(ms: number) {
  return new Date(ms).toISOString();
}

/** Does this evidence satisfy the step (or one of its checks)? */
function matchEvidence(
  step: GoldenPathStep,
  evidence: Pick<EvidenceRow, 'key' | 'templateRef' | 'outputs'>,
): string[] | undefined {
  const rule = step.rule;
  switch (rule.type) {
    case 'manual':
      return undefined;
    case 'evidence':
      return evidenceRuleKeys(rule).includes(evidence.key) ? [''] : undefined;
    case 'template': {
      if (evidence.key !== TEMPLATE_SUCCEEDED_KEY) {
        return undefined;
      }
      if (
        !evidence.templateRef ||
        evidence.templateRef.toLocaleLowerCase() !==
          rule.templateRef.toLocaleLowerCase()
      ) {
        return undefined;
      }
      const outputs = evidence.outputs ?? {};
      const missing = (rule.requiredOutputs ?? []).filter(
        name => outputs[name] === undefined || outputs[name] === null,
      );
      return missing.length === 0 ? [''] : undefined;
    }
    case 'checks': {
      const checks = rule.checks
        .filter(
          c =>
            c.rule.type === 'evidence' &&
            evidenceRuleKeys(c.rule).includes(evidence.key),
        )
        .map(c => c.id);
      return checks.length > 0 ? checks : undefined;
    }
    default:
      return undefined;
  }
}

function describeKeys(keys: string[]): string {
  return keys.map(k => `"${k}"`).join(' or ');
}

/**
 * The rank of an evidence key under the rule of a step or check (0 is the
 * strongest); undefined when the rule is not an evidence rule or the key is
 * not one of its keys.
 */
function evidenceRank(
  step: GoldenPathStep,
  checkId: string,
  key: string | null,
): number | undefined {
  let rule: GoldenPathStep['rule'] | undefined = step.rule;
  if (checkId !== '') {
    rule =
      step.rule.type === 'checks'
        ? step.rule.checks.find(c => c.id === checkId)?.rule
        : undefined;
  }
  if (!key || rule?.type !== 'evidence') {
    return undefined;
  }
  const rank = evidenceRuleKeys(rule).indexOf(key);
  return rank < 0 ? undefined : rank;
}

function describeRule(step: GoldenPathStep): string {
  const rule = step.rule;
  switch (rule.type) {
    case 'manual':
      return 'is completed by its owner (manual)';
    case 'evidence':
      return `needs evidence ${describeKeys(evidenceRuleKeys(rule))}`;
    case 'template':
      return `needs "${TEMPLATE_SUCCEEDED_KEY}" from ${rule.templateRef}${
        rule.requiredOutputs?.length
          ? ` with outputs ${rule.requiredOutputs.join(', ')}`
          : ''
      }`;
    case 'checks':
      return `needs its checks: ${rule.checks
        .map(c =>
          c.rule.type === 'evidence'
            ? `${c.id} (evidence ${describeKeys(evidenceRuleKeys(c.rule))})`
            : `${c.id} (manual)`,
        )
        .join(', ')}`;
    default:
      return 'has an unknown rule';
  }
}

function evidenceOf(row: ProgressRow): StepEvidence {
  const evidence: StepEvidence = {
    source: row.source,
    occurredAt: iso(row.completedAt),
  };
  if (row.evidenceId) evidence.evidenceId = row.evidenceId;
  if (row.evidenceKey) evidence.key = row.evidenceKey;
  if (row.taskId) evidence.taskId = row.taskId;
  if (row.templateRef) evidence.templateRef = row.templateRef;
  if (row.link) evidence.link = row.link;
  if (row.summary) evidence.summary = row.summary;
  if (row.outputs) evidence.outputs = row.outputs;
  return evidence;
}

/** Builds the API view of a journey from its rows and the path's current steps. */
export function toJourney(
  journey: JourneyRow,
  path: GoldenPath | undefined,
  progress: ProgressRow[],
): Journey {
  const byKey = new Map(
    progress
      .filter(p => p.journeyId === journey.id)
      .map(p => [`${p.stepId}\u0000${p.checkId}`, p]),
  );
  const steps: JourneyStepStatus[] = (path?.steps ?? []).map(step => {
    const done = byKey.get(`${step.id}\u0000`);
    const status: JourneyStepStatus = {
      stepId: step.id,
      status: done ? 'completed' : 'pending',
    };
    if (done) {
      status.completedAt = iso(done.completedAt);
      status.evidence = evidenceOf(done);
    }
    if (step.rule.type === 'checks') {
      status.checks = step.rule.checks.map(check => {
        const checkDone = byKey.get(`${step.id}\u0000${check.id}`);
        return checkDone
          ? {
              checkId: check.id,
              status: 'completed' as const,
              completedAt: iso(checkDone.completedAt),
              evidence: evidenceOf(checkDone),
            }
          : { checkId: check.id, status: 'pending' as const };
      });
    }
    return status;
  });
  const completedSteps = steps.filter(s => s.status === 'completed').length;
  const result: Journey = {
    id: journey.id,
    pathId: journey.pathId,
    userEntityRef: journey.userEntityRef,
    status: journey.status,
    startedAt: iso(journey.startedAt),
    version: journey.version,
    steps,
    completedSteps,
    totalSteps: steps.length,
  };
  if (journey.completedAt !== null) {
    result.completedAt = iso(journey.completedAt);
  }
  const next = steps.find(s => s.status === 'pending');
  if (next) {
    result.nextStepId = next.stepId;
  }
  return result;
}

/** Journeys, progress and evidence: the rules on top of the store. */
export class GoldenPathsService {
  private readonly listeners: JourneyCompletedListener[] = [];

  constructor(
    private readonly store: GoldenPathsStore,
    private readonly paths: GoldenPathRegistry,
    private readonly clock: () => number = Date.now,
  ) {}

  onJourneyCompleted(listener: JourneyCompletedListener) {
    this.listeners.push(listener);
  }

  listPaths() {
    return this.paths.list();
  }

  getPath(pathId: string): GoldenPath {
    const path = this.paths.get(pathId);
    if (!path) {
      throw new NotFoundError(`No golden path "${pathId}"`);
    }
    return path;
  }

  async getMyJourneys(userEntityRef: string): Promise<Journey[]> {
    const journeys = await this.store.listJourneys(userEntityRef);
    const progress = await this.store.listProgress(journeys.map(j => j.id));
    return journeys
      .filter(j => this.paths.get(j.pathId))
      .map(j => toJourney(j, this.paths.get(j.pathId), progress));
  }

  /**
   * One page of the person's journeys on paths that still exist (or on
   * `pathId` only), oldest first.
   */
  async getMyJourneysPage(
    userEntityRef: string,
    query: { pathId?: string; limit: number; offset: number },
  ): Promise<Page<Journey>> {
    if (query.pathId && !this.paths.get(query.pathId)) {
      throw new NotFoundError(`No golden path "${query.pathId}"`);
    }
    const pathIds = query.pathId
      ? [query.pathId]
      : this.paths.list().map(p => p.id);
    const { rows, totalCount } = await this.store.listJourneysPage(
      userEntityRef,
      pathIds,
      query,
    );
    const progress = await this.store.listProgress(rows.map(j => j.id));
    return {
      items: rows.map(j => toJourney(j, this.paths.get(j.pathId), progress)),
      totalCount,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async getJourneyById(journeyId: string) {
    const journey = await this.store.getJourneyById(journeyId);
    if (!journey) {
      throw new NotFoundError(`No journey ${journeyId}`);
    }
    const progress = await this.store.listProgress([journey.id]);
    return toJourney(journey, this.paths.get(journey.pathId), progress);
  }

  /**
   * Starts `pathId` for the user (or returns the journey already started),
   * and applies evidence the user earned before starting it.
   */
  async startJourney(
    userEntityRef: string,
    pathId: string,
  ): Promise<{ journey: Journey; created: boolean }> {
    const path = this.paths.get(pathId);
    if (!path) {
      throw new InputError(`No golden path "${pathId}"`);
    }
    let created = false;
    const completions = await this.withRetry(async tx => {
      const now = this.clock();
      const result = await this.store.createJourney(
        userEntityRef,
        pathId,
        now,
        tx,
      );
      created = result.created;
      if (!result.created) {
        return [];
      }
      const evidence = await this.store.listEvidence(userEntityRef, tx);
      const progress: ProgressRow[] = [];
      let completed = false;
      for (const row of evidence) {
        if (row.pathId !== '' && row.pathId !== pathId) {
          continue;
        }
        const changed = await this.applyToJourney(
          tx,
          result.journey,
          path,
          row,
          row.stepId || undefined,
          progress,
          now,
        );
        completed = completed || changed.journeyCompleted;
      }
      return completed ? [result.journey.id] : [];
    });
    await this.notifyCompleted(userEntityRef, path, completions);
    const journey = await this.store.getJourney(userEntityRef, pathId);
    const progress = await this.store.listProgress([journey!.id]);
    return { journey: toJourney(journey!, path, progress), created };
  }

  /** Marks a manual step (or a manual check of a `checks` step) done. */
  async completeManualStep(
    userEntityRef: string,
    pathId: string,
    stepId: string,
    options: { checkId?: string; note?: string },
  ): Promise<Journey> {
    const path = this.paths.get(pathId);
    if (!path) {
      throw new NotFoundError(`No golden path "${pathId}"`);
    }
    const step = path.steps.find(s => s.id === stepId);
    if (!step) {
      throw new NotFoundError(
        `Golden path "${pathId}" has no step "${stepId}"`,
      );
    }
    let checkId = '';
    if (step.rule.type === 'checks') {
      const check = step.rule.checks.find(c => c.id === options.checkId);
      if (!options.checkId || !check) {
        throw new InputError(
          `Step "${stepId}" is a list of checks: name the manual check to complete (checkId)`,
        );
      }
      if (check.rule.type !== 'manual') {
        throw new InputError(
          `Check "${
            check.id
          }" of step "${stepId}" is proven by evidence ${describeKeys(
            evidenceRuleKeys(check.rule),
          )}, not by hand`,
        );
      }
      checkId = check.id;
    } else if (step.rule.type !== 'manual') {
      throw new InputError(
        `Step "${stepId}" ${describeRule(
          step,
        )}; only manual steps can be completed by hand`,
      );
    } else if (options.checkId) {
      throw new InputError(`Step "${stepId}" has no checks`);
    }

    const completions = await this.withRetry(async tx => {
      const journey = await this.store.getJourney(userEntityRef, pathId, tx);
      if (!journey) {
        throw new NotFoundError(`You have not started golden path "${pathId}"`);
      }
      const now = this.clock();
      const progress = await this.store.listProgress([journey.id], tx);
      const changed = await this.completeTarget(
        tx,
        journey,
        path,
        { stepId, checkId },
        {
          journeyId: journey.id,
          stepId,
          checkId,
          source: 'manual',
          evidenceId: null,
          evidenceKey: null,
          taskId: null,
          templateRef: null,
          link: null,
          summary: options.note ?? null,
          outputs: null,
          completedAt: now,
          durationMs: 0,
        },
        progress,
        now,
      );
      return changed.journeyCompleted ? [journey.id] : [];
    });
    await this.notifyCompleted(userEntityRef, path, completions);
    const journey = await this.store.getJourney(userEntityRef, pathId);
    const progress = await this.store.listProgress([journey!.id]);
    return toJourney(journey!, path, progress);
  }

  /** The evidence endpoint: idempotent on (user, step, evidenceId). */
  async recordEvidence(
    request: RecordEvidenceRequest,
  ): Promise<RecordEvidenceResponse> {
    let targetStep: string | undefined;
    let targetPath: GoldenPath | undefined;
    if (request.pathId) {
      targetPath = this.paths.get(request.pathId);
      if (!targetPath) {
        throw new InputError(`No golden path "${request.pathId}"`);
      }
      if (request.stepId) {
        const step = targetPath.steps.find(s => s.id === request.stepId);
        if (!step) {
          throw new InputError(
            `Golden path "${request.pathId}" has no step "${request.stepId}"`,
          );
        }
        const matched = matchEvidence(step, {
          key: request.key,
          templateRef: request.templateRef ?? null,
          outputs: request.outputs ?? null,
        });
        if (!matched) {
          throw new InputError(
            `Evidence "${request.key}" cannot complete step "${step.id}" of "${
              targetPath.id
            }": it ${describeRule(step)}`,
          );
        }
        targetStep = step.id;
      }
    }

    const completions: Array<{ path: GoldenPath; journeyId: string }> = [];
    await this.withRetry(async tx => {
      completions.length = 0;
      const now = this.clock();
      const evidence: EvidenceRow = {
        userEntityRef: request.userEntityRef,
        pathId: request.pathId ?? '',
        stepId: request.stepId ?? '',
        evidenceId: request.evidenceId,
        key: request.key,
        taskId: request.taskId ?? null,
        templateRef: request.templateRef ?? null,
        link: request.link ?? null,
        summary: request.summary ?? null,
        outputs: request.outputs ?? null,
        occurredAt: request.occurredAt ? Date.parse(request.occurredAt) : now,
        recordedAt: now,
      };
      const isNew = await this.store.insertEvidence(evidence, tx);
      if (!isNew) {
        return [];
      }
      const journeys = (
        await this.store.listJourneys(request.userEntityRef, tx)
      ).filter(j => !targetPath || j.pathId === targetPath.id);
      const progress = await this.store.listProgress(
        journeys.map(j => j.id),
        tx,
      );
      for (const journey of journeys) {
        const path = this.paths.get(journey.pathId);
        if (!path) {
          continue;
        }
        const changed = await this.applyToJourney(
          tx,
          journey,
          path,
          evidence,
          targetStep,
          progress,
          now,
        );
        if (changed.journeyCompleted) {
          completions.push({ path, journeyId: journey.id });
        }
      }
      return [];
    });
    for (const c of completions) {
      await this.notifyCompleted(request.userEntityRef, c.path, [c.journeyId]);
    }

    const rows = await this.store.listProgressByEvidence(
      request.userEntityRef,
      request.evidenceId,
    );
    const applied = rows.filter(
      r =>
        (!request.pathId || r.pathId === request.pathId) &&
        (!request.stepId || r.stepId === request.stepId),
    );
    return {
      recorded: applied.length > 0,
      completed: applied
        .filter(r => r.checkId === '')
        .map(r => ({ pathId: r.pathId, stepId: r.stepId })),
    };
  }

  /** Applies one piece of evidence to the matching open steps of a journey. */
  private async applyToJourney(
    tx: Knex.Transaction,
    journey: JourneyRow,
    path: GoldenPath,
    evidence: EvidenceRow,
    onlyStepId: string | undefined,
    progress: ProgressRow[],
    now: number,
  ) {
    let journeyCompleted = false;
    for (const step of path.steps) {
      if (onlyStepId && step.id !== onlyStepId) {
        continue;
      }
      const checkIds = matchEvidence(step, evidence);
      for (const checkId of checkIds ?? []) {
        const existing = progress.find(
          p =>
            p.journeyId === journey.id &&
            p.stepId === step.id &&
            p.checkId === checkId,
        );
        if (existing) {
          await this.upgradeEvidence(tx, step, existing, evidence);
          continue;
        }
        if (isDone(progress, journey.id, step.id, '')) {
          continue;
        }
        const changed = await this.completeTarget(
          tx,
          journey,
          path,
          { stepId: step.id, checkId },
          {
            journeyId: journey.id,
            stepId: step.id,
            checkId,
            source: 'evidence',
            evidenceId: evidence.evidenceId,
            evidenceKey: evidence.key,
            taskId: evidence.taskId,
            templateRef: evidence.templateRef,
            link: evidence.link,
            summary: evidence.summary,
            outputs: evidence.outputs,
            completedAt: now,
            durationMs: 0,
          },
          progress,
          now,
        );
        journeyCompleted = journeyCompleted || changed.journeyCompleted;
      }
    }
    return { journeyCompleted };
  }

  /**
   * Any-of evidence rules list keys strongest first: a step done by
   * `deploy.requested` shows `deploy.healthy` once that arrives. The
   * completion time stays the first one, so the metrics do not move.
   */
  private async upgradeEvidence(
    tx: Knex.Transaction,
    step: GoldenPathStep,
    existing: ProgressRow,
    evidence: EvidenceRow,
  ) {
    if (existing.source !== 'evidence' || existing.evidenceKey === null) {
      return;
    }
    const have = evidenceRank(step, existing.checkId, existing.evidenceKey);
    const offered = evidenceRank(step, existing.checkId, evidence.key);
    if (have === undefined || offered === undefined || offered >= have) {
      return;
    }
    const upgraded: ProgressRow = {
      ...existing,
      evidenceId: evidence.evidenceId,
      evidenceKey: evidence.key,
      taskId: evidence.taskId,
      templateRef: evidence.templateRef,
      link: evidence.link,
      summary: evidence.summary,
      outputs: evidence.outputs,
    };
    if (
      await this.store.replaceProgressEvidence(
        upgraded,
        existing.evidenceKey,
        tx,
      )
    ) {
      Object.assign(existing, upgraded);
    }
  }

  /**
   * Records one completed step or check, completes a `checks` step whose
   * checks are all done, and the journey when all its steps are done.
   */
  private async completeTarget(
    tx: Knex.Transaction,
    journey: JourneyRow,
    path: GoldenPath,
    target: Target,
    progressRow: ProgressRow,
    progress: ProgressRow[],
    now: number,
  ): Promise<{ journeyCompleted: boolean }> {
    const row: ProgressRow = {
      ...progressRow,
      durationMs: Math.max(0, progressRow.completedAt - journey.lastActivityAt),
    };
    const inserted = await this.store.insertProgress(row, tx);
    if (!inserted) {
      return { journeyCompleted: false };
    }
    progress.push(row);
    if (target.checkId !== '') {
      const step = path.steps.find(s => s.id === target.stepId)!;
      const checks = step.rule.type === 'checks' ? step.rule.checks : [];
      const allChecks = checks.every(c =>
        isDone(progress, journey.id, step.id, c.id),
      );
      if (allChecks && !isDone(progress, journey.id, step.id, '')) {
        const stepRow = { ...row, checkId: '' };
        await this.store.insertProgress(stepRow, tx);
        progress.push(stepRow);
      }
    }
    await this.store.touchJourney(journey, now, tx);
    const allSteps = path.steps.every(s =>
      isDone(progress, journey.id, s.id, ''),
    );
    if (allSteps && journey.completedAt === null) {
      const completed = await this.store.completeJourney(journey.id, now, tx);
      if (completed) {
        journey.completedAt = now;
        journey.status = 'completed';
        journey.version += 1;
        return { journeyCompleted: true };
      }
    }
    return { journeyCompleted: false };
  }

  private async withRetry<T>(
    fn: (tx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(fn);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  private async notifyCompleted(
    userEntityRef: string,
    path: GoldenPath,
    journeyIds: string[],
  ) {
    for (const journeyId of journeyIds) {
      for (const listener of this.listeners) {
        await listener({ userEntityRef, path, journeyId });
      }
    }
  }
}

function isDone(
  progress: ProgressRow[],
  journeyId: string,
  stepId: string,
  checkId: string,
) {
  return progress.some(
    p =>
      p.journeyId === journeyId && p.stepId === stepId && p.checkId === checkId,
  );
}
