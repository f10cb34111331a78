import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` with extra environment; returns stdout. */
export function git(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
) {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** The environment of a commit by `name <email>` at `date`. */
export function as(name: string, email: string, date: string) {
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}
