/**
 * The evidence keys SCM and CI webhooks produce.
 *
 * @public
 */
export const SCM_EVIDENCE_KEYS = [
  'pr.opened',
  'pr.merged',
  'ci.passed',
  'deploy.healthy',
  'release.published',
] as const;

/** @public */
export type ScmEvidenceKey = (typeof SCM_EVIDENCE_KEYS)[number];

/** @public */
export type ScmProvider = 'github' | 'gitlab';

/**
 * Who the evidence belongs to, as the payload names them: a provider login
 * (matched to the `<provider>.com/user-login` annotation) or, only for
 * events whose payload carries no login of that person, the commit
 * author's email (matched to `spec.profile.email`). Never both: a login
 * that matches nobody is not retried by email.
 */
export type ScmPerson = { login: string } | { email: string };

/** What one webhook event proves, before it is tied to a catalog user. */
export type ScmEvidence = {
  provider: ScmProvider;
  key: ScmEvidenceKey;
  /**
   * Names the thing that happened (`github:acme/api#42:merged`), so the same
   * delivery twice, a redelivery or the same event from two hooks is one
   * evidence row (the golden-paths evidence table is unique on it).
   */
  evidenceId: string;
  person: ScmPerson;
  repository: string;
  link?: string;
  summary: string;
  /** ISO 8601 with offset, when the payload says when it happened. */
  occurredAt?: string;
  /** Kept with the evidence: repository, pull request, commit, URL. */
  outputs: Record<string, string | number>;
};

/** A payload this module does not record, and why (for the counter). */
export type ScmSkip = { skip: string };

/** What a payload maps to: evidence, or why it records nothing. */
export type ScmMapping = ScmEvidence | ScmSkip;

export function isSkip(m: ScmMapping): m is ScmSkip {
  return 'skip' in m;
}
