/*
 * Benchmark: the Day-1 template's dry-run and real run through the real
 * scaffolder backend on the embedded default (gitops providers into local
 * bare repositories), with the per-step breakdown. Targets: dry-run < 5 s,
 * real run < 30 s. With --local the deploys go to the local runtime (this
 * machine), as in app-config.yaml: each run builds and starts a real
 * process, and the time from "Create" to deploy.healthy is printed too.
 *
 *   yarn workspace @onramp/backstage-plugin-scaffolder-backend-module-golden-paths bench [runs] [--local]
 *
 * Step times are wall-clock times between the task events that start and end
 * a step, observed by polling the events API every 20 ms (the database's own
 * event timestamps have one-second resolution on SQLite).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createDay1Task,
  DAY1_VALUES,
  day1DryRunBody,
  localRuntimeConfig,
  startDay1Backend,
} from '../src/__testUtils__/day1Backend';

const args = process.argv.slice(2);
const runs = Number(args.find(a => /^\d+$/.test(a)) ?? 5);
const local = args.includes('--local');

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function main() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'gp-bench-'));
  // When deploy.healthy arrived, by task id.
  const healthyAt = new Map<string, number>();
  const harness = await startDay1Backend({
    root,
    goldenPaths: local ? localRuntimeConfig(root) : undefined,
    onEvidence: body => {
      if (body.key === 'deploy.healthy') {
        healthyAt.set(body.taskId, performance.now());
      }
      return true;
    },
  });
  const { request } = harness;
  try {
    const dryBody = await day1DryRunBody();
    const dry: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await request('POST', '/api/scaffolder/v2/dry-run', dryBody);
      if (res.status !== 200)
        throw new Error(
          `dry-run failed: ${res.status} ${JSON.stringify(res.body)}`,
        );
      dry.push(performance.now() - started);
    }

    const totals: number[] = [];
    const toHealthy: number[] = [];
    const perStep = new Map<string, number[]>();
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const id = await createDay1Task(request, {
        ...DAY1_VALUES,
        name: `bench-svc-${i}`,
      });
      const seen = new Set<number>();
      const begun = new Map<string, number>();
      for (;;) {
        const events = await request(
          'GET',
          `/api/scaffolder/v2/tasks/${id}/events`,
        );
        const now = performance.now();
        for (const e of events.body as any[]) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
          const { stepId, status } = e.body ?? {};
          if (stepId && status === 'processing') begun.set(stepId, now);
          if (stepId && status === 'completed' && begun.has(stepId)) {
            const list = perStep.get(stepId) ?? [];
            list.push(now - begun.get(stepId)!);
            perStep.set(stepId, list);
          }
          if (e.type === 'completion') {
            const task = await request('GET', `/api/scaffolder/v2/tasks/${id}`);
            if (task.body?.status !== 'completed') {
              throw new Error(
                `run ${i} ended ${task.body?.status}: ${e.body?.message}`,
              );
            }
            totals.push(now - started);
            if (healthyAt.has(id)) toHealthy.push(healthyAt.get(id)! - started);
          }
        }
        if (totals.length === i + 1) break;
        await new Promise(r => setTimeout(r, 20));
      }
    }

    const ms = (v: number) => `${Math.round(v)} ms`;
    console.log(
      `Day-1 template, ${
        local ? 'local runtime (this machine)' : 'gitops deploys'
      }, ${runs} runs each (${os.cpus().length} CPUs)`,
    );
    console.log(
      `dry-run   p50 ${ms(percentile(dry, 50))}  p95 ${ms(
        percentile(dry, 95),
      )}  (target < 5000 ms)`,
    );
    console.log(
      `real run  p50 ${ms(percentile(totals, 50))}  p95 ${ms(
        percentile(totals, 95),
      )}  (target < 30000 ms)`,
    );
    if (toHealthy.length) {
      console.log(
        `Create to deploy.healthy  p50 ${ms(
          percentile(toHealthy, 50),
        )}  p95 ${ms(percentile(toHealthy, 95))}`,
      );
    }
    console.log('real run per step (p50 / p95; ±20 ms polling):');
    for (const [step, values] of perStep) {
      console.log(
        `  ${step.padEnd(20)} ${ms(percentile(values, 50)).padStart(8)} / ${ms(
          percentile(values, 95),
        )}`,
      );
    }
  } finally {
    await harness.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  }
}

// Exit explicitly once the backend has stopped: Backstage 1.55's
// DatabaseManager never destroys SQLite knex pools at shutdown (its sqlite3
// connector has no shutdown), and their reaping interval would keep this
// process alive after the table is printed.
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
