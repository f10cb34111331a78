import { NotAllowedError } from '@backstage/errors';
import { pathEntityYaml } from '../__testUtils__/paths';
import {
  createTestGoldenPaths,
  describeOnEachDatabase,
  HOUR,
} from '../__testUtils__/services';
import { Membership } from './audience';
import { GoldenPathRegistry, parseGoldenPaths } from './paths';

jest.setTimeout(60_000);

const NEWCOMER = 'user:default/newcomer';
const MANAGER = 'user:default/manager';
const LEAD = 'user:default/lead';
const STRANGER = 'user:default/stranger';

const registry = () =>
  new GoldenPathRegistry(
    parseGoldenPaths(
      pathEntityYaml(
        'gated',
        `    - id: setup
      title: Set up
      rule: { type: manual }
    - id: sign-off
      title: Your manager signs off
      rule: { type: approval, approver: manager }
    - id: owner-ok
      title: The path's owner agrees
      rule: { type: approval, approver: owner }
    - id: after-setup
      title: Follows setup
      rule: { type: waitFor, stepId: setup }
`,
      ),
      'gated.yaml',
    ),
  );

/** The org: the newcomer's group is managed by MANAGER; LEAD is in the owning group. */
async function membership(user: string): Promise<Membership> {
  if (user === NEWCOMER) {
    return {
      groups: [
        {
          ref: 'group:default/client',
          type: 'discipline',
          title: 'Client',
          manager: MANAGER,
        },
      ],
    };
  }
  if (user === LEAD) {
    return {
      groups: [{ ref: 'group:default/backend', title: 'Backend' }],
    };
  }
  return { groups: [] };
}

describeOnEachDatabase('approval gates', t => {
  const services = () =>
    createTestGoldenPaths(t.knex, {
      paths: registry(),
      clock: t.clock,
      membership,
    });

  async function started() {
    const gp = await services();
    const { journey } = await gp.startJourney(NEWCOMER, 'gated');
    return { gp, journey };
  }

  it('asks the manager and the owning group when the journey starts, and says who is waited for since when', async () => {
    const { gp, journey } = await started();
    const gates = journey.steps
      .filter(s => s.gate)
      .map(s => [s.stepId, s.gate]);
    const since = new Date(t.now).toISOString();
    expect(gates).toEqual([
      [
        'sign-off',
        {
          approver: 'manager',
          approverRef: MANAGER,
          status: 'waiting',
          requestedAt: since,
        },
      ],
      [
        'owner-ok',
        {
          approver: 'owner',
          approverRef: 'group:default/backend',
          status: 'waiting',
          requestedAt: since,
        },
      ],
    ]);
    const recipients = gp.notifications.send.mock.calls.map(
      (c: any[]) => c[0].recipients.entityRef,
    );
    expect(recipients).toEqual([MANAGER, 'group:default/backend']);
    expect(gp.notifications.send.mock.calls[0][0].payload.link).toBe(
      '/golden-paths/approvals',
    );
    // Starting again asks nobody twice.
    await gp.startJourney(NEWCOMER, 'gated');
    expect(gp.notifications.send).toHaveBeenCalledTimes(2);
    expect(
      (await gp.services.gates.listMyApprovals(MANAGER)).map(a => a.stepId),
    ).toEqual(['sign-off']);
    expect(
      (await gp.services.gates.listMyApprovals(LEAD)).map(a => a.stepId),
    ).toEqual(['owner-ok']);
  });

  it('lets only the approver decide (403 for the newcomer, a stranger, or the manager on the owner gate)', async () => {
    const { gp, journey } = await started();
    for (const [user, stepId] of [
      [NEWCOMER, 'sign-off'],
      [STRANGER, 'sign-off'],
      [MANAGER, 'owner-ok'],
    ]) {
      await expect(
        gp.services.gates.approve(user, journey.id, stepId),
      ).rejects.toThrow(NotAllowedError);
      await expect(
        gp.services.gates.decline(user, journey.id, stepId, 'no'),
      ).rejects.toThrow(NotAllowedError);
    }
    const [after] = await gp.getMyJourneys(NEWCOMER);
    expect(after.completedSteps).toBe(0);
    expect(after.steps.find(s => s.stepId === 'sign-off')!.gate!.status).toBe(
      'waiting',
    );
  });

  it('approves in one click, across a restart, and completes the step; a second decision is a 409', async () => {
    const { journey } = await started();
    // The backend restarts: new services over the same database.
    const restarted = await services();
    t.now += HOUR;
    await restarted.services.gates.approve(MANAGER, journey.id, 'sign-off');
    const [after] = await restarted.getMyJourneys(NEWCOMER);
    const step = after.steps.find(s => s.stepId === 'sign-off')!;
    expect(step.status).toBe('completed');
    expect(step.evidence!.key).toBe('approval.approved');
    expect(step.gate).toMatchObject({
      status: 'approved',
      decidedBy: MANAGER,
      decidedAt: new Date(t.now).toISOString(),
    });
    await expect(
      restarted.services.gates.decline(MANAGER, journey.id, 'sign-off', 'x'),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    // A member of the owning group approves the owner gate.
    await restarted.services.gates.approve(LEAD, journey.id, 'owner-ok');
    const last = restarted.notifications.send.mock.calls.at(-1)![0];
    expect(last.recipients.entityRef).toBe(NEWCOMER);
    expect(last.payload.description).toContain(`approved by ${LEAD}`);
  });

  it('declines with a reason: the step stays open and the newcomer sees why', async () => {
    const { gp, journey } = await started();
    await gp.services.gates.decline(
      MANAGER,
      journey.id,
      'sign-off',
      'Pair with Lars on the deploy first',
    );
    const [after] = await gp.getMyJourneys(NEWCOMER);
    const step = after.steps.find(s => s.stepId === 'sign-off')!;
    expect(step.status).toBe('pending');
    expect(step.gate).toMatchObject({
      status: 'declined',
      reason: 'Pair with Lars on the deploy first',
      decidedBy: MANAGER,
    });
    expect(
      gp.notifications.send.mock.calls.at(-1)![0].payload.description,
    ).toContain('Pair with Lars on the deploy first');
  });

  it('reminds the approver after remindAfterDays, once per period, also from another replica', async () => {
    await started();
    const replicaA = await services();
    const replicaB = await services();
    t.now += 2 * 24 * HOUR - 1;
    expect(await replicaA.services.gates.remindApprovers(2)).toBe(0);
    t.now += 2;
    expect(await replicaA.services.gates.remindApprovers(2)).toBe(2);
    expect(await replicaB.services.gates.remindApprovers(2)).toBe(0);
    expect(replicaA.notifications.send.mock.calls[0][0].payload.title).toMatch(
      /^Reminder: /,
    );
    t.now += 2 * 24 * HOUR + 1;
    expect(await replicaB.services.gates.remindApprovers(2)).toBe(2);
  });

  it('completes a waitFor step with the proof of the step it waits for', async () => {
    const { gp } = await started();
    await gp.completeManualStep(NEWCOMER, 'gated', 'setup', { note: 'done' });
    const [after] = await gp.getMyJourneys(NEWCOMER);
    const waiting = after.steps.find(s => s.stepId === 'after-setup')!;
    expect(waiting.status).toBe('completed');
    expect(waiting.evidence).toMatchObject({
      source: 'manual',
      summary: 'done',
    });
  });
});
