import { AuditorService } from '@backstage/backend-plugin-api';
import {
  RecordEvidenceRequest,
  recordEvidenceRequestSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import { GoldenPathsEvidenceService } from '@onramp/backstage-plugin-golden-paths-node';
import { parseInput } from '@onramp/backstage-plugin-onramp-node';
import { EvidenceService } from './EvidenceService';

/** What the audit log keeps of recorded evidence. */
export function evidenceAuditMeta(request: RecordEvidenceRequest) {
  return {
    userEntityRef: request.userEntityRef,
    key: request.key,
    evidenceId: request.evidenceId,
    pathId: request.pathId,
    stepId: request.stepId,
  };
}

/**
 * The recorder the plugin hands to `goldenPathsEvidenceServiceRef` for
 * callers in the same backend: the same validation (a 400-style
 * `InputError`), audit event, idempotency and notifications as
 * `POST /evidence`, without HTTP.
 */
export function createInProcessEvidenceRecorder(options: {
  evidence: EvidenceService;
  auditor: AuditorService;
  /** Brings the paths read from the catalog up to date. */
  freshPaths?: () => Promise<void>;
}): GoldenPathsEvidenceService {
  return {
    async recordEvidence(input) {
      const request = parseInput(recordEvidenceRequestSchema, input);
      await options.freshPaths?.();
      const meta = Object.fromEntries(
        Object.entries(evidenceAuditMeta(request)).filter(
          ([, v]) => v !== undefined,
        ),
      ) as Record<string, string>;
      const event = await options.auditor.createEvent({
        eventId: 'evidence-record',
        severityLevel: 'medium',
        meta: { ...meta, via: 'in-process' },
      });
      try {
        const { response } = await options.evidence.recordEvidence(request);
        await event.success();
        return response;
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  };
}
