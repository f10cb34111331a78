import type { AuditorService } from '@backstage/backend-plugin-api';
import type { Request } from 'express';

/**
 * What an audited change is called and what it touched.
 *
 * @public
 */
export interface AuditDescription {
  eventId: string;
  severityLevel?: 'low' | 'medium' | 'high' | 'critical';
  meta?: Record<string, string | number | undefined>;
}

/**
 * Runs a change (or a sensitive read such as an export) as one audit event:
 * success when `fn` returns, failure with its error when it throws. The event
 * is created before the change, so an auditor that cannot write stops the
 * change instead of letting it pass unrecorded.
 *
 * @public
 */
export async function audited<T>(
  auditor: AuditorService,
  req: Request,
  description: AuditDescription,
  fn: () => Promise<T>,
): Promise<T> {
  const meta = Object.fromEntries(
    Object.entries(description.meta ?? {}).filter(([, v]) => v !== undefined),
  ) as Record<string, string | number>;
  const event = await auditor.createEvent({
    eventId: description.eventId,
    severityLevel: description.severityLevel ?? 'low',
    request: req,
    meta,
  });
  try {
    const result = await fn();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
