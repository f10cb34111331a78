import { safeString } from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import { queryInt } from './schemas';
import type { PostKind, PostStatus } from './types';

/**
 * Why a post is reported: spam, offensive, or something else (say what in
 * the comment).
 *
 * @public
 */
export const REPORT_REASONS = ['spam', 'offensive', 'other'] as const;
/** @public */
export type ReportReason = (typeof REPORT_REASONS)[number];

/**
 * Body of `POST /posts/:id/reports`: anyone signed in reports someone else's
 * post, once while their report is open (a repeat is a 409).
 *
 * @public
 */
export const reportInputSchema = z.strictObject({
  reason: z.enum(REPORT_REASONS),
  comment: safeString().trim().max(500).default(''),
});
/** @public */
export type ReportInput = z.input<typeof reportInputSchema>;

/**
 * Body of `POST /reports/:postId/resolve` (moderators): dismiss the reports,
 * or hide the post (it leaves lists, matching and search; its owner is told,
 * with the note).
 *
 * @public
 */
export const reportResolutionSchema = z.strictObject({
  action: z.enum(['dismiss', 'hide']),
  note: safeString().trim().max(500).default(''),
});
/** @public */
export type ReportResolution = z.input<typeof reportResolutionSchema>;

/**
 * Query of `GET /reports` (moderators): open reports first.
 *
 * @public
 */
export const reportsQuerySchema = z.strictObject({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: queryInt(1, 100).default(20),
  offset: queryInt(0, 1_000_000).default(0),
});
/** @public */
export type ReportsQuery = z.infer<typeof reportsQuerySchema>;

/**
 * One report as the moderation queue shows it.
 *
 * @public
 */
export interface PostReport {
  id: number;
  reporter: string;
  reason: ReportReason;
  comment: string;
  createdAt: string;
  /** Absent while open. */
  resolvedAt?: string;
  resolution?: 'dismiss' | 'hide';
}

/**
 * A reported post in the moderation queue: its reports and their counts.
 *
 * @public
 */
export interface ReportedPost {
  postId: number;
  title: string;
  kind: PostKind;
  owner: string;
  status: PostStatus;
  /** Whether a moderator hid it. */
  hidden: boolean;
  openReports: number;
  totalReports: number;
  /** Open reports per reason. */
  reasons: Partial<Record<ReportReason, number>>;
  latestReportAt: string;
  reports: PostReport[];
}
