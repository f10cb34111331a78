import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { cloneLocal, makeTempDir } from './__testUtils__/context';
import {
  createDay1Task,
  DAY1_ADMIN,
  DAY1_OTHER_USER,
  localRuntimeConfig,
  startDay1Backend,
  waitForTask,
} from './__testUtils__/day1Backend';
import { httpGet } from './lib/httpGet';

/*
 * A practice run torn down from the portal, through the real scaffolder:
 * the Day-1 template runs on the local runtime (a real process on a real
 * port), then POST /golden-paths/teardown/:name starts the
 * golden-path-teardown template on behalf of the caller. Real git, real
 * processes; the catalog is the harness's stand-in (it reads what
 * catalog:register registers and removes it by location and uid).
 */
const get = (url: string) => httpGet(url, AbortSignal.timeout(5000));
const exists = (p: string) =>
  fs.stat(p).then(
    () => true,
    () => false,
  );
const outputOf = (events: any[]) =>
  events.find(e => e.type === 'completion').body.output;
const logOf = (events: any[]) =>
  events.map(e => e.body?.message ?? '').join('\n');

describe('tearing a Day-1 practice run down from the portal', () => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;

  beforeAll(async () => {
    root = await makeTempDir('gp-teardown');
    harness = await startDay1Backend({
      root,
      goldenPaths: localRuntimeConfig(root),
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  const teardownUrl = (name: string) =>
    `/api/scaffolder/golden-paths/teardown/${name}`;
  /** Starts the teardown template directly (not through the portal's route). */
  const startTeardownTask = (user: string, values: Record<string, string>) =>
    harness.requestAs(user)('POST', '/api/scaffolder/v2/tasks', {
      templateRef: 'template:default/golden-path-teardown',
      values,
    });

  /** What the run left: answers on its port, files in the gitops repos. */
  async function leftovers(serviceUrl: string) {
    const files = async (repo: string, file: string) =>
      exists(path.join((await cloneLocal(root, repo)).dir, file));
    return {
      answers: await get(`${serviceUrl}health`).then(
        r => r.status === 200,
        () => false,
      ),
      runtimeState: await exists(
        path.join(root, 'runtime', 'services', 'day-one-svc'),
      ),
      manifests: await files('deployments', 'apps/day-one-svc'),
      rules: await files('monitoring', 'services/day-one-svc'),
      dnsRecord: await files(
        'dns',
        'zones/apps.onramp.localhost/day-one-svc.yaml',
      ),
      inCatalog: harness.record.registered.some(
        r => yaml.parse(r.content).metadata.name === 'day-one-svc',
      ),
      repository: await exists(path.join(root, 'git', 'day-one-svc.git')),
    };
  }

  it('run -> 403 for a non-owner, changing nothing -> owner tears down -> all gone -> again says already gone', async () => {
    const taskId = await createDay1Task(harness.request);
    const { events } = await waitForTask(harness.request, taskId);
    const { links } = outputOf(events);
    expect(links[0].title).toBe('Back to your Backend path: 4 of 5 done');
    const serviceUrl: string = links.find(
      (l: any) => l.title === 'Service URL',
    ).url;
    const [registered] = harness.record.registered;
    expect(yaml.parse(registered.content).metadata.annotations).toMatchObject({
      'onramp.dev/practice-run': 'true',
      'onramp.dev/created-by-task': taskId,
    });
    const created = harness.record.evidence.find(
      e => e.key === 'template.succeeded',
    );
    expect(created.outputs).toEqual({ practiceRun: true });
    const everything = {
      answers: true,
      runtimeState: true,
      manifests: true,
      rules: true,
      dnsRecord: true,
      inCatalog: true,
      repository: true,
    };
    expect(await leftovers(serviceUrl)).toEqual(everything);

    // What the portal shows before: what goes, and who may.
    const plan = await harness.request('GET', teardownUrl('day-one-svc'));
    expect(plan.body).toMatchObject({
      entityRef: 'component:default/day-one-svc',
      practiceRun: true,
      allowed: true,
    });
    expect(plan.body.removes).toEqual([
      'the process of day-one-svc on the local runtime (this machine), with its port, build and logs',
      'the deploy manifests apps/day-one-svc/ in the deployments repository',
      'the alerting rules services/day-one-svc/ in the monitoring repository',
      'the DNS record zones/apps.onramp.localhost/day-one-svc.yaml in the dns repository',
      'the catalog entity component:default/day-one-svc and the location it was registered from',
      'the repository day-one-svc',
    ]);
    const theirs = await harness.requestAs(DAY1_OTHER_USER)(
      'GET',
      teardownUrl('day-one-svc'),
    );
    expect(theirs.body).toMatchObject({
      allowed: false,
      reason:
        'Only the owner of component:default/day-one-svc (group:default/backend) or an admin may tear it down; user:default/noah.kim is neither',
    });

    // Someone who does not own it: 403, and everything is still there.
    const refused = await harness.requestAs(DAY1_OTHER_USER)(
      'POST',
      teardownUrl('day-one-svc'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Only the owner of component:default/day-one-svc (group:default/backend) or an admin may tear it down; user:default/noah.kim is neither',
    );
    // The same person starting the teardown template directly: the action refuses.
    const direct = await startTeardownTask(DAY1_OTHER_USER, {
      name: 'day-one-svc',
      createdByTask: taskId,
    });
    await expect(
      waitForTask(harness.requestAs(DAY1_OTHER_USER), direct.body.id),
    ).rejects.toThrow(
      'teardown: Only the owner of component:default/day-one-svc (group:default/backend) or an admin may tear it down; user:default/noah.kim is neither',
    );
    expect(await leftovers(serviceUrl)).toEqual(everything);

    expect(
      (await harness.request('POST', teardownUrl('no-such-svc'))).status,
    ).toBe(404);
    expect(
      (await harness.request('POST', teardownUrl('Bad_Name'))).status,
    ).toBe(400);

    // The owner (a member of group:default/backend).
    const accepted = await harness.request('POST', teardownUrl('day-one-svc'));
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({
      taskId: expect.any(String),
      entityRef: 'component:default/day-one-svc',
      taskUrl: `/create/tasks/${accepted.body.taskId}`,
    });
    const done = await waitForTask(harness.request, accepted.body.taskId);
    expect(done.task.createdBy).toBe('user:default/sofia.marquez');
    const port = new URL(serviceUrl).port;
    expect(logOf(done.events)).toContain(
      'Removed deployments:apps/day-one-svc/deployment.yaml',
    );
    for (const part of [
      `local runtime (this machine): day-one-svc on port ${port}`,
      'monitoring:services/day-one-svc/alerts.rules.yml',
      'dns:zones/apps.onramp.localhost/day-one-svc.yaml',
      'catalog entity component:default/day-one-svc',
      'catalog location',
      'repository day-one-svc',
    ]) {
      expect(logOf(done.events)).toContain(part);
    }
    await expect(get(`${serviceUrl}health`)).rejects.toThrow(/ECONNREFUSED/);
    expect(await leftovers(serviceUrl)).toEqual({
      answers: false,
      runtimeState: false,
      manifests: false,
      rules: false,
      dnsRecord: false,
      inCatalog: false,
      repository: false,
    });

    // Gone from the catalog, so the portal has nothing to tear down...
    const again = await harness.request('POST', teardownUrl('day-one-svc'));
    expect(again.status).toBe(404);
    // ...and the teardown template run again says what was already gone.
    const rerun = await harness.request('POST', '/api/scaffolder/v2/tasks', {
      templateRef: 'template:default/golden-path-teardown',
      values: { name: 'day-one-svc', createdByTask: taskId },
    });
    const second = await waitForTask(harness.request, rerun.body.id);
    expect(logOf(second.events)).toContain(
      'Removed nothing; already gone (nothing of day-one-svc left): deploy, monitoring, dns, catalog, repository',
    );
  }, 300_000);

  it('an admin may tear down a run they do not own; a run that is not a practice run is refused', async () => {
    const values = {
      name: 'kept-svc',
      owner: 'group:default/backend',
      practiceRun: false,
    };
    const taskId = await createDay1Task(harness.request, values);
    await waitForTask(harness.request, taskId);
    const entry = harness.record.registered.find(r =>
      r.content.includes('kept-svc'),
    )!;
    expect(yaml.parse(entry.content).metadata.annotations).toMatchObject({
      'onramp.dev/practice-run': 'false',
    });
    const refused = await harness.request('POST', teardownUrl('kept-svc'));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(
      'component:default/kept-svc is not a practice run of the Day-1 template',
    );
    // The admin tears it down with the template (the action checks them too).
    const byAdmin = await startTeardownTask(DAY1_ADMIN, { name: 'kept-svc' });
    const done = await waitForTask(
      harness.requestAs(DAY1_ADMIN),
      byAdmin.body.id,
    );
    expect(logOf(done.events)).toContain(
      'catalog entity component:default/kept-svc',
    );
    expect(logOf(done.events)).toContain('repository kept-svc');
    expect(await exists(path.join(root, 'git', 'kept-svc.git'))).toBe(false);
    expect(
      harness.record.registered.some(r => r.content.includes('kept-svc')),
    ).toBe(false);
  }, 300_000);
});
