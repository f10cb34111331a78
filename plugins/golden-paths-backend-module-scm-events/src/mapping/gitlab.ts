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
import { ScmMapping, ScmPerson } from './types';

/**
 * GitLab webhook events this module reads, by `object_kind` (the events
 * backend's GitLab router publishes each on `gitlab.<object_kind>`).
 */
export const GITLAB_EVENTS = [
  'merge_request',
  'pipeline',
  'deployment',
  'release',
] as const;

const project = z.object({ path_with_namespace: name, web_url: z.string() });
const user = z.object({ id: numericId.nullish(), username: name });
const commitAuthor = z.object({ author: z.object({ email: name }) });

const mergeRequestEvent = z.object({
  project,
  user,
  object_attributes: z.object({
    iid: numericId,
    action: z.string().nullish(),
    title: z.string().default(''),
    url: z.string(),
    author_id: numericId.nullish(),
    target_branch: z.string().nullish(),
    merge_commit_sha: z.string().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
    last_commit: commitAuthor.extend({ id: z.string() }).nullish(),
  }),
});

const pipelineEvent = z.object({
  project,
  user,
  object_attributes: z.object({
    id: numericId,
    ref: z.string().nullish(),
    sha: z.string(),
    status: z.string(),
    finished_at: z.string().nullish(),
    url: z.string().nullish(),
  }),
});

const deploymentEvent = z.object({
  project,
  user,
  status: z.string(),
  deployment_id: numericId,
  environment: z.string().nullish(),
  environment_external_url: z.string().nullish(),
  deployable_url: z.string().nullish(),
  status_changed_at: z.string().nullish(),
  commit_url: z.string().nullish(),
  short_sha: z.string().nullish(),
});

const releaseEvent = z.object({
  project,
  id: numericId,
  action: z.string(),
  tag: name,
  url: z.string(),
  released_at: z.string().nullish(),
  created_at: z.string().nullish(),
  commit: commitAuthor.extend({ id: z.string() }),
});

/**
 * The author of a merge request: GitLab's payload names only who caused the
 * event (`user`) and the author's numeric id. When they are the same person
 * their username says who; otherwise the last commit's author email does.
 */
function mergeRequestAuthor(
  e: z.infer<typeof mergeRequestEvent>,
): ScmPerson | undefined {
  const mr = e.object_attributes;
  if (mr.author_id !== undefined && mr.author_id === e.user.id) {
    return { login: e.user.username };
  }
  const email = mr.last_commit?.author.email;
  return email ? { email } : undefined;
}

function mergeRequest(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(mergeRequestEvent, payload, 'merge_request');
  if ('skip' in e) return e;
  const mr = e.object_attributes;
  if (mr.action !== 'open' && mr.action !== 'merge') {
    return {
      skip: `merge_request ${oneLine(mr.action ?? '', 40)} is not recorded`,
    };
  }
  const person = mergeRequestAuthor(e);
  if (!person) {
    return { skip: 'merge_request author is not in the payload' };
  }
  const merged = mr.action === 'merge';
  const what = merged ? 'merged' : 'opened';
  const repo = e.project.path_with_namespace;
  return evidence(delivery, {
    provider: 'gitlab',
    key: merged ? 'pr.merged' : 'pr.opened',
    evidenceId: evidenceId('gitlab', repo, '!', mr.iid, ':', what),
    person,
    repository: repo,
    link: webLink(mr.url),
    summary: oneLine(`Merge request ${repo}!${mr.iid} ${what}: ${mr.title}`),
    occurredAt: isoTime(merged ? mr.updated_at : mr.created_at),
    outputs: {
      pullRequest: mr.iid,
      url: webLink(mr.url),
      commit: (merged ? mr.merge_commit_sha : mr.last_commit?.id) ?? undefined,
      branch: mr.target_branch ?? undefined,
    },
  });
}

function pipeline(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(pipelineEvent, payload, 'pipeline');
  if ('skip' in e) return e;
  const run = e.object_attributes;
  if (run.status !== 'success') {
    return { skip: 'pipeline that did not pass is not recorded' };
  }
  const repo = e.project.path_with_namespace;
  return evidence(delivery, {
    provider: 'gitlab',
    key: 'ci.passed',
    evidenceId: evidenceId('gitlab', repo, ':pipeline:', run.id),
    person: { login: e.user.username },
    repository: repo,
    link: webLink(run.url),
    summary: oneLine(`CI passed on ${repo} at ${run.sha.slice(0, 8)}`),
    occurredAt: isoTime(run.finished_at),
    outputs: {
      url: webLink(run.url),
      commit: run.sha,
      branch: run.ref ?? undefined,
    },
  });
}

function deployment(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(deploymentEvent, payload, 'deployment');
  if ('skip' in e) return e;
  if (e.status !== 'success') {
    return { skip: 'deployment other than success is not recorded' };
  }
  return deployedEvidence(delivery, {
    provider: 'gitlab',
    repository: e.project.path_with_namespace,
    deploymentId: e.deployment_id,
    person: { login: e.user.username },
    environment: e.environment ?? '',
    url: webLink(e.environment_external_url) ?? webLink(e.deployable_url),
    commit: e.short_sha ?? undefined,
    occurredAt: isoTime(e.status_changed_at),
  });
}

function release(payload: unknown, delivery?: string): ScmMapping {
  const e = parsePayload(releaseEvent, payload, 'release');
  if ('skip' in e) return e;
  if (e.action !== 'create') {
    return { skip: `release ${oneLine(e.action, 40)} is not recorded` };
  }
  return releasedEvidence(delivery, {
    provider: 'gitlab',
    repository: e.project.path_with_namespace,
    releaseId: e.id,
    // The release payload names no user: the tagged commit's author.
    person: { email: e.commit.author.email },
    tag: e.tag,
    url: webLink(e.url),
    commit: e.commit.id,
    occurredAt: isoTime(e.released_at ?? e.created_at),
  });
}

const MAPPERS: Record<
  (typeof GITLAB_EVENTS)[number],
  (payload: unknown, delivery?: string) => ScmMapping
> = {
  merge_request: mergeRequest,
  pipeline,
  deployment,
  release,
};

/** What a GitLab webhook event proves, by its `object_kind`. */
export function mapGitlabEvent(
  kind: string,
  payload: unknown,
  delivery?: string,
): ScmMapping {
  return Object.hasOwn(MAPPERS, kind)
    ? MAPPERS[kind as keyof typeof MAPPERS](payload, delivery)
    : { skip: `GitLab event ${oneLine(kind, 60)} is not recorded` };
}
