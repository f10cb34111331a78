import { AlertApi } from '@backstage/core-plugin-api';
import { StepEvidence } from '@onramp/backstage-plugin-golden-paths-common';
import { parseEntityRefLoose } from './entityRef';
import type { GoldenPathsT } from './translate';

/**
 * `template:default/day-1-backend-service` -> `/create/templates/default/day-1-backend-service`;
 * with `pathId`, the form's hidden `goldenPath` parameter is filled in, so the
 * run links back to that path.
 */
export function templateUrl(templateRef: string, pathId?: string): string {
  const { namespace, name } = parseEntityRefLoose(templateRef);
  const query = pathId
    ? `?formData=${encodeURIComponent(JSON.stringify({ goldenPath: pathId }))}`
    : '';
  return `/create/templates/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}${query}`;
}

/** `group:default/backend` -> `backend` (the default namespace is implied). */
export function humanizeRef(ref: string): string {
  const { kind, namespace, name } = parseEntityRefLoose(ref);
  const prefix = namespace === 'default' ? '' : `${namespace}/`;
  return kind === 'user' || kind === 'group'
    ? `${prefix}${name}`
    : `${kind}:${prefix}${name}`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString();
}

/**
 * What a piece of evidence says happened, for people:
 * `deploy.requested` with a commit -> `deploy requested (commit abc1234)`.
 * The key itself is shown as it is (its words are the evidence's name).
 */
export function describeEvidence(
  evidence: StepEvidence,
  t: GoldenPathsT,
): string {
  if (!evidence.key) {
    return evidence.source === 'manual'
      ? t('journey.evidence.describe.markedDone')
      : t('journey.evidence.describe.evidence');
  }
  const what = evidence.key.replace(/[._-]+/g, ' ');
  const commit = evidence.outputs?.commitHash;
  return typeof commit === 'string' && commit.length > 0
    ? t('journey.evidence.describe.withCommit', {
        what,
        commit: commit.slice(0, 7),
      })
    : what;
}

/** `['a', 'b', 'c']` -> "a or b or c", in the reader's language. */
export function eitherOf(items: string[], t: GoldenPathsT): string {
  return items.length === 0
    ? ''
    : items.reduce((first, second) => t('journey.either', { first, second }));
}

/**
 * Fetches a CSV and hands it to the browser as a download named
 * `filename`; a failure is an error alert, worded by `failureMessage`
 * (translated by the caller; English "Could not export: <reason>" without).
 */
export async function downloadCsv(
  fetchCsv: () => Promise<string>,
  filename: string,
  alertApi: Pick<AlertApi, 'post'>,
  failureMessage: (reason: string) => string = reason =>
    `Could not export: ${reason}`,
): Promise<void> {
  try {
    const csv = await fetchCsv();
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
  } catch (e) {
    alertApi.post({
      message: failureMessage((e as Error).message),
      severity: 'error',
    });
  }
}
