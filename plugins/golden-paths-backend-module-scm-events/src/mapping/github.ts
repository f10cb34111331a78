import { z } from 'zod';
import {
  deployedEvidence,
  releasedEvidence,
  evidence,
  evidenceId,
  isoTime,
  name,
  numericId,
  oneLine,
  parsePayload,
  webLink,
} from './common';
import { ScmMapping } from './types';

/**
 * GitHub webhook events this module reads, by `X-GitHub-Event` (the
 * events backend's GitHub router publishes each on `github.<event>`).
 */
export const GITHUB_EVENTS = [
  'pull_request',
  'workflow_run',
  'check_suite',
  'deployment_status',
  'release',
] as const;

const account = z.object({ login: name });
const repository = z.object({ full_name: name, html_url: z.string() });

const pullRequestEvent = z.object({
  action: z.string(),
  repository,
  pull_request: z.object({
    number: numericId,
    html_url: z.string(),
    title: z.string().default(''),
    user: account,
    merged: z.boolean().nullish(),
    merged_at: z.string().nullish(),
    merge_commit_sha: z.string().nullish(),
    created_at: z.string().nullish(),
    head: z.object({ sha: z.string() }).partial().nullish(),
    base: z.object({ ref: z.string() }).partial().nullish(),
  }),
});

const workflowRunEvent = z.object({
  action: z.string(),
  repository,
  workflow_run: z.object({
    id: numericId,
    name: z.string().nullish(),
    run_attempt: numericId.nullish(),
    conclusion: z.string().nullish(),
    head_sha: z.string(),
    head_branch: z.string().nullish(),
    html_url: z.string(),
    updated_at: z.string().nullish(),
    actor: account,
  }),
});

const checkSuiteEvent = z.object({
  action: z.string(),
  repository,
  check_suite: z.object({
    id: numericId,
    conclusion: z.string().nullish(),
    head_sha: z.string(),
    head_branch: z.string().nullish(),
    updated_at: z.string().nullish(),
    app: z.object({ name: z.string() }).partial().nullish(),
    head_commit: z.object({
      author: z.object({ email: name }),
    }),
  }),
});

const deploymentStatusEvent = z.object({
  action: z.string(),
  repository,
  deployment_status: z.object({
    id: numericId,
    state: z.string(),
    environment: z.string().nullish(),
    environment_url: z.string().nullish(),
    target_url: z.string().nullish(),
    created_at: z.string().nullish(),
  }),
  deployment: z.object({
    id: numericId,
    sha: z.string().nullish(),
    environment: z.string().nullish(),
    creator: account,
  }),
});

const releaseEvent = z.object({
  action: z.string(),
  repository,
  release: z.object({
    id: numericId,
    tag_name: name,
    name: z.string().nullish(),
    html_url: z.string(),
    published_at: z.string().nullish(),
    target_commitish: z.string().nullish(),
    author: account,
  }),
});

function pullRequest(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(pullRequestEvent, payload, 'pull_request');
  if ('skip' in e) return e;
  const pr = e.pull_request;
  const repo = e.repository.full_name;
  const merged = e.action === 'closed' && pr.merged === true;
  if (e.action !== 'opened' && !merged) {
    return { skip: `pull_request ${oneLine(e.action, 40)} is not recorded` };
  }
  const what = merged ? 'merged' : 'opened';
  return evidence(delivery, {
    provider: 'github',
    key: merged ? 'pr.merged' : 'pr.opened',
    evidenceId: evidenceId('github', repo, '#', pr.number, ':', what),
    person: { login: pr.user.login },
    repository: repo,
    link: webLink(pr.html_url),
    summary: oneLine(`Pull request ${repo}#${pr.number} ${what}: ${pr.title}`),
    occurredAt: isoTime(merged ? pr.merged_at : pr.created_at),
    outputs: {
      pullRequest: pr.number,
      url: webLink(pr.html_url),
      commit: (merged ? pr.merge_commit_sha : pr.head?.sha) ?? undefined,
      branch: pr.base?.ref,
    },
  });
}

function workflowRun(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(workflowRunEvent, payload, 'workflow_run');
  if ('skip' in e) return e;
  const run = e.workflow_run;
  if (e.action !== 'completed' || run.conclusion !== 'success') {
    return { skip: 'workflow_run that did not pass is not recorded' };
  }
  const repo = e.repository.full_name;
  const attempt = run.run_attempt ?? 1;
  return evidence(delivery, {
    provider: 'github',
    key: 'ci.passed',
    evidenceId: evidenceId('github', repo, ':run:', run.id, ':', attempt),
    person: { login: run.actor.login },
    repository: repo,
    link: webLink(run.html_url),
    summary: oneLine(
      `CI passed on ${repo} at ${run.head_sha.slice(0, 7)}: ${run.name ?? ''}`,
    ),
    occurredAt: isoTime(run.updated_at),
    outputs: {
      url: webLink(run.html_url),
      commit: run.head_sha,
      branch: run.head_branch ?? undefined,
      workflow: run.name ?? undefined,
    },
  });
}

function checkSuite(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(checkSuiteEvent, payload, 'check_suite');
  if ('skip' in e) return e;
  const suite = e.check_suite;
  if (e.action !== 'completed' || suite.conclusion !== 'success') {
    return { skip: 'check_suite that did not pass is not recorded' };
  }
  const repo = e.repository.full_name;
  return evidence(delivery, {
    provider: 'github',
    key: 'ci.passed',
    evidenceId: evidenceId('github', repo, ':check-suite:', suite.id),
    // The payload names the commit's author by email only.
    person: { email: suite.head_commit.author.email },
    repository: repo,
    link: webLink(`${e.repository.html_url}/commit/${suite.head_sha}`),
    summary: oneLine(
      `Checks passed on ${repo} at ${suite.head_sha.slice(0, 7)}: ${
        suite.app?.name ?? ''
      }`,
    ),
    occurredAt: isoTime(suite.updated_at),
    outputs: {
      commit: suite.head_sha,
      branch: suite.head_branch ?? undefined,
    },
  });
}

function deploymentStatus(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(deploymentStatusEvent, payload, 'deployment_status');
  if ('skip' in e) return e;
  const { deployment_status: status, deployment } = e;
  if (status.state !== 'success') {
    return { skip: 'deployment_status other than success is not recorded' };
  }
  return deployedEvidence(delivery, {
    provider: 'github',
    repository: e.repository.full_name,
    deploymentId: deployment.id,
    person: { login: deployment.creator.login },
    environment: status.environment ?? deployment.environment ?? '',
    url: webLink(status.environment_url) ?? webLink(status.target_url),
    commit: deployment.sha ?? undefined,
    occurredAt: isoTime(status.created_at),
  });
}

function release(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(releaseEvent, payload, 'release');
  if ('skip' in e) return e;
  const rel = e.release;
  if (e.action !== 'published') {
    return { skip: `release ${oneLine(e.action, 40)} is not recorded` };
  }
  return releasedEvidence(delivery, {
    provider: 'github',
    repository: e.repository.full_name,
    releaseId: rel.id,
    person: { login: rel.author.login },
    tag: rel.tag_name,
    url: webLink(rel.html_url),
    commit: rel.target_commitish ?? undefined,
    occurredAt: isoTime(rel.published_at),
  });
}

const MAPPERS: Record<
  (typeof GITHUB_EVENTS)[number],
  (payload: unknown, delivery?: string) => ScmMapping
> = {
  pull_request: pullRequest,
  workflow_run: workflowRun,
  check_suite: checkSuite,
  deployment_status: deploymentStatus,
  release,
};

/** What a GitHub webhook event proves, by its `X-GitHub-Event` name. */
export function mapGithubEvent(
  event: string,
  payload: unknown,
  delivery?: string,
): ScmMapping {
  return Object.hasOwn(MAPPERS, event)
    ? MAPPERS[event as keyof typeof MAPPERS](payload, delivery)
    : { skip: `GitHub event ${oneLine(event, 60)} is not recorded` };
}
