import { Cohort } from '@onramp/backstage-plugin-golden-paths-common';

/**
 * The rows of the golden-paths tables as the stores return them, and the
 * one place that maps database columns to them and back.
 */

/** A person on a path (`gp_journeys`). */
export type JourneyRow = {
  id: string;
  userEntityRef: string;
  pathId: string;
  status: 'active' | 'completed';
  startedAt: number;
  completedAt: number | null;
  lastActivityAt: number;
  version: number;
};

/** A completed step, or check of a step (`gp_step_progress`). */
export type ProgressRow = {
  journeyId: string;
  stepId: string;
  checkId: string;
  source: 'manual' | 'evidence';
  evidenceId: string | null;
  evidenceKey: string | null;
  taskId: string | null;
  templateRef: string | null;
  link: string | null;
  summary: string | null;
  outputs: Record<string, unknown> | null;
  completedAt: number;
  /** Time since the journey's previous progress (or its start). */
  durationMs: number;
};

/** One piece of evidence as it was recorded (`gp_evidence`). */
export type EvidenceRow = {
  userEntityRef: string;
  pathId: string;
  stepId: string;
  evidenceId: string;
  key: string;
  taskId: string | null;
  templateRef: string | null;
  link: string | null;
  summary: string | null;
  outputs: Record<string, unknown> | null;
  occurredAt: number;
  recordedAt: number;
};

/** A cohort and its members (`gp_cohorts`, `gp_cohort_members`). */
export type CohortRow = Omit<Cohort, 'createdAt' | 'updatedAt'> & {
  createdAt: number;
  updatedAt: number;
};

/** A merged pull request of a person (`gp_merged_prs`). */
export type MergedPullRequestRow = {
  source: string;
  prId: string;
  repository: string;
  userEntityRef: string;
  mergedAt: number;
};

/** An active journey of a cohort member with no recent activity. */
export type IdleCohortJourneyRow = {
  journeyId: string;
  userEntityRef: string;
  pathId: string;
  lastActivityAt: number;
  cohortId: string;
  cohortTitle: string;
  cohortOwner: string;
};

/** PostgreSQL returns bigint and numeric as strings. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** The `started` and `completed` counts of a metrics row. */
export function counts(r: Record<string, unknown>) {
  return { started: num(r.started), completed: num(r.completed) };
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

function parseJson(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return JSON.parse(String(value));
}

function jsonColumn(value: Record<string, unknown> | null) {
  return value ? JSON.stringify(value) : null;
}

export function journeyFromRow(row: any): JourneyRow {
  return {
    id: row.id,
    userEntityRef: row.user_entity_ref,
    pathId: row.path_id,
    status: row.status,
    startedAt: num(row.started_at),
    completedAt: numOrNull(row.completed_at),
    lastActivityAt: num(row.last_activity_at),
    version: num(row.version),
  };
}

/** The columns a step's proof is kept in (progress rows). */
export function proofColumns(
  row: Pick<
    ProgressRow,
    | 'evidenceId'
    | 'evidenceKey'
    | 'taskId'
    | 'templateRef'
    | 'link'
    | 'summary'
    | 'outputs'
  >,
) {
  return {
    evidence_id: row.evidenceId,
    evidence_key: row.evidenceKey,
    task_id: row.taskId,
    template_ref: row.templateRef,
    link: row.link,
    summary: row.summary,
    outputs: jsonColumn(row.outputs),
  };
}

export function progressToColumns(row: ProgressRow) {
  return {
    journey_id: row.journeyId,
    step_id: row.stepId,
    check_id: row.checkId,
    source: row.source,
    ...proofColumns(row),
    completed_at: row.completedAt,
    duration_ms: row.durationMs,
  };
}

export function progressFromRow(row: any): ProgressRow {
  return {
    journeyId: row.journey_id,
    stepId: row.step_id,
    checkId: row.check_id,
    source: row.source,
    evidenceId: row.evidence_id,
    evidenceKey: row.evidence_key,
    taskId: row.task_id,
    templateRef: row.template_ref,
    link: row.link,
    summary: row.summary,
    outputs: parseJson(row.outputs),
    completedAt: num(row.completed_at),
    durationMs: num(row.duration_ms),
  };
}

export function evidenceToColumns(row: EvidenceRow) {
  return {
    user_entity_ref: row.userEntityRef,
    path_id: row.pathId,
    step_id: row.stepId,
    evidence_id: row.evidenceId,
    key: row.key,
    task_id: row.taskId,
    template_ref: row.templateRef,
    link: row.link,
    summary: row.summary,
    outputs: jsonColumn(row.outputs),
    occurred_at: row.occurredAt,
    recorded_at: row.recordedAt,
  };
}

export function evidenceFromRow(row: any): EvidenceRow {
  return {
    userEntityRef: row.user_entity_ref,
    pathId: row.path_id,
    stepId: row.step_id,
    evidenceId: row.evidence_id,
    key: row.key,
    taskId: row.task_id,
    templateRef: row.template_ref,
    link: row.link,
    summary: row.summary,
    outputs: parseJson(row.outputs),
    occurredAt: num(row.occurred_at),
    recordedAt: num(row.recorded_at),
  };
}

export function cohortFromRow(row: any, members: string[]): CohortRow {
  return {
    id: row.id,
    title: row.title,
    startDate: row.start_date,
    owner: row.owner,
    ...(row.path_id ? { pathId: row.path_id } : {}),
    ...(row.end_date ? { endDate: row.end_date } : {}),
    ...(row.group_ref ? { group: row.group_ref } : {}),
    version: num(row.version),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    members,
  };
}

export function mergedPullRequestToColumns(row: MergedPullRequestRow) {
  return {
    source: row.source,
    pr_id: row.prId,
    repository: row.repository,
    user_entity_ref: row.userEntityRef,
    merged_at: row.mergedAt,
  };
}

export function idleCohortJourneyFromRow(row: any): IdleCohortJourneyRow {
  return {
    journeyId: row.journey_id,
    userEntityRef: row.user_entity_ref,
    pathId: row.path_id,
    lastActivityAt: num(row.last_activity_at),
    cohortId: row.cohort_id,
    cohortTitle: row.cohort_title,
    cohortOwner: row.cohort_owner,
  };
}
