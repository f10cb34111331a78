import { LoggerService } from '@backstage/backend-plugin-api';
import { GoldenPathsEvidenceService } from '@onramp/backstage-plugin-golden-paths-node';
import { createHash } from 'node:crypto';

/** An evidence id within the schema's 255 characters, stable for its parts. */
export function localEvidenceId(...parts: string[]) {
  const id = `local-git:${parts.join(':')}`;
  return id.length <= 255
    ? id
    : `local-git:${createHash('sha256').update(id).digest('hex')}`;
}

/** Evidence for a commit author; `user` undefined when nobody in the catalog has the email. */
export type AuthorEvidence = {
  user: string | undefined;
  key: string;
  evidenceId: string;
  summary: string;
  outputs: Record<string, unknown>;
  occurredAt?: number;
};

/**
 * Records evidence for commit authors the catalog knows, through the
 * in-process evidence service (idempotent on the evidence id); counts the
 * unknown ones, which are dropped and never guessed.
 */
export class AuthorEvidenceRecorder {
  unknownAuthors = 0;
  recorded = 0;

  constructor(
    private readonly evidence: GoldenPathsEvidenceService,
    private readonly logger: LoggerService,
  ) {}

  async record(e: AuthorEvidence) {
    if (!e.user) {
      this.unknownAuthors += 1;
      return;
    }
    try {
      await this.evidence.recordEvidence({
        userEntityRef: e.user,
        key: e.key,
        evidenceId: e.evidenceId,
        summary: e.summary.slice(0, 2000),
        outputs: e.outputs,
        ...(e.occurredAt
          ? { occurredAt: new Date(e.occurredAt).toISOString() }
          : {}),
      });
      this.recorded += 1;
    } catch (error) {
      // Bad details from a step (e.g. a forbidden character) must not stop
      // the watcher; the run stays visible.
      this.logger.warn(
        `Local git: could not record ${e.key} for ${e.user}: ${error}`,
      );
    }
  }
}
