import { ConflictError } from '@backstage/errors';
import {
  GoldenPath,
  GoldenPathStep,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  EvidenceRow,
  JourneyRow,
  JourneyStore,
  ProgressRow,
} from '../database';
import { evidenceRank, matchEvidence } from './rules';

/** Told when someone finishes a path. */
export type JourneyCompletedListener = (event: {
  userEntityRef: string;
  path: GoldenPath;
  journeyId: string;
}) => Promise<void>;

type Target = { stepId: string; checkId: string };

const MAX_ATTEMPTS = 5;

export function isDone(
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

/** A progress row proven by evidence, completed now. */
export function evidenceProgress(
  journeyId: string,
  target: Target,
  evidence: EvidenceRow,
  now: number,
): ProgressRow {
  return {
    journeyId,
    ...target,
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
  };
}

/**
 * Writes progress: completes steps and checks, upgrades proofs, completes
 * journeys, retries on concurrent changes and tells the listeners who
 * finished. Shared by the journey and the evidence services.
 */
export class ProgressWriter {
  private readonly listeners: JourneyCompletedListener[] = [];

  constructor(private readonly store: JourneyStore) {}

  onJourneyCompleted(listener: JourneyCompletedListener) {
    this.listeners.push(listener);
  }

  /** Runs `fn` in a transaction, again when a concurrent change got in first. */
  async withRetry<T>(fn: (tx: JourneyStore) => Promise<T>): Promise<T> {
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

  async notifyCompleted(
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

  /** Applies one piece of evidence to the matching open steps of a journey. */
  async applyToJourney(
    tx: JourneyStore,
    journey: JourneyRow,
    path: GoldenPath,
    evidence: EvidenceRow,
    onlyStepId: string | undefined,
    progress: ProgressRow[],
    now: number,
  ) {
    let journeyCompleted = false;
    // Evidence from before the person's start date (catalog annotation
    // onramp.dev/start-date) does not count: it stays in the evidence log
    // but completes nothing.
    const startAt = await tx.getStartAt(journey.userEntityRef);
    if (startAt !== null && evidence.occurredAt < startAt) {
      return { journeyCompleted, beforeStartDate: true };
    }
    for (const step of path.steps) {
      if (onlyStepId && step.id !== onlyStepId) {
        continue;
      }
      for (const checkId of matchEvidence(step, evidence) ?? []) {
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
        const target = { stepId: step.id, checkId };
        const changed = await this.completeTarget(
          tx,
          journey,
          path,
          evidenceProgress(journey.id, target, evidence, now),
          progress,
          now,
        );
        journeyCompleted = journeyCompleted || changed.journeyCompleted;
      }
    }
    return { journeyCompleted, beforeStartDate: false };
  }

  /**
   * Any-of evidence rules list keys strongest first: a step done by
   * `deploy.requested` shows `deploy.healthy` once that arrives. The
   * completion time stays the first one, so the metrics do not move.
   */
  private async upgradeEvidence(
    tx: JourneyStore,
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
      ...evidenceProgress(
        existing.journeyId,
        { stepId: existing.stepId, checkId: existing.checkId },
        evidence,
        existing.completedAt,
      ),
      durationMs: existing.durationMs,
    };
    if (await tx.replaceProgressEvidence(upgraded, existing.evidenceKey)) {
      Object.assign(existing, upgraded);
    }
  }

  /**
   * Records one completed step or check, completes a `checks` step whose
   * checks are all done, and the journey when all its steps are done.
   */
  async completeTarget(
    tx: JourneyStore,
    journey: JourneyRow,
    path: GoldenPath,
    progressRow: ProgressRow,
    progress: ProgressRow[],
    now: number,
  ): Promise<{ journeyCompleted: boolean }> {
    const row: ProgressRow = {
      ...progressRow,
      durationMs: Math.max(0, progressRow.completedAt - journey.lastActivityAt),
    };
    if (!(await tx.insertProgress(row))) {
      return { journeyCompleted: false };
    }
    progress.push(row);
    if (row.checkId !== '') {
      const step = path.steps.find(s => s.id === row.stepId)!;
      const checks = step.rule.type === 'checks' ? step.rule.checks : [];
      const allChecks = checks.every(c =>
        isDone(progress, journey.id, step.id, c.id),
      );
      if (allChecks && !isDone(progress, journey.id, step.id, '')) {
        const stepRow = { ...row, checkId: '' };
        await tx.insertProgress(stepRow);
        progress.push(stepRow);
      }
    }
    // Steps that wait for this one are done with the same proof.
    if (row.checkId === '') {
      for (const waiting of path.steps) {
        if (
          waiting.rule.type === 'waitFor' &&
          waiting.rule.stepId === row.stepId &&
          !isDone(progress, journey.id, waiting.id, '')
        ) {
          const copy = { ...row, stepId: waiting.id, durationMs: 0 };
          if (await tx.insertProgress(copy)) {
            progress.push(copy);
          }
        }
      }
    }
    await tx.touchJourney(journey, now);
    const allSteps = path.steps.every(s =>
      isDone(progress, journey.id, s.id, ''),
    );
    if (allSteps && journey.completedAt === null) {
      if (await tx.completeJourney(journey.id, now)) {
        journey.completedAt = now;
        journey.status = 'completed';
        journey.version += 1;
        return { journeyCompleted: true };
      }
    }
    return { journeyCompleted: false };
  }
}
