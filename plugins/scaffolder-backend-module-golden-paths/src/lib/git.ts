import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Options for running git. */
export interface GitRunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Data written to git's standard input. */
  input?: string;
}

/**
 * The identity used for commits made by the actions.
 *
 * @public
 */
export interface GitAuthor {
  name: string;
  email: string;
}

/**
 * Runs the real `git` binary and returns its trimmed standard output.
 * A failure throws an error that carries git's own message.
 */
export function git(args: string[], options: GitRunOptions = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          ...options.env,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args[0]} failed: ${(stderr || error.message).trim()}`,
            ),
          );
          return;
        }
        resolve(stdout.trim());
      },
    );
    if (options.input !== undefined) {
      child.stdin?.end(options.input);
    }
  });
}

export function authorEnv(author: GitAuthor): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
}

/** Returns the commit a remote branch points at, or undefined when it does not exist. */
export async function remoteBranchCommit(
  remote: string,
  branch: string,
): Promise<string | undefined> {
  const out = await git([
    'ls-remote',
    '--heads',
    remote,
    `refs/heads/${branch}`,
  ]);
  const line = out.split('\n').find(l => l.endsWith(`refs/heads/${branch}`));
  return line ? line.split(/\s+/)[0] : undefined;
}

/** A throwaway directory removed by the returned function. */
export async function tempDir(prefix: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  return {
    dir,
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** True when the path is a bare git repository. */
export async function isBareRepository(repoPath: string) {
  try {
    const out = await git(['rev-parse', '--is-bare-repository'], {
      cwd: repoPath,
      env: { GIT_DIR: repoPath },
    });
    return out === 'true';
  } catch {
    return false;
  }
}

/**
 * Creates a bare repository at repoPath unless one is already there. Safe when
 * several writers race to create the same repository: it is built in a
 * staging directory and renamed into place, so exactly one writer creates it
 * and the others find it existing.
 */
export async function ensureBareRepository(
  repoPath: string,
  defaultBranch: string,
): Promise<'created' | 'existing'> {
  if (await isBareRepository(repoPath)) {
    return 'existing';
  }
  const entries = await fs.readdir(repoPath).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new Error(
      `${repoPath} exists and is not a bare git repository; refusing to touch it`,
    );
  }
  await fs.mkdir(path.dirname(repoPath), { recursive: true });
  const staging = await fs.mkdtemp(
    path.join(path.dirname(repoPath), `.${path.basename(repoPath)}-`),
  );
  try {
    await git(['init', '--bare', `--initial-branch=${defaultBranch}`, staging]);
    await fs.rename(staging, repoPath);
    return 'created';
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if (await isBareRepository(repoPath)) {
      return 'existing';
    }
    throw error;
  }
}
