import { z } from 'zod';
import { safeString } from '@onramp/backstage-plugin-onramp-common';
import type { EmbedPost, Interest } from './types';

/**
 * Whether an applicant's manager approves an embed before the owner accepts
 * (`skillExchange.embeds.managerApproval`): `off` (never asked), `optional`
 * (the applicant may ask; the owner may accept without), `required` (the
 * owner can accept only once the manager approved).
 *
 * @public
 */
export type ManagerApprovalPolicy = 'off' | 'optional' | 'required';

/** @public */
export const MANAGER_APPROVAL_POLICIES: ManagerApprovalPolicy[] = [
  'off',
  'optional',
  'required',
];

/** @public */
export type ManagerApprovalStatus = 'requested' | 'approved' | 'declined';

/**
 * A manager's answer to an applicant's embed, asked for by the applicant.
 * Until they ask, the manager cannot see the interest at all (it stays
 * confidential until it is accepted).
 *
 * @public
 */
export interface ManagerApproval {
  status: ManagerApprovalStatus;
  /** The manager asked: the `onramp.dev/manager` of the applicant's group. */
  manager: string;
  requestedAt: string;
  answeredAt: string | null;
  /** Why the manager declined; null otherwise. */
  reason: string | null;
}

/**
 * One request in the manager's list (`GET /approvals`): the interest, who
 * asked, and the embed with its time share.
 *
 * @public
 */
export interface ApprovalRequest {
  interest: Interest & { managerApproval: ManagerApproval };
  post: Pick<
    EmbedPost,
    | 'id'
    | 'title'
    | 'team'
    | 'owner'
    | 'status'
    | 'start'
    | 'durationWeeks'
    | 'timeSharePercent'
  >;
}

/**
 * Body of `POST /interests/:id/approval/:answer`: a decline needs a reason.
 *
 * @public
 */
export const approvalAnswerSchema = z.strictObject({
  reason: safeString().trim().max(1000).optional(),
});

/**
 * An embed's share of the working week, in percent (100 = full time), in
 * steps of 10.
 *
 * @public
 */
export const timeShareSchema = z
  .number()
  .int()
  .min(10)
  .max(100)
  .multipleOf(10)
  .default(100);

/**
 * An embed's time share in words, over a working week of five days:
 * "2 days a week (40%) for 6 weeks", "full time for 4 weeks".
 *
 * @public
 */
export function formatTimeShare(percent: number, weeks: number): string {
  const days = (percent / 100) * 5;
  const share =
    percent >= 100
      ? 'full time'
      : `${Number.isInteger(days) ? days : days.toFixed(1)} day${
          days === 1 ? '' : 's'
        } a week (${percent}%)`;
  return `${share} for ${weeks} week${weeks === 1 ? '' : 's'}`;
}
