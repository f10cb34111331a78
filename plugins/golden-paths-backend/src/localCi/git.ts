import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs git on a bare repository; resolves to stdout. */
async function git(gitDir: string, args: string[]) {
  const { stdout } = await exec('git', ['--git-dir', gitDir, ...args], {
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_TERMINAL_PROMPT: '0',
    },
  });
  return stdout;
}

/** The branches of a repository and their tips. */
export async function listBranches(gitDir: string) {
  const out = await git(gitDir, [
    'for-each-ref',
    '--format=%(refname:short)%09%(objectname)',
    'refs/heads',
  ]);
  const branches = new Map<string, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const [name, sha] = line.split('\t');
    branches.set(name, sha);
  }
  return branches;
}

/** The branch HEAD names (the default branch), main when unreadable. */
export async function defaultBranch(gitDir: string) {
  try {
    return (await git(gitDir, ['symbolic-ref', '--short', 'HEAD'])).trim();
  } catch {
    return 'main';
  }
}

/** A commit's author email (lower-cased) and author time (ms). */
export async function commitAuthor(gitDir: string, sha: string) {
  const [email, time] = (
    await git(gitDir, ['log', '-1', '--format=%ae%x09%at', sha])
  )
    .trim()
    .split('\t');
  return { email: email.toLocaleLowerCase(), at: Number(time) * 1000 };
}

/**
 * Merge commits on the first-parent history of `to` that are not in
 * `from` (all of them when `from` is undefined), oldest first, each with
 * the tip of the branch it merged.
 */
export async function newMerges(
  gitDir: string,
  from: string | undefined,
  to: string,
) {
  const range = from ? [to, `^${from}`] : [to];
  const out = await git(gitDir, [
    'rev-list',
    '--reverse',
    '--first-parent',
    '--merges',
    '--parents',
    ...range,
  ]);
  return out
    .split('\n')
    .filter(Boolean)
    .map(line => {
      const [sha, , mergedTip] = line.split(' ');
      return { sha, mergedTip };
    });
}

/** A file's text at a commit, or undefined when the commit has no such file. */
export async function readFileAt(gitDir: string, sha: string, file: string) {
  try {
    await git(gitDir, ['cat-file', '-e', `${sha}:${file}`]);
  } catch {
    return undefined;
  }
  return git(gitDir, ['cat-file', 'blob', `${sha}:${file}`]);
}

/** A fresh checkout of `sha` into `dir` (which must not exist), offline. */
export async function checkout(gitDir: string, sha: string, dir: string) {
  await exec('git', ['clone', '--quiet', '--no-checkout', gitDir, dir], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_TERMINAL_PROMPT: '0',
    },
  });
  await exec('git', ['-C', dir, 'checkout', '--quiet', '--detach', sha], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
}
