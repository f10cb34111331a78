import {
  GoldenPath,
  Journey,
  JourneyStepStatus,
  StepEvidence,
} from '@onramp/backstage-plugin-golden-paths-common';
import { JourneyRow, ProgressRow } from '../database';

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
