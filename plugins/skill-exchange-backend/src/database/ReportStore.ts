import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  Page,
  PostReport,
  ReportedPost,
  ReportInput,
  ReportReason,
  ReportsQuery,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { isUniqueViolation, PostRow, toIso } from './rows';

interface ReportRow {
  id: number;
  post_id: number;
  reporter: string;
  reason: ReportReason;
  comment: string;
  created_at: Date | string | number;
  resolved_at: Date | string | number | null;
  resolved_by: string | null;
  resolution: 'dismiss' | 'hide' | null;
  note: string;
}

/** What resolving a post's reports did. */
export interface Resolved {
  post: PostRow;
  /** How many open reports it resolved. */
  resolved: number;
}

/** Reports of posts, and the moderators' answers (dismiss, hide). */
export interface ReportStore {
  /**
   * Files a report: 404 for an unknown or hidden post, 403 for its owner,
   * 409 when the reporter has an open report of it already.
   */
  reportPost(
    postId: number,
    reporter: string,
    input: ReportInput,
  ): Promise<void>;
  /** Reported posts with their reports, open ones first, newest first. */
  listReports(query: ReportsQuery): Promise<Page<ReportedPost>>;
  getReportedPost(postId: number): Promise<ReportedPost | undefined>;
  /**
   * Resolves every open report of a post in one transaction and, for
   * `hide`, hides and closes the post; 404 for an unknown post, 409 when it
   * has no open report (someone resolved them first).
   */
  resolveReports(
    postId: number,
    moderator: string,
    resolution: { action: 'dismiss' | 'hide'; note: string },
  ): Promise<Resolved>;
}

const OPEN_COUNT = 'SUM(CASE WHEN resolved_at IS NULL THEN 1 ELSE 0 END)';

export class KnexReportStore implements ReportStore {
  static create(db: Knex): KnexReportStore {
    return new KnexReportStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async reportPost(postId: number, reporter: string, input: ReportInput) {
    await this.db.transaction(async tx => {
      const post = await tx<PostRow>('posts').where('id', postId).first();
      if (!post || post.hidden_at) throw new NotFoundError(`No post ${postId}`);
      if (post.owner === reporter) {
        throw new NotAllowedError('You cannot report your own post');
      }
      try {
        await tx('post_reports').insert({
          post_id: postId,
          reporter,
          reason: input.reason,
          comment: input.comment ?? '',
          created_at: new Date(),
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new ConflictError(
          `You have reported post ${postId} already; a moderator will look at it`,
        );
      }
    });
  }

  /** Per post: its reports, open ones, newest report. */
  private grouped(status: ReportsQuery['status']) {
    const q = this.db('post_reports')
      .groupBy('post_id')
      .select('post_id')
      .select(this.db.raw(`${OPEN_COUNT} AS open_reports`))
      .count({ total_reports: '*' })
      .max({ latest: 'created_at' });
    if (status === 'open') q.havingRaw(`${OPEN_COUNT} > 0`);
    if (status === 'resolved') q.havingRaw(`${OPEN_COUNT} = 0`);
    return q;
  }

  async listReports(query: ReportsQuery): Promise<Page<ReportedPost>> {
    const [{ count }] = await this.db
      .from(this.grouped(query.status).as('g'))
      .count({ count: '*' });
    const groups = await this.db
      .from(this.grouped(query.status).as('g'))
      .select('*')
      .orderByRaw('CASE WHEN open_reports > 0 THEN 0 ELSE 1 END')
      .orderBy([
        { column: 'latest', order: 'desc' },
        { column: 'post_id', order: 'desc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: await this.hydrate(groups.map(g => g.post_id)),
      totalItems: Number(count),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async getReportedPost(postId: number) {
    const [post] = await this.hydrate([postId]);
    return post;
  }

  /** The reported posts `ids` (in that order) with all their reports. */
  private async hydrate(ids: number[], tx: Knex = this.db) {
    if (!ids.length) return [];
    const posts = await tx<PostRow>('posts').whereIn('id', ids);
    const reports: ReportRow[] = await tx('post_reports')
      .whereIn('post_id', ids)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return ids.flatMap(id => {
      const post = posts.find(p => p.id === id);
      const mine = reports.filter(r => r.post_id === id);
      if (!post || !mine.length) return [];
      const open = mine.filter(r => !r.resolved_at);
      const reasons: ReportedPost['reasons'] = {};
      for (const r of open) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
      const item: ReportedPost = {
        postId: id,
        title: post.title,
        kind: post.kind,
        owner: post.owner,
        status: post.status,
        hidden: Boolean(post.hidden_at),
        openReports: open.length,
        totalReports: mine.length,
        reasons,
        latestReportAt: toIso(mine[0].created_at),
        reports: mine.map(toReport),
      };
      return [item];
    });
  }

  async resolveReports(
    postId: number,
    moderator: string,
    resolution: { action: 'dismiss' | 'hide'; note: string },
  ): Promise<Resolved> {
    return this.db.transaction(async tx => {
      const post = await tx<PostRow>('posts').where('id', postId).first();
      if (!post) throw new NotFoundError(`No post ${postId}`);
      const now = new Date();
      const resolved = await tx('post_reports')
        .where('post_id', postId)
        .whereNull('resolved_at')
        .update({
          resolved_at: now,
          resolved_by: moderator,
          resolution: resolution.action,
          note: resolution.note,
        });
      if (!resolved) {
        throw new ConflictError(`Post ${postId} has no open reports`);
      }
      if (resolution.action === 'hide') {
        await tx('posts')
          .where('id', postId)
          .update({
            hidden_at: now,
            status: 'closed',
            status_changed_at: now,
            updated_at: now,
            version: tx.raw('?? + 1', ['version']),
          });
      }
      return { post, resolved };
    });
  }
}

function toReport(row: ReportRow): PostReport {
  return {
    id: row.id,
    reporter: row.reporter,
    reason: row.reason,
    comment: row.comment,
    createdAt: toIso(row.created_at),
    ...(row.resolved_at
      ? {
          resolvedAt: toIso(row.resolved_at),
          resolution: row.resolution ?? undefined,
        }
      : {}),
  };
}
