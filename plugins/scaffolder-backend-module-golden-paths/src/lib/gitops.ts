import { LoggerService } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  GoldenPathsSettings,
  prepareRemote,
  resolveRemote,
  ResolvedRemote,
} from './config';
import { authorEnv, git, remoteBranchCommit, tempDir } from './git';

/** A file to write (string) or delete (null), relative to the repository root. */
export type FileChanges = Record<string, string | null>;

/** What a commit to a GitOps repository changed. */
export interface GitOpsResult {
  repository: string;
  branch: string;
  /** The commit the branch points at afterwards (undefined in dry-run when the branch does not exist yet). */
  commitHash?: string;
  added: string[];
  modified: string[];
  deleted: string[];
  unchanged: string[];
  /** False when nothing had to change (a retry or a repeated run). */
  committed: boolean;
}

function safeRelative(file: string) {
  const normalized = path.posix.normalize(file);
  if (
    normalized.startsWith('../') ||
    normalized === '..' ||
    path.posix.isAbsolute(normalized)
  ) {
    throw new Error(`Refusing to write outside the repository: ${file}`);
  }
  return normalized;
}

async function readIfExists(file: string) {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e: any) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
}

type CommitOptions = {
  settings: GoldenPathsSettings;
  repository: string;
  branch?: string;
  changes: FileChanges;
  message: string;
  dryRun: boolean;
  /**
   * False for a check before a real run (e.g. a teardown's ownership check):
   * nothing is logged, so the task log of a real run says no "Dry run".
   */
  log?: boolean;
  logger: LoggerService;
  guard?: (file: string, current: string) => void;
};

const RACE =
  /rejected|fetch first|non-fast-forward|cannot lock ref|failed to update ref|is not a bare git repository/;

/**
 * Applies file changes to a branch of a GitOps repository and pushes one
 * commit, or only computes the changes in dry-run. Running it twice with the
 * same changes commits nothing the second time. When another writer (a second
 * backend replica, a parallel task) pushed first, the change is re-applied on
 * top of the new head, up to four times.
 *
 * `guard` is called with the current content of every file about to be
 * modified or deleted; it throws when the file is not owned by the caller.
 */
export async function commitToRepository(
  options: CommitOptions,
): Promise<GitOpsResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitOnce(options);
    } catch (e) {
      if (attempt >= 4 || !RACE.test(String(e))) throw e;
      options.logger.info(
        `Another writer changed ${
          options.repository
        } first; re-applying (attempt ${attempt + 1})`,
      );
      await new Promise(r => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * A repository as people see it in a task log: the name of a repository under
 * goldenPaths.git.root (never this machine's path), else its URL.
 */
export function repositoryLabel(resolved: ResolvedRemote) {
  return `repository ${resolved.localName ?? resolved.url}`;
}

async function commitOnce(options: CommitOptions): Promise<GitOpsResult> {
  const { settings, changes, message, dryRun, guard } = options;
  const logger =
    options.log === false ? { info: (_message: string) => {} } : options.logger;
  const branch = options.branch ?? settings.git.defaultBranch;
  const resolved: ResolvedRemote = resolveRemote(settings, options.repository);
  const work = await tempDir('gp-gitops');
  try {
    if (!dryRun) {
      const state = await prepareRemote(settings, resolved);
      if (state === 'created') {
        logger.info(`Created bare ${repositoryLabel(resolved)}`);
      }
    }
    const exists =
      !resolved.localName || !dryRun
        ? true
        : await fs
            .stat(resolved.remote)
            .then(() => true)
            .catch(() => false);
    const head = exists
      ? await remoteBranchCommit(resolved.remote, branch)
      : undefined;
    const checkout = path.join(work.dir, 'repo');
    if (head) {
      await git([
        'clone',
        '--quiet',
        '--branch',
        branch,
        '--single-branch',
        resolved.remote,
        checkout,
      ]);
    } else {
      await git(['init', '--quiet', `--initial-branch=${branch}`, checkout]);
    }

    const result: GitOpsResult = {
      repository: resolved.url,
      branch,
      commitHash: head,
      added: [],
      modified: [],
      deleted: [],
      unchanged: [],
      committed: false,
    };
    for (const [rawFile, content] of Object.entries(changes)) {
      const file = safeRelative(rawFile);
      const full = path.join(checkout, file);
      const current = await readIfExists(full);
      if (content === null) {
        if (current === undefined) continue;
        guard?.(file, current);
        result.deleted.push(file);
        if (!dryRun) await fs.rm(full);
      } else if (current === undefined) {
        result.added.push(file);
        if (!dryRun) {
          await fs.mkdir(path.dirname(full), { recursive: true });
          await fs.writeFile(full, content);
        }
      } else if (current === content) {
        result.unchanged.push(file);
      } else {
        guard?.(file, current);
        result.modified.push(file);
        if (!dryRun) await fs.writeFile(full, content);
      }
    }
    const changed =
      result.added.length + result.modified.length + result.deleted.length;
    const summary = `${repositoryLabel(resolved)}#${branch}: +${
      result.added.length
    } ~${result.modified.length} -${result.deleted.length} (unchanged ${
      result.unchanged.length
    })`;
    if (changed === 0) {
      logger.info(`Nothing to commit to ${summary}`);
      return result;
    }
    if (dryRun) {
      logger.info(`Dry run: would commit to ${summary}`);
      for (const f of result.added) logger.info(`  add    ${f}`);
      for (const f of result.modified) logger.info(`  modify ${f}`);
      for (const f of result.deleted) logger.info(`  delete ${f}`);
      return result;
    }
    const env = authorEnv(settings.git.author);
    await git(['add', '--all'], { cwd: checkout });
    await git(['commit', '--quiet', '--no-verify', '-m', message], {
      cwd: checkout,
      env,
    });
    const commitHash = await git(['rev-parse', 'HEAD'], { cwd: checkout });
    await git(
      ['push', '--quiet', resolved.remote, `HEAD:refs/heads/${branch}`],
      { cwd: checkout },
    );
    logger.info(`Committed ${commitHash} to ${summary}`);
    return { ...result, commitHash, committed: true };
  } finally {
    await work.remove();
  }
}

/** A checkpoint stores JSON: drop undefined fields the way storage would. */
export function asJson<T>(value: T): any {
  return JSON.parse(JSON.stringify(value));
}
