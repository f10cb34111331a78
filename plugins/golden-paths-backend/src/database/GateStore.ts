import { Knex } from 'knex';
import { num, numOrNull } from './rows';

/** An approval step of a journey waiting for (or decided by) a person. */
export type GateRow = {
  journeyId: string;
  stepId: string;
  approverKind: 'manager' | 'owner';
  approverRef: string;
  requestedAt: number;
  status: 'waiting' | 'approved' | 'declined';
  reason: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  remindedAt: number | null;
  version: number;
};

function gateFromRow(r: Record<string, any>): GateRow {
  return {
    journeyId: r.journey_id,
    stepId: r.step_id,
    approverKind: r.approver_kind,
    approverRef: r.approver_ref,
    requestedAt: num(r.requested_at),
    status: r.status,
    reason: r.reason ?? null,
    decidedBy: r.decided_by ?? null,
    decidedAt: numOrNull(r.decided_at),
    remindedAt: numOrNull(r.reminded_at),
    version: num(r.version),
  };
}

/** Approval gates (`gp_gates`), one per (journey, approval step). */
export interface GateStore {
  /** Opens the gate unless it exists; returns it and whether it is new. */
  openGate(
    gate: Pick<
      GateRow,
      'journeyId' | 'stepId' | 'approverKind' | 'approverRef' | 'requestedAt'
    >,
  ): Promise<{ gate: GateRow; created: boolean }>;
  getGate(journeyId: string, stepId: string): Promise<GateRow | undefined>;
  listGates(journeyIds: string[]): Promise<GateRow[]>;
  /** Waiting gates of these approvers (lower-case refs), oldest first. */
  listWaitingFor(approverRefs: string[]): Promise<GateRow[]>;
  /**
   * Decides a gate read at `version`: true for the one caller whose update
   * matched (status and version unchanged since it read them).
   */
  decide(
    gate: GateRow,
    decision: {
      status: 'waiting' | 'approved' | 'declined';
      reason: string | null;
      decidedBy: string | null;
      decidedAt: number | null;
    },
  ): Promise<boolean>;
  /**
   * Gates waiting since before `before` and not reminded since then: each
   * is claimed (reminded_at = now) by exactly one caller, so a reminder is
   * sent once per period across replicas.
   */
  claimReminders(
    before: number,
    now: number,
    limit: number,
  ): Promise<GateRow[]>;
}

/** The Knex implementation of {@link GateStore}. */
export class KnexGateStore implements GateStore {
  static create(db: Knex): KnexGateStore {
    return new KnexGateStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async openGate(
    gate: Pick<
      GateRow,
      'journeyId' | 'stepId' | 'approverKind' | 'approverRef' | 'requestedAt'
    >,
  ) {
    const inserted = await this.db('gp_gates')
      .insert({
        journey_id: gate.journeyId,
        step_id: gate.stepId,
        approver_kind: gate.approverKind,
        approver_ref: gate.approverRef,
        requested_at: gate.requestedAt,
        status: 'waiting',
        version: 1,
      })
      .onConflict(['journey_id', 'step_id'])
      .ignore()
      .returning('journey_id');
    const row = await this.getGate(gate.journeyId, gate.stepId);
    return { gate: row!, created: inserted.length > 0 };
  }

  async getGate(journeyId: string, stepId: string) {
    const row = await this.db('gp_gates')
      .where({ journey_id: journeyId, step_id: stepId })
      .first();
    return row ? gateFromRow(row) : undefined;
  }

  async listGates(journeyIds: string[]) {
    if (journeyIds.length === 0) {
      return [];
    }
    const rows = await this.db('gp_gates')
      .whereIn('journey_id', journeyIds)
      .orderBy(['journey_id', 'step_id']);
    return rows.map(gateFromRow);
  }

  async listWaitingFor(approverRefs: string[]) {
    const rows = await this.db('gp_gates')
      .whereIn('approver_ref', approverRefs)
      .where({ status: 'waiting' })
      .orderBy(['requested_at', 'journey_id', 'step_id'])
      .limit(500);
    return rows.map(gateFromRow);
  }

  async decide(
    gate: GateRow,
    decision: {
      status: 'waiting' | 'approved' | 'declined';
      reason: string | null;
      decidedBy: string | null;
      decidedAt: number | null;
    },
  ) {
    const count = await this.db('gp_gates')
      .where({
        journey_id: gate.journeyId,
        step_id: gate.stepId,
        version: gate.version,
      })
      .update({
        status: decision.status,
        reason: decision.reason,
        decided_by: decision.decidedBy,
        decided_at: decision.decidedAt,
        version: this.db.raw('version + 1'),
      });
    return count === 1;
  }

  async claimReminders(before: number, now: number, limit: number) {
    const due = await this.db('gp_gates')
      .where({ status: 'waiting' })
      .where('requested_at', '<', before)
      .where(q =>
        q.whereNull('reminded_at').orWhere('reminded_at', '<', before),
      )
      .orderBy('requested_at')
      .limit(limit);
    const claimed: GateRow[] = [];
    for (const row of due) {
      const gate = gateFromRow(row);
      const count = await this.db('gp_gates')
        .where({
          journey_id: gate.journeyId,
          step_id: gate.stepId,
          status: 'waiting',
        })
        .where(q =>
          gate.remindedAt === null
            ? q.whereNull('reminded_at')
            : q.where('reminded_at', gate.remindedAt),
        )
        .update({ reminded_at: now });
      if (count === 1) {
        claimed.push({ ...gate, remindedAt: now });
      }
    }
    return claimed;
  }
}
