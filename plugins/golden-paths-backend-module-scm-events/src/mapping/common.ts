import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ScmEvidence, ScmMapping } from './types';

/** The longest evidence id the golden-paths evidence table holds. */
const MAX_EVIDENCE_ID = 255;

/** An id made of payload names; hashed (never cut) when too long. */
export function evidenceId(provider: string, ...parts: Array<string | number>) {
  const id = `${provider}:${parts.join('')}`;
  if (id.length <= MAX_EVIDENCE_ID) return id;
  return `${provider}:sha256:${createHash('sha256').update(id).digest('hex')}`;
}

// C0 controls except tab, LF and CR; DEL and C1 controls; lone surrogates
// are made whole by the evidence schema itself.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Payload text fit for a one-line summary: no control characters, short. */
export function oneLine(text: string, max = 300): string {
  const clean = text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * A provider timestamp as ISO 8601 with offset: GitHub sends ISO already,
 * GitLab sometimes `2016-08-12 16:23:05 UTC` or `2021-04-28 21:50:00 +0200`.
 * Undefined when unreadable, so the evidence service uses the time it
 * records the evidence.
 */
export function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const normal = value.replace(
    /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (?:UTC|([+-]\d{2})(\d{2}))$/,
    (_m, date, time, hours, minutes) =>
      `${date}T${time}${hours ? `${hours}:${minutes}` : 'Z'}`,
  );
  if (!/^\d{4}-\d{2}-\d{2}T/.test(normal)) return undefined;
  const ms = Date.parse(normal);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** An http(s) URL from the payload, else undefined. */
export function webLink(value: string | null | undefined): string | undefined {
  if (!value || value.length > 2000 || ANY_CONTROL.test(value)) {
    return undefined;
  }
  return /^https?:\/\/\S+$/.test(value) ? value : undefined;
}

/** A login, name or ref from the payload: non-empty, bounded, printable. */
export const name = z
  .string()
  .min(1)
  .max(255)
  .refine(value => !ANY_CONTROL.test(value), 'has control characters');

/** A numeric provider id. */
export const numericId = z.number().int().nonnegative();

/** Parses `payload` with `schema`, or says it is not the expected shape. */
export function parsePayload<T>(
  schema: z.ZodType<T>,
  payload: unknown,
  event: string,
): T | { skip: string } {
  const result = schema.safeParse(payload);
  return result.success ? result.data : { skip: `malformed ${event} payload` };
}

/**
 * The evidence, its outputs led by `provider` and `repository` and ended by
 * the webhook's `delivery`, with the outputs the payload left empty dropped.
 */
export function evidence(
  delivery: string | undefined,
  e: Omit<ScmEvidence, 'outputs'> & {
    outputs: Record<string, string | number | undefined>;
  },
): ScmMapping {
  const outputs: Record<string, string | number> = {};
  for (const [k, v] of Object.entries({
    provider: e.provider,
    repository: e.repository,
    ...e.outputs,
    delivery,
  })) {
    if (v !== undefined && v !== '') outputs[k] = v;
  }
  return { ...e, outputs };
}

/** A successful deployment (GitHub deployment_status, GitLab deployment). */
export function deployedEvidence(
  delivery: string | undefined,
  d: Pick<ScmEvidence, 'provider' | 'repository' | 'person' | 'occurredAt'> & {
    deploymentId: number;
    environment: string;
    url?: string;
    commit?: string;
  },
): ScmMapping {
  const { provider, repository, environment, url } = d;
  return evidence(delivery, {
    provider,
    key: 'deploy.healthy',
    evidenceId: evidenceId(
      provider,
      repository,
      ':deployment:',
      d.deploymentId,
    ),
    person: d.person,
    repository,
    link: url,
    summary: oneLine(`Deployment of ${repository} to ${environment} succeeded`),
    occurredAt: d.occurredAt,
    outputs: { environment, url, commit: d.commit },
  });
}

/** A published release (GitHub release published, GitLab release create). */
export function releasedEvidence(
  delivery: string | undefined,
  r: Pick<ScmEvidence, 'provider' | 'repository' | 'person' | 'occurredAt'> & {
    releaseId: number;
    tag: string;
    url?: string;
    commit?: string;
  },
): ScmMapping {
  const { provider, repository, tag, url } = r;
  return evidence(delivery, {
    provider,
    key: 'release.published',
    evidenceId: evidenceId(provider, repository, ':release:', r.releaseId),
    person: r.person,
    repository,
    link: url,
    summary: oneLine(`Release ${tag} of ${repository} published`),
    occurredAt: r.occurredAt,
    outputs: { tag, url, commit: r.commit },
  });
}
