import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GoldenPathsEvidenceService } from '@onramp/backstage-plugin-golden-paths-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalCiRun, LocalCiStore } from '../database';
import { listCatalogUsers, usersByEmail } from '../service/catalogUsers';
import { CI_FILE, parseCiFile } from './ciFile';
import { LocalCiConfig } from './config';
import { AuthorEvidenceRecorder, localEvidenceId } from './evidence';
import { checkout, readFileAt } from './git';
import { LocalGitWatcher, WatchSummary } from './LocalGitWatcher';
import { runSteps, StepsOutcome } from './runSteps';

/** A run still `running` after this long is taken to be lost with its replica. */
const STALE_RUN_MS = 60 * 60 * 1000;

/**
 * CI and SCM evidence from the local git server: `poll` reads the
 * repositories (see {@link LocalGitWatcher}) and wakes the runners, which
 * take queued runs one at a time (`concurrency`), each in a fresh checkout,
 * and record `ci.passed` and the steps' evidence for the commit's author.
 */
export class LocalCi {
  private readonly watcher: LocalGitWatcher;
  private readonly abort = new AbortController();
  private workers: Promise<void>[] = [];

  constructor(
    private readonly options: {
      config: LocalCiConfig;
      store: LocalCiStore;
      evidence: GoldenPathsEvidenceService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      clock?: () => number;
    },
  ) {
    this.watcher = new LocalGitWatcher({
      root: options.config.root,
      store: options.store,
      logger: options.logger,
      maxQueuedRuns: options.config.maxQueuedRuns,
      clock: options.clock,
    });
  }

  private now() {
    return (this.options.clock ?? Date.now)();
  }

  /** One pass over the repositories; then the runners drain the queue. */
  async poll(): Promise<WatchSummary> {
    const { logger, store } = this.options;
    // The catalog is asked only when a push needs an author mapped, once per pass.
    let byEmail: Promise<Map<string, string>> | undefined;
    const users = async (email: string) => {
      byEmail ??= listCatalogUsers(this.options).then(usersByEmail);
      return (await byEmail).get(email);
    };
    const recorder = new AuthorEvidenceRecorder(this.options.evidence, logger);
    await store.requeueStale(this.now() - STALE_RUN_MS);
    const summary = await this.watcher.poll(users, recorder);
    if (summary.pushes > 0) {
      logger.info(
        `Local git: ${summary.pushes} pushes in ${summary.repositories} repositories, ${summary.opened} opened, ${summary.merged} merged, ${summary.runsQueued} CI runs queued, ${summary.runsSkipped} skipped (queue full)`,
      );
    }
    if (summary.unknownAuthors > 0) {
      logger.info(
        `Local git: dropped evidence of ${summary.unknownAuthors} commits whose author email is no catalog user's spec.profile.email`,
      );
    }
    this.wake();
    return summary;
  }

  /** Starts runners up to `concurrency` unless they are running. */
  wake() {
    if (this.workers.length > 0 || this.abort.signal.aborted) {
      return;
    }
    const done = Promise.all(
      Array.from({ length: this.options.config.concurrency }, () =>
        this.work(),
      ),
    ).finally(() => {
      this.workers = [];
    });
    this.workers = [done.then(() => undefined)];
  }

  /** Resolves when the runners have emptied the queue (for tests and shutdown). */
  async drain() {
    while (this.workers.length > 0) {
      await Promise.all(this.workers);
    }
  }

  /** Kills a running step and stops taking runs. */
  async stop() {
    this.abort.abort();
    await this.drain();
  }

  private async work() {
    while (!this.abort.signal.aborted) {
      const run = await this.options.store.claimNextQueued(this.now());
      if (!run) {
        return;
      }
      try {
        await this.execute(run);
      } catch (error) {
        this.options.logger.error(
          `Local CI: run ${run.id} of ${run.repository}@${run.commit} broke: ${error}`,
        );
        await this.options.store.finishRun(
          run.id,
          { status: 'failed', steps: [], logTail: `[local-ci] ${error}` },
          this.now(),
        );
      }
    }
  }

  private async execute(run: LocalCiRun) {
    const { config, store } = this.options;
    const gitDir = path.join(config.root, run.repository);
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-ci-'));
    try {
      let outcome: StepsOutcome;
      try {
        const file = parseCiFile(
          (await readFileAt(gitDir, run.commit, CI_FILE)) ?? '',
        );
        const dir = path.join(scratch, 'checkout');
        await checkout(gitDir, run.commit, dir);
        outcome = await runSteps(file, {
          cwd: dir,
          scratch,
          commit: run.commit,
          branch: run.branch,
          defaultTimeoutSeconds: config.defaultTimeoutSeconds,
          logTailBytes: config.logTailBytes,
          signal: this.abort.signal,
        });
      } catch (error) {
        outcome = {
          passed: false,
          steps: [],
          logTail: `[local-ci] ${(error as Error).message}`,
          evidence: [],
        };
      }
      await store.finishRun(
        run.id,
        {
          status: outcome.passed ? 'passed' : 'failed',
          steps: outcome.steps,
          logTail: outcome.logTail,
        },
        this.now(),
      );
      if (outcome.passed) {
        await this.recordPassed(run, outcome);
      }
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  }

  /** `ci.passed` and each step's evidence, for the author (when known). */
  private async recordPassed(run: LocalCiRun, outcome: StepsOutcome) {
    const recorder = new AuthorEvidenceRecorder(
      this.options.evidence,
      this.options.logger,
    );
    const where = {
      repository: run.repository,
      commit: run.commit,
      branch: run.branch,
    };
    const user = run.userEntityRef ?? undefined;
    await recorder.record({
      user,
      key: 'ci.passed',
      evidenceId: localEvidenceId(run.repository, run.commit, 'ci.passed'),
      summary: `Local CI passed on ${run.repository}@${run.commit.slice(
        0,
        12,
      )} (${run.branch}): ${outcome.steps.length} steps`,
      outputs: {
        ...where,
        runId: run.id,
        steps: outcome.steps.map(s => ({
          name: s.name,
          durationMs: s.durationMs,
        })),
      },
    });
    for (const e of outcome.evidence) {
      await recorder.record({
        user,
        key: e.key,
        evidenceId: localEvidenceId(run.repository, run.commit, e.key),
        summary: `${e.key} from local CI on ${
          run.repository
        }@${run.commit.slice(0, 12)}`,
        outputs: { ...e.details, localCi: { ...where, runId: run.id } },
      });
    }
    if (recorder.unknownAuthors > 0) {
      this.options.logger.info(
        `Local CI: run ${run.id} passed; its author ${run.authorEmail} is no catalog user, so no evidence was recorded`,
      );
    }
  }
}
