import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { recordEvidenceRequestSchema } from '@onramp/backstage-plugin-golden-paths-common';
import { audited, parseInput } from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { EvidenceService } from '../service/EvidenceService';
import { evidenceAuditMeta } from '../service/inProcess';

/**
 * `POST /evidence`, for services only (the Day-1 actions of another backend,
 * CI): 201 to the request that logged the evidence, 200 to a repeat.
 */
export function evidenceRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  evidence: EvidenceService;
}) {
  const { httpAuth, auditor, evidence } = options;
  const router = Router();
  router.post('/evidence', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const body = parseInput(recordEvidenceRequestSchema, req.body);
    const { response, created } = await audited(
      auditor,
      req,
      {
        eventId: 'evidence-record',
        severityLevel: 'medium',
        meta: evidenceAuditMeta(body),
      },
      () => evidence.recordEvidence(body),
    );
    res.status(created ? 201 : 200).json(response);
  });
  return router;
}
