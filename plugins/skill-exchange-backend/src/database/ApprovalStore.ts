import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  ApprovalRequest,
  Interest,
  ManagerApproval,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { InterestRow, toInterest } from './rows';

/** An interest whose manager answer was asked for. */
export type ApprovedInterest = Interest & { managerApproval: ManagerApproval };

/**
 * The applicant's manager's answers on embed interests. Each change is one
 * conditional UPDATE, so two racing answers cannot both win.
 */
export interface ApprovalStore {
  /**
   * Asks `manager` to approve the interest: only while it is pending or
   * accepted, and not while a request is open or approved (then the current
   * one is returned, `created: false`). A declined request may be asked again.
   */
  request(
    id: number,
    manager: string,
  ): Promise<{ interest: ApprovedInterest; created: boolean }>;
  /** The manager's answer to an open request; anything else is a 409. */
  answer(
    id: number,
    manager: string,
    approved: boolean,
    reason: string | null,
  ): Promise<ApprovedInterest>;
  /** The requests addressed to `manager`, newest first. */
  listFor(manager: string, limit?: number): Promise<ApprovalRequest[]>;
}

const approved = (row: InterestRow) => toInterest(row) as ApprovedInterest;

export class KnexApprovalStore implements ApprovalStore {
  static create(db: Knex): KnexApprovalStore {
    return new KnexApprovalStore(db);
  }

  private constructor(private readonly db: Knex) {}

  private async read(id: number) {
    const row = await this.db<InterestRow>('interests').where('id', id).first();
    if (!row) throw new NotFoundError(`No interest ${id}`);
    return row;
  }

  async request(id: number, manager: string) {
    const now = new Date();
    const changed = await this.db('interests')
      .where('id', id)
      .whereIn('status', ['pending', 'accepted'])
      .where(q =>
        q.whereNull('approval_status').orWhere('approval_status', 'declined'),
      )
      .update({
        approval_status: 'requested',
        approval_manager: manager,
        approval_requested_at: now,
        approval_answered_at: null,
        approval_reason: null,
      });
    const row = await this.read(id);
    if (changed) return { interest: approved(row), created: true };
    if (
      row.approval_status === 'requested' ||
      row.approval_status === 'approved'
    ) {
      return { interest: approved(row), created: false };
    }
    throw new ConflictError(
      `Interest ${id} is ${row.status}; only pending or accepted interest can be put to a manager`,
    );
  }

  async answer(
    id: number,
    manager: string,
    isApproved: boolean,
    reason: string | null,
  ) {
    const changed = await this.db('interests')
      .where({ id, approval_status: 'requested', approval_manager: manager })
      .update({
        approval_status: isApproved ? 'approved' : 'declined',
        approval_answered_at: new Date(),
        approval_reason: isApproved ? null : reason,
      });
    const row = await this.read(id);
    if (!changed) {
      throw new ConflictError(
        `The approval of interest ${id} is ${
          row.approval_status ?? 'not requested'
        }; only a request can be answered`,
      );
    }
    return approved(row);
  }

  async listFor(manager: string, limit = 200): Promise<ApprovalRequest[]> {
    const rows = await this.db('interests as i')
      .join('posts as p', 'p.id', 'i.post_id')
      .where('i.approval_manager', manager)
      .whereNotNull('i.approval_status')
      .orderBy('i.approval_requested_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit)
      .select(
        'i.*',
        'p.title as p_title',
        'p.team as p_team',
        'p.owner as p_owner',
        'p.status as p_status',
        'p.start as p_start',
        'p.duration_weeks as p_duration_weeks',
        'p.time_share_percent as p_time_share_percent',
      );
    return rows.map(r => ({
      interest: approved(r),
      post: {
        id: r.post_id,
        title: r.p_title,
        team: r.p_team,
        owner: r.p_owner,
        status: r.p_status,
        start: r.p_start,
        durationWeeks: r.p_duration_weeks,
        timeSharePercent: r.p_time_share_percent ?? 100,
      },
    }));
  }
}
