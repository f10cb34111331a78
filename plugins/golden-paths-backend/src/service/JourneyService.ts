import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  evidenceRuleKeys,
  GoldenPath,
  GoldenPathListItem,
  Journey,
  Page,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  JourneyRow,
  JourneyStore,
  PathStepStore,
  ProgressRow,
} from '../database';
import { orderForReader, Reader } from './audience';
import { GateService } from './GateService';
import { journeyToApi } from './journeyView';
import { GoldenPathRegistry } from './paths';
import { ProgressWriter } from './progress';
import { describeKeys, describeRule } from './rules';

/** Paths and journeys: starting them, reading them, manual steps. */
export class JourneyService {
  constructor(
    private readonly store: JourneyStore,
    private readonly paths: GoldenPathRegistry,
    private readonly writer: ProgressWriter,
    private readonly clock: () => number = Date.now,
    private readonly more: {
      pathSteps?: PathStepStore;
      gates?: GateService;
      readerOf?: (userEntityRef: string) => Promise<Reader>;
      /** Runs once a journey is created (e.g. suggests a buddy); never throws. */
      afterStart?: (journey: JourneyRow, path: GoldenPath) => Promise<void>;
    } = {},
  ) {}

  /**
   * One page of the paths: the reader's first (their groups, disciplines
   * or cohorts are in the path's `spec.audience`), then the others.
   */
  async listPaths(
    page: { limit: number; offset: number },
    userEntityRef?: string,
  ): Promise<Page<GoldenPathListItem>> {
    const reader =
      userEntityRef && this.more.readerOf
        ? await this.more.readerOf(userEntityRef)
        : undefined;
    const all = orderForReader(this.paths.list(), reader);
    return {
      items: all.slice(page.offset, page.offset + page.limit),
      totalItems: all.length,
      limit: page.limit,
      offset: page.offset,
    };
  }

  getPath(pathId: string): GoldenPath {
    const path = this.paths.get(pathId);
    if (!path) {
      throw new NotFoundError(`No golden path "${pathId}"`);
    }
    return path;
  }

  /**
   * One page of the person's journeys on paths that still exist (or on
   * `pathId` only), oldest first.
   */
  async getMyJourneysPage(
    userEntityRef: string,
    query: { pathId?: string; limit: number; offset: number },
  ): Promise<Page<Journey>> {
    if (query.pathId) {
      this.getPath(query.pathId);
    }
    const pathIds = query.pathId
      ? [query.pathId]
      : this.paths.list().map(p => p.id);
    const { rows, totalItems } = await this.store.listJourneysPage(
      userEntityRef,
      pathIds,
      query,
    );
    const progress = await this.store.listProgress(rows.map(j => j.id));
    const extras = await this.extrasOf(rows);
    return {
      items: rows.map(j =>
        journeyToApi(j, this.paths.get(j.pathId), progress, extras),
      ),
      totalItems,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async getJourneyById(journeyId: string): Promise<Journey> {
    const journey = await this.store.getJourneyById(journeyId);
    if (!journey) {
      throw new NotFoundError(`No journey ${journeyId}`);
    }
    const progress = await this.store.listProgress([journey.id]);
    return journeyToApi(
      journey,
      this.paths.get(journey.pathId),
      progress,
      await this.extrasOf([journey]),
    );
  }

  /** The gates and removed steps of these journeys. */
  private async extrasOf(journeys: JourneyRow[]) {
    const ids = journeys.map(j => j.id);
    const pathIds = [...new Set(journeys.map(j => j.pathId))];
    return {
      gates: await this.store.gates().listGates(ids),
      removed: (await this.more.pathSteps?.listRemovedSteps(pathIds)) ?? [],
    };
  }

  /** A journey for its owner only: 404 when missing, 403 for anyone else. */
  async getOwnJourney(userEntityRef: string, journeyId: string) {
    const journey = await this.getJourneyById(journeyId);
    if (
      journey.userEntityRef.toLocaleLowerCase() !==
      userEntityRef.toLocaleLowerCase()
    ) {
      throw new NotAllowedError('You can only see your own journeys');
    }
    return journey;
  }

  /**
   * Starts `pathId` for the user (or returns the journey already started),
   * and applies evidence the user earned before starting it. `created` is
   * true only for the call whose insert made the journey.
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
    const completions = await this.writer.withRetry(async tx => {
      const now = this.clock();
      const result = await tx.createJourney(userEntityRef, pathId, now);
      created = result.created;
      if (!result.created) {
        return [];
      }
      const evidence = await tx.listEvidence(userEntityRef);
      const progress: ProgressRow[] = [];
      let completed = false;
      for (const row of evidence) {
        if (row.pathId !== '' && row.pathId !== pathId) {
          continue;
        }
        const changed = await this.writer.applyToJourney(
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
    await this.writer.notifyCompleted(userEntityRef, path, completions);
    const row = (await this.store.getJourney(userEntityRef, path.id))!;
    // Approval steps ask their approver (a journey started before a path
    // gained an approval step asks when it is started again).
    await this.more.gates?.openGates(row, path);
    if (created) {
      await this.more.afterStart?.(row, path);
    }
    return { journey: await this.currentJourney(userEntityRef, path), created };
  }

  /** Marks a manual step (or a manual check of a `checks` step) done. */
  async completeManualStep(
    userEntityRef: string,
    pathId: string,
    stepId: string,
    options: { checkId?: string; note?: string },
  ): Promise<Journey> {
    const path = this.getPath(pathId);
    const checkId = this.manualTarget(path, stepId, options.checkId);
    const completions = await this.writer.withRetry(async tx => {
      const journey = await tx.getJourney(userEntityRef, pathId);
      if (!journey) {
        throw new NotFoundError(`You have not started golden path "${pathId}"`);
      }
      const now = this.clock();
      const progress = await tx.listProgress([journey.id]);
      const changed = await this.writer.completeTarget(
        tx,
        journey,
        path,
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
    await this.writer.notifyCompleted(userEntityRef, path, completions);
    return this.currentJourney(userEntityRef, path);
  }

  /** The check id a manual completion of `stepId` targets ('' for the step). */
  private manualTarget(path: GoldenPath, stepId: string, checkId?: string) {
    const step = path.steps.find(s => s.id === stepId);
    if (!step) {
      throw new NotFoundError(
        `Golden path "${path.id}" has no step "${stepId}"`,
      );
    }
    if (step.rule.type === 'checks') {
      const check = step.rule.checks.find(c => c.id === checkId);
      if (!checkId || !check) {
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
      return check.id;
    }
    if (step.rule.type !== 'manual') {
      throw new InputError(
        `Step "${stepId}" ${describeRule(
          step,
        )}; only manual steps can be completed by hand`,
      );
    }
    if (checkId) {
      throw new InputError(`Step "${stepId}" has no checks`);
    }
    return '';
  }

  private async currentJourney(userEntityRef: string, path: GoldenPath) {
    const journey = (await this.store.getJourney(userEntityRef, path.id))!;
    const progress = await this.store.listProgress([journey.id]);
    return journeyToApi(
      journey,
      path,
      progress,
      await this.extrasOf([journey]),
    );
  }
}
