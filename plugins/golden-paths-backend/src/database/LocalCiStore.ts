import { Knex } from 'knex';

/** What happened to one local CI run. */
export type LocalCiRunStatus =
  | 'queued'
  | 'running'
  | 'passed'
  | 'failed'
  | 'skipped';

/** One step of a run as it ran. */
export type LocalCiStepResult = {
  name: string;
  status: 'passed' | 'failed' | 'timed-out' | 'not-run';
  durationMs: number;
  exitCode?: number | null;
  evidence?: string;
};

/** A CI run of one pushed commit of a repository under the git root. */
export type LocalCiRun = {
  id: number;
  repository: string;
  commit: string;
  branch: string;
  authorEmail: string;
  /** The catalog user the author's email belongs to; null when unknown. */
  userEntityRef: string | null;
  status: LocalCiRunStatus;
  steps: LocalCiStepResult[];
  /** The last bytes of the run's output (bounded). */
  logTail: string;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
};

/** A pushed commit to run CI for. */
export type NewLocalCiRun = Pick<
  LocalCiRun,
  'repository' | 'commit' | 'branch' | 'authorEmail' | 'userEntityRef'
> & { status: 'queued' | 'skipped'; logTail?: string };

/**
 * The local git server's state: the branch tips the watcher has seen, and
 * the CI runs (one per repository and commit: the unique key).
 */
export interface LocalCiStore {
  /** The branch tips seen last in a repository, by ref name. */
  getRefs(repository: string): Promise<Map<string, string>>;
  /**
   * Moves a ref from `from` (undefined: not seen yet) to `to`. False when
   * another replica moved it first: then this one must not record the push.
   */
  claimRef(
    repository: string,
    refName: string,
    from: string | undefined,
    to: string,
    now: number,
  ): Promise<boolean>;
  /** Forgets refs that are gone from a repository. */
  deleteRefs(repository: string, refNames: string[]): Promise<void>;
  /** Adds a run; undefined when the commit already has one (recorded once). */
  insertRun(run: NewLocalCiRun, now: number): Promise<number | undefined>;
  /** How many runs wait. */
  countQueued(): Promise<number>;
  /** Takes the oldest queued run for this replica, or undefined. */
  claimNextQueued(now: number): Promise<LocalCiRun | undefined>;
  /** Puts runs left `running` since before `before` back in the queue. */
  requeueStale(before: number): Promise<number>;
  finishRun(
    id: number,
    result: Pick<LocalCiRun, 'status' | 'steps' | 'logTail'>,
    now: number,
  ): Promise<void>;
  getRun(id: number): Promise<LocalCiRun | undefined>;
  /** Runs of a repository, newest first. */
  listRuns(
    repository: string,
    window: { limit: number; offset: number },
  ): Promise<{ items: LocalCiRun[]; totalItems: number }>;
}

function runFromRow(row: any): LocalCiRun {
  const num = (v: unknown) =>
    v === null || v === undefined ? null : Number(v);
  return {
    id: Number(row.id),
    repository: row.repository,
    commit: row.commit_sha,
    branch: row.branch,
    authorEmail: row.author_email,
    userEntityRef: row.user_entity_ref ?? null,
    status: row.status,
    steps: JSON.parse(row.steps),
    logTail: row.log_tail,
    createdAt: Number(row.created_at),
    startedAt: num(row.started_at),
    finishedAt: num(row.finished_at),
  };
}

/** The Knex implementation of {@link LocalCiStore}. */
export class KnexLocalCiStore implements LocalCiStore {
  static create(db: Knex): KnexLocalCiStore {
    return new KnexLocalCiStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async getRefs(repository: string) {
    const rows = await this.db('gp_local_git_refs')
      .where({ repository })
      .select('ref_name', 'sha');
    return new Map<string, string>(rows.map(r => [r.ref_name, r.sha]));
  }

  async claimRef(
    repository: string,
    refName: string,
    from: string | undefined,
    to: string,
    now: number,
  ) {
    if (from === undefined) {
      const inserted = await this.db('gp_local_git_refs')
        .insert({ repository, ref_name: refName, sha: to, seen_at: now })
        .onConflict(['repository', 'ref_name'])
        .ignore()
        .returning('ref_name');
      return inserted.length === 1;
    }
    const updated = await this.db('gp_local_git_refs')
      .where({ repository, ref_name: refName, sha: from })
      .update({ sha: to, seen_at: now });
    return updated === 1;
  }

  async deleteRefs(repository: string, refNames: string[]) {
    if (refNames.length > 0) {
      await this.db('gp_local_git_refs')
        .where({ repository })
        .whereIn('ref_name', refNames)
        .delete();
    }
  }

  async insertRun(run: NewLocalCiRun, now: number) {
    const inserted = await this.db('gp_local_ci_runs')
      .insert({
        repository: run.repository,
        commit_sha: run.commit,
        branch: run.branch,
        author_email: run.authorEmail,
        user_entity_ref: run.userEntityRef,
        status: run.status,
        steps: '[]',
        log_tail: run.logTail ?? '',
        created_at: now,
        finished_at: run.status === 'skipped' ? now : null,
      })
      .onConflict(['repository', 'commit_sha'])
      .ignore()
      .returning('id');
    if (inserted.length === 0) {
      return undefined;
    }
    const first = inserted[0] as { id: number } | number;
    return Number(typeof first === 'object' ? first.id : first);
  }

  async countQueued() {
    const [{ count }] = await this.db('gp_local_ci_runs')
      .where({ status: 'queued' })
      .count({ count: '*' });
    return Number(count);
  }

  async claimNextQueued(now: number) {
    for (;;) {
      const next = await this.db('gp_local_ci_runs')
        .where({ status: 'queued' })
        .orderBy('id')
        .first('id');
      if (!next) {
        return undefined;
      }
      const claimed = await this.db('gp_local_ci_runs')
        .where({ id: next.id, status: 'queued' })
        .update({ status: 'running', started_at: now });
      if (claimed === 1) {
        return this.getRun(Number(next.id));
      }
    }
  }

  async requeueStale(before: number) {
    return this.db('gp_local_ci_runs')
      .where({ status: 'running' })
      .where('started_at', '<', before)
      .update({ status: 'queued', started_at: null });
  }

  async finishRun(
    id: number,
    result: Pick<LocalCiRun, 'status' | 'steps' | 'logTail'>,
    now: number,
  ) {
    await this.db('gp_local_ci_runs')
      .where({ id })
      .update({
        status: result.status,
        steps: JSON.stringify(result.steps),
        log_tail: result.logTail,
        finished_at: now,
      });
  }

  async getRun(id: number) {
    const row = await this.db('gp_local_ci_runs').where({ id }).first();
    return row ? runFromRow(row) : undefined;
  }

  async listRuns(
    repository: string,
    window: { limit: number; offset: number },
  ) {
    const [{ count }] = await this.db('gp_local_ci_runs')
      .where({ repository })
      .count({ count: '*' });
    const rows = await this.db('gp_local_ci_runs')
      .where({ repository })
      .orderBy('id', 'desc')
      .limit(window.limit)
      .offset(window.offset);
    return { items: rows.map(runFromRow), totalItems: Number(count) };
  }
}
