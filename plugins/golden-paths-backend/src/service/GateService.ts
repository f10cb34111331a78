import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  GoldenPath,
  GoldenPathStep,
  PendingApproval,
} from '@onramp/backstage-plugin-golden-paths-common';
import { GateRow, GateStore, JourneyRow, JourneyStore } from '../database';
import { managersOf } from '@onramp/backstage-plugin-onramp-node';
import { Membership } from './audience';
import { GoldenPathRegistry } from './paths';
import { ProgressWriter } from './progress';

const DAY_MS = 24 * 60 * 60 * 1000;

type ApprovalStep = GoldenPathStep & {
  rule: { type: 'approval'; approver: 'manager' | 'owner' };
};

function isApproval(step: GoldenPathStep): step is ApprovalStep {
  return step.rule.type === 'approval';
}

const same = (a: string, b: string) =>
  a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * Approval gates: a step that waits for a person. The newcomer's manager
 * (the `onramp.dev/manager` annotation of a group they are a member of) or
 * the path's owner approves it, or declines it with a reason; only they
 * may (403 for anyone else). The approver is notified when the gate opens
 * and reminded every `remindAfterDays` while it waits.
 */
export class GateService {
  constructor(
    private readonly options: {
      journeys: JourneyStore;
      gates: GateStore;
      paths: GoldenPathRegistry;
      writer: ProgressWriter;
      membership: (userEntityRef: string) => Promise<Membership>;
      notifications: NotificationService;
      logger: LoggerService;
      linkPrefix: string;
      clock?: () => number;
    },
  ) {}

  private now() {
    return (this.options.clock ?? Date.now)();
  }

  /**
   * Who approves `step` for this person: their manager, else (no manager in
   * the catalog) the path's owner, who is also the approver of `owner` gates.
   */
  async approverFor(path: GoldenPath, step: ApprovalStep, person: string) {
    if (step.rule.approver === 'manager') {
      const [manager] = managersOf(
        await this.options.membership(person),
        person,
      );
      if (manager) {
        return { kind: 'manager' as const, ref: manager };
      }
    }
    return { kind: 'owner' as const, ref: path.owner.toLocaleLowerCase() };
  }

  /** Opens the approval gates of a journey that have none, and tells each approver. */
  async openGates(journey: JourneyRow, path: GoldenPath) {
    const done = await this.options.journeys.listProgress([journey.id]);
    for (const step of path.steps.filter(isApproval)) {
      if (done.some(p => p.stepId === step.id && p.checkId === '')) {
        continue;
      }
      if (await this.options.gates.getGate(journey.id, step.id)) {
        continue;
      }
      const approver = await this.approverFor(
        path,
        step,
        journey.userEntityRef,
      );
      const { gate, created } = await this.options.gates.openGate({
        journeyId: journey.id,
        stepId: step.id,
        approverKind: approver.kind,
        approverRef: approver.ref,
        requestedAt: this.now(),
      });
      if (created) {
        await this.notifyApprover(gate, journey, path, step, false);
      }
    }
  }

  /** May `caller` decide this gate? Its approver, or a member of the approving group. */
  private async canDecide(caller: string, gate: GateRow) {
    if (same(caller, gate.approverRef)) {
      return true;
    }
    if (parseEntityRef(gate.approverRef).kind.toLocaleLowerCase() !== 'group') {
      return false;
    }
    const { groups } = await this.options.membership(caller);
    return groups.some(g => same(g.ref, gate.approverRef));
  }

  private async load(caller: string, journeyId: string, stepId: string) {
    const journey = await this.options.journeys.getJourneyById(journeyId);
    const path = journey && this.options.paths.get(journey.pathId);
    if (!journey || !path) {
      throw new NotFoundError(`No journey ${journeyId}`);
    }
    const step = path.steps.find(s => s.id === stepId);
    if (!step) {
      throw new NotFoundError(
        `Golden path "${path.id}" has no step "${stepId}"`,
      );
    }
    if (!isApproval(step)) {
      throw new InputError(`Step "${stepId}" is not an approval step`);
    }
    const gate = await this.options.gates.getGate(journeyId, stepId);
    if (!gate) {
      throw new NotFoundError(`Step "${stepId}" has not asked for approval`);
    }
    if (!(await this.canDecide(caller, gate))) {
      throw new NotAllowedError(
        `Only ${gate.approverRef} can approve or decline this step`,
      );
    }
    return { journey, path, step, gate };
  }

  /** Approves the gate: the step is done, in the same transaction. */
  async approve(caller: string, journeyId: string, stepId: string) {
    const { journey, path } = await this.load(caller, journeyId, stepId);
    const completions = await this.options.writer.withRetry(async tx => {
      const current = await this.decide(tx, journeyId, stepId, {
        status: 'approved',
        reason: null,
        decidedBy: caller,
      });
      const row = (await tx.getJourneyById(journeyId))!;
      const progress = await tx.listProgress([journeyId]);
      const now = this.now();
      const changed = await this.options.writer.completeTarget(
        tx,
        row,
        path,
        {
          journeyId,
          stepId,
          checkId: '',
          source: 'evidence',
          evidenceId: `gate:${journeyId}:${stepId}`,
          evidenceKey: 'approval.approved',
          taskId: null,
          templateRef: null,
          link: null,
          summary: `Approved by ${caller} (asked ${new Date(
            current.requestedAt,
          ).toISOString()})`,
          outputs: null,
          completedAt: now,
          durationMs: 0,
        },
        progress,
        now,
      );
      return changed.journeyCompleted ? [journeyId] : [];
    });
    await this.options.writer.notifyCompleted(
      journey.userEntityRef,
      path,
      completions,
    );
    await this.tell(journey, path, stepId, 'approved', `approved by ${caller}`);
  }

  /** Declines the gate with a reason; the step stays open. */
  async decline(
    caller: string,
    journeyId: string,
    stepId: string,
    reason: string,
  ) {
    const { journey, path } = await this.load(caller, journeyId, stepId);
    await this.options.writer.withRetry(tx =>
      this.decide(tx, journeyId, stepId, {
        status: 'declined',
        reason,
        decidedBy: caller,
      }),
    );
    await this.tell(
      journey,
      path,
      stepId,
      'declined',
      `declined by ${caller}: ${reason}`,
    );
  }

  /** Decides a waiting gate in the transaction; 409 once it is decided. */
  private async decide(
    tx: JourneyStore,
    journeyId: string,
    stepId: string,
    decision: {
      status: 'approved' | 'declined';
      reason: string | null;
      decidedBy: string;
    },
  ) {
    const gate = (await tx.gates().getGate(journeyId, stepId))!;
    if (gate.status !== 'waiting') {
      throw new ConflictError(
        `Step "${stepId}" was already ${gate.status} by ${gate.decidedBy}`,
      );
    }
    const ok = await tx
      .gates()
      .decide(gate, { ...decision, decidedAt: this.now() });
    if (!ok) {
      throw new ConflictError(`Step "${stepId}" changed; try again`);
    }
    return gate;
  }

  /**
   * Reminds the approvers of gates waiting longer than `remindAfterDays`
   * (each gate once per period across replicas); returns how many.
   */
  async remindApprovers(remindAfterDays: number) {
    const now = this.now();
    const due = await this.options.gates.claimReminders(
      now - remindAfterDays * DAY_MS,
      now,
      200,
    );
    for (const gate of due) {
      const journey = await this.options.journeys.getJourneyById(
        gate.journeyId,
      );
      const path = journey && this.options.paths.get(journey.pathId);
      const step = path?.steps.find(s => s.id === gate.stepId);
      if (journey && path && step) {
        await this.notifyApprover(gate, journey, path, step, true);
      }
    }
    return due.length;
  }

  private async notifyApprover(
    gate: GateRow,
    journey: JourneyRow,
    path: GoldenPath,
    step: GoldenPathStep,
    reminder: boolean,
  ) {
    const since = new Date(gate.requestedAt).toISOString().slice(0, 10);
    await this.send(gate.approverRef, {
      title: `${reminder ? 'Reminder: ' : ''}${
        journey.userEntityRef
      } waits for your approval`,
      description: `"${step.title}" on the ${path.title} golden path, waiting since ${since}. Approve or decline it in the portal.`,
      link: `${this.options.linkPrefix}/approvals`,
      scope: `golden-paths:gate:${gate.journeyId}:${gate.stepId}`,
    });
  }

  private async tell(
    journey: JourneyRow,
    path: GoldenPath,
    stepId: string,
    verb: 'approved' | 'declined',
    what: string,
  ) {
    const step = path.steps.find(s => s.id === stepId);
    await this.send(journey.userEntityRef, {
      title: `"${step?.title ?? stepId}" was ${verb}`,
      description: `On your ${path.title} golden path: ${what}.`,
      link: `${this.options.linkPrefix}/${encodeURIComponent(path.id)}`,
      scope: `golden-paths:gate-decided:${journey.id}:${stepId}`,
    });
  }

  private async send(
    recipient: string,
    payload: {
      title: string;
      description: string;
      link: string;
      scope: string;
    },
  ) {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: recipient },
        payload: { ...payload, severity: 'normal', topic: 'golden-paths' },
      });
    } catch (error) {
      // The decision is committed; a notification outage is logged.
      this.options.logger.error(
        `Could not notify ${recipient}: ${payload.title}`,
        error as Error,
      );
    }
  }

  /** The approvals waiting for `caller` (theirs or their groups'). */
  async listMyApprovals(caller: string) {
    const { groups } = await this.options.membership(caller);
    const gates = await this.options.gates.listWaitingFor([
      caller.toLocaleLowerCase(),
      ...groups.map(g => g.ref.toLocaleLowerCase()),
    ]);
    const items: PendingApproval[] = [];
    for (const gate of gates) {
      const journey = await this.options.journeys.getJourneyById(
        gate.journeyId,
      );
      const path = journey && this.options.paths.get(journey.pathId);
      const step = path?.steps.find(s => s.id === gate.stepId);
      if (journey && path && step) {
        items.push({
          journeyId: gate.journeyId,
          stepId: gate.stepId,
          stepTitle: step.title,
          pathId: path.id,
          pathTitle: path.title,
          userEntityRef: journey.userEntityRef,
          approverRef: gate.approverRef,
          requestedAt: new Date(gate.requestedAt).toISOString(),
        });
      }
    }
    return items;
  }
}
