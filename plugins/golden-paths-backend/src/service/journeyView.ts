import {
  GoldenPath,
  Journey,
  JourneyStepStatus,
  RemovedStepStatus,
  StepEvidence,
  StepGate,
} from '@onramp/backstage-plugin-golden-paths-common';
import { GateRow, JourneyRow, PathStepRow, ProgressRow } from '../database';

/** What a journey view shows besides progress: gates and removed steps. */
export type JourneyExtras = { gates?: GateRow[]; removed?: PathStepRow[] };

function gateOf(row: GateRow): StepGate {
  return {
    approver: row.approverKind,
    approverRef: row.approverRef,
    status: row.status,
    requestedAt: iso(row.requestedAt),
    ...(row.decidedBy ? { decidedBy: row.decidedBy } : {}),
    ...(row.decidedAt !== null ? { decidedAt: iso(row.decidedAt) } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

/** Done steps the path no longer has, with when they left it. */
function removedSteps(
  journey: JourneyRow,
  path: GoldenPath | undefined,
  progress: ProgressRow[],
  removed: PathStepRow[],
): RemovedStepStatus[] {
  if (!path) {
    return [];
  }
  const current = new Set(path.steps.map(s => s.id));
  return progress
    .filter(
      p =>
        p.journeyId === journey.id &&
        p.checkId === '' &&
        !current.has(p.stepId),
    )
    .map(p => {
      const known = removed.find(
        r => r.pathId === path.id && r.stepId === p.stepId,
      );
      return {
        stepId: p.stepId,
        completedAt: iso(p.completedAt),
        ...(known ? { title: known.title } : {}),
        ...(known?.removedAt ? { removedAt: iso(known.removedAt) } : {}),
      };
    });
}

function iso(ms: number) {
  return new Date(ms).toISOString();
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

/**
 * The API view of a journey (what `GET /journeys/...` answers), built from
 * its rows and the path's current steps. The only row-to-API mapping of a
 * journey; database rows are mapped in `database/rows.ts`.
 */
export function journeyToApi(
  journey: JourneyRow,
  path: GoldenPath | undefined,
  progress: ProgressRow[],
  extras: JourneyExtras = {},
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
    const gate = extras.gates?.find(
      g => g.journeyId === journey.id && g.stepId === step.id,
    );
    if (gate && step.rule.type === 'approval') {
      status.gate = gateOf(gate);
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
  const gone = removedSteps(journey, path, progress, extras.removed ?? []);
  if (gone.length > 0) {
    result.removedSteps = gone;
  }
  return result;
}
