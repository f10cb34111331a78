import { InputError } from '@backstage/errors';
import {
  GoldenPath,
  RecordEvidenceRequest,
  RecordEvidenceResponse,
} from '@onramp/backstage-plugin-golden-paths-common';
import { EvidenceRow, JourneyStore } from '../database';
import { journeyToApi } from './journeyView';
import { GoldenPathRegistry } from './paths';
import { ProgressWriter } from './progress';
import { describeRule, matchEvidence } from './rules';

/** What recording evidence did. */
export type RecordEvidenceResult = {
  response: RecordEvidenceResponse;
  /** True only for the call whose insert logged this evidence. */
  created: boolean;
};

/** Evidence: the one way progress is proven (besides self-attested steps). */
export class EvidenceService {
  constructor(
    private readonly store: JourneyStore,
    private readonly paths: GoldenPathRegistry,
    private readonly writer: ProgressWriter,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Logs the evidence and applies it to the person's journeys. Idempotent on
   * (user, path, step, evidenceId): a repeat, concurrent or later, changes
   * nothing, answers the same and gets `created: false`.
   */
  async recordEvidence(
    request: RecordEvidenceRequest,
  ): Promise<RecordEvidenceResult> {
    const { targetPath, targetStep } = this.target(request);
    const completions: Array<{ path: GoldenPath; journeyId: string }> = [];
    const created = await this.writer.withRetry(async tx => {
      completions.length = 0;
      const now = this.clock();
      const evidence = this.toRow(request, now);
      if (!(await tx.insertEvidence(evidence))) {
        return false;
      }
      const journeys = (await tx.listJourneys(request.userEntityRef)).filter(
        j => !targetPath || j.pathId === targetPath.id,
      );
      const progress = await tx.listProgress(journeys.map(j => j.id));
      for (const journey of journeys) {
        const path = this.paths.get(journey.pathId);
        if (!path) {
          continue;
        }
        const changed = await this.writer.applyToJourney(
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
      return true;
    });
    for (const c of completions) {
      await this.writer.notifyCompleted(request.userEntityRef, c.path, [
        c.journeyId,
      ]);
    }
    return { response: await this.describe(request), created };
  }

  /** The path and step the evidence is aimed at, checked against its rule. */
  private target(request: RecordEvidenceRequest) {
    if (!request.pathId) {
      return { targetPath: undefined, targetStep: undefined };
    }
    const targetPath = this.paths.get(request.pathId);
    if (!targetPath) {
      throw new InputError(`No golden path "${request.pathId}"`);
    }
    if (!request.stepId) {
      return { targetPath, targetStep: undefined };
    }
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
    return { targetPath, targetStep: step.id };
  }

  private toRow(request: RecordEvidenceRequest, now: number): EvidenceRow {
    return {
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
  }

  /** Which steps this evidence id completed, within the request's target. */
  private async describe(
    request: RecordEvidenceRequest,
  ): Promise<RecordEvidenceResponse> {
    const rows = await this.store.listProgressByEvidence(
      request.userEntityRef,
      request.evidenceId,
    );
    const applied = rows.filter(
      r =>
        (!request.pathId || r.pathId === request.pathId) &&
        (!request.stepId || r.stepId === request.stepId),
    );
    const journeys = (
      await this.store.listJourneys(request.userEntityRef)
    ).filter(j => !request.pathId || j.pathId === request.pathId);
    const progress = await this.store.listProgress(journeys.map(j => j.id));
    return {
      recorded: applied.length > 0,
      completed: applied
        .filter(r => r.checkId === '')
        .map(r => ({ pathId: r.pathId, stepId: r.stepId })),
      journeys: journeys.flatMap(j => {
        const path = this.paths.get(j.pathId);
        if (!path) return [];
        const view = journeyToApi(j, path, progress);
        return [
          {
            pathId: j.pathId,
            title: path.title,
            completedSteps: view.completedSteps,
            totalSteps: view.totalSteps,
          },
        ];
      }),
    };
  }
}
