import { JsonObject } from '@backstage/types';
import { CheckpointStore, makeContext } from './context';

/** What the recorded-HTTP DNS fakes (Route 53, Cloudflare) keep. */
export interface RecordingDnsFake {
  readonly requests: { method: string; path: string; body: string }[];
  /** The requests that change the zone. */
  writes(): { method: string; path: string; body: string }[];
}

type DnsAction = { handler(ctx: any): Promise<void> };

/**
 * Runs `action` in dry-run for the A record `dry` -> 192.0.2.50 and checks
 * that it read the zone, answered dry-run and wrote nothing; resolves to the
 * context, for the provider's own checks of what it logged.
 */
export async function expectDnsDryRun(
  action: DnsAction,
  fake: RecordingDnsFake,
) {
  const { ctx, outputs } = makeContext({
    input: { name: 'dry', type: 'A', value: '192.0.2.50' },
    isDryRun: true,
  });
  await action.handler(ctx);
  expect(outputs.status).toBe('dry-run');
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.writes()).toEqual([]);
  return ctx;
}

/**
 * Creates the A record `payments-api` -> 192.0.2.10 in `zone` with one
 * write; `created` checks the provider's view of it. Then: a retried task
 * (same checkpoints) sends no request (`retried` checks the checkpoint
 * store), a new task finds it unchanged, and so does a dry run, with still
 * the one write.
 */
export async function expectDnsCreatedOnce(options: {
  action: () => DnsAction;
  fake: RecordingDnsFake;
  provider: string;
  zone: string;
  zoneId: string;
  created: () => void;
  retried?: (store: CheckpointStore) => void;
}) {
  const { action, fake } = options;
  const store = new CheckpointStore();
  const input: JsonObject = {
    name: 'payments-api',
    type: 'A',
    value: '192.0.2.10',
  };
  const first = makeContext({ input, checkpoints: store });
  await action().handler(first.ctx);
  expect(first.outputs).toMatchObject({
    provider: options.provider,
    status: 'created',
    fqdn: `payments-api.${options.zone}`,
    changedFiles: [],
  });
  expect(first.outputs.link).toContain(options.zoneId);
  options.created();

  const before = fake.requests.length;
  const retried = makeContext({ input, checkpoints: store });
  await action().handler(retried.ctx);
  expect(retried.outputs.status).toBe('created');
  expect(fake.requests.length).toBe(before);
  options.retried?.(store);

  // A new task with the same input finds the record and sends nothing.
  for (const isDryRun of [false, true]) {
    const again = makeContext({ input, isDryRun });
    await action().handler(again.ctx);
    expect(again.outputs.status).toBe('unchanged');
    expect(fake.writes()).toHaveLength(1);
  }
}
