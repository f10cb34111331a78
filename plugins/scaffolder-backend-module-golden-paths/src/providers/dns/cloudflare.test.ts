import {
  makeContext,
  testLinks,
  testSettings,
  runAction,
  dryRunThenRun,
} from '../../__testUtils__/context';
import { itRunsEveryExample } from '../../__testUtils__/examples';
import {
  expectDnsCreatedOnce,
  expectDnsDryRun,
} from '../../__testUtils__/dnsFakes';
import { useMswServer } from '../../__testUtils__/msw';
import { FakeCloudflareZone } from '../../__testUtils__/cloudflareFake';
import { createDnsAction } from '../../actions/dns';
import { examples } from '../../actions/dns.examples';
import { createTeardownAction } from '../../actions/teardown';

const ZONE = 'apps.example.com';
const ZONE_ID = '023e105f4ecef8ad9ca31a8372d0c353';
const TOKEN = 'YQSn-xWAQiiEh9qM58wZNnyQS7FUdoqGIUAbrh7T';
const owner = (s: string) => `onramp-golden-paths: owner=${s};`;

describe('goldenpath:dns with the cloudflare provider', () => {
  const server = useMswServer();
  let fake: FakeCloudflareZone;
  beforeEach(() => {
    fake = new FakeCloudflareZone(ZONE_ID, TOKEN);
    fake.seed({
      name: `legacy.${ZONE}`,
      type: 'A',
      content: '10.0.0.1',
      ttl: 300,
      proxied: false,
      comment: 'hand-made by the network team',
    });
    server.use(...fake.handlers());
  });

  const settings = (apiToken = TOKEN, proxied?: boolean) =>
    testSettings('/nonexistent', {
      goldenPaths: {
        providers: { dns: 'cloudflare' },
        dns: {
          zone: ZONE,
          ttl: 60,
          cloudflare: {
            zoneId: ZONE_ID,
            apiToken,
            ...(proxied === undefined ? {} : { proxied }),
          },
        },
      },
    });
  const action = (apiToken = TOKEN, proxied?: boolean) =>
    createDnsAction({
      settings: settings(apiToken, proxied),
      links: testLinks,
    });

  itRunsEveryExample(
    examples,
    async input => {
      const { ctx, outputs } = makeContext({ input });
      await action().handler(ctx);
      const fqdn = `${input.recordName ?? input.name}.${ZONE}`;
      const type = input.type ?? 'CNAME';
      expect(fake.find(fqdn)).toEqual([
        expect.objectContaining({
          type,
          content: input.value,
          ttl: input.ttl ?? 60,
          proxied: false,
          comment: owner(input.name),
        }),
      ]);
      expect(outputs).toMatchObject({
        provider: 'cloudflare',
        status: 'created',
        fqdn,
      });
    },
    'runs example %i against Cloudflare (recorded HTTP, msw): %s',
  );

  it('dry-run reads the zone, logs the exact API calls and sends no write (recorded HTTP, msw)', async () => {
    const ctx = await expectDnsDryRun(action(), fake);
    expect(fake.find(`dry.${ZONE}`)).toEqual([]);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      `Dry run: would call the Cloudflare API (created):\nPOST /zones/${ZONE_ID}/dns_records ${JSON.stringify(
        {
          name: `dry.${ZONE}`,
          type: 'A',
          content: '192.0.2.50',
          ttl: 60,
          proxied: false,
          comment: owner('dry'),
        },
      )}`,
    );
  });

  it('creates the record with its ownership comment; a retried task does not create a duplicate (recorded HTTP, msw)', async () => {
    await expectDnsCreatedOnce({
      action,
      fake,
      provider: 'cloudflare',
      zone: ZONE,
      zoneId: ZONE_ID,
      created: () => {
        expect(fake.find(`payments-api.${ZONE}`)).toEqual([
          expect.objectContaining({
            type: 'A',
            content: '192.0.2.10',
            comment: owner('payments-api'),
          }),
        ]);
        expect(fake.writes().map(w => w.method)).toEqual(['POST']);
      },
    });
    expect(fake.find(`payments-api.${ZONE}`)).toHaveLength(1);
  });

  it('overwrites a record it owns by id, and replaces an owned A with a CNAME (recorded HTTP, msw)', async () => {
    const input = { name: 'orders', type: 'A', value: '192.0.2.20' };
    await action().handler(makeContext({ input }).ctx);
    const [created] = fake.find(`orders.${ZONE}`);
    const moved = makeContext({ input: { ...input, value: '192.0.2.21' } });
    await action().handler(moved.ctx);
    expect(moved.outputs.status).toBe('updated');
    expect(fake.writes().map(w => [w.method, w.path])).toEqual([
      ['POST', `/client/v4/zones/${ZONE_ID}/dns_records`],
      ['PUT', `/client/v4/zones/${ZONE_ID}/dns_records/${created.id}`],
    ]);
    expect(fake.find(`orders.${ZONE}`)).toEqual([
      expect.objectContaining({ id: created.id, content: '192.0.2.21' }),
    ]);

    const proxied = makeContext({
      input: { name: 'orders', type: 'CNAME', value: 'lb.example.net' },
    });
    await action(TOKEN, true).handler(proxied.ctx);
    expect(proxied.outputs.status).toBe('updated');
    expect(fake.find(`orders.${ZONE}`)).toEqual([
      expect.objectContaining({
        type: 'CNAME',
        content: 'lb.example.net',
        proxied: true,
        ttl: 1,
        comment: owner('orders'),
      }),
    ]);
  });

  it('refuses a record it does not own with a clear message and sends nothing (recorded HTTP, msw)', async () => {
    await expect(
      runAction(action(), {
        name: 'legacy',
        type: 'CNAME',
        value: 'lb.example.net',
      }),
    ).rejects.toThrow(
      `legacy.${ZONE} already has records (A 10.0.0.1 (comment: "hand-made by the network team")) in Cloudflare zone ${ZONE_ID} that the golden path for 'legacy' does not own (their comment lacks 'onramp-golden-paths: owner=legacy;'); refusing to change them`,
    );
    // Owned by another service is foreign too.
    await runAction(action(), { name: 'team-a', value: 'a.example.net' });
    await expect(
      runAction(action(), {
        name: 'team-b',
        recordName: 'team-a',
        value: 'b.example',
      }),
    ).rejects.toThrow(/owner=team-a;.*does not own/);
    expect(fake.writes()).toHaveLength(1);
    expect(fake.find(`legacy.${ZONE}`)).toEqual([
      expect.objectContaining({ content: '10.0.0.1' }),
    ]);
  });

  it('fails the step with Cloudflare 10000 Authentication error on a bad token (recorded HTTP, msw)', async () => {
    await expect(
      runAction(action('wrong-token'), {
        name: 'svc',
        type: 'A',
        value: '192.0.2.1',
      }),
    ).rejects.toThrow(
      `Cloudflare list DNS records in zone ${ZONE_ID} failed: HTTP 403: 10000 Authentication error`,
    );
    expect(fake.writes()).toEqual([]);
  });

  it('goldenpath:teardown deletes only the records it owns (recorded HTTP, msw)', async () => {
    await runAction(action(), {
      name: 'practice',
      type: 'A',
      value: '192.0.2.30',
    });
    const teardown = createTeardownAction({ settings: settings() });
    const { dry, real } = await dryRunThenRun(
      teardown,
      { name: 'practice', parts: ['dns'], recordType: 'A' },
      () => expect(fake.writes()).toHaveLength(1),
    );
    expect(dry.removed).toEqual([`practice.${ZONE} A`]);
    expect(real.removed).toEqual([`practice.${ZONE} A`]);
    expect(fake.writes().map(w => w.method)).toEqual(['POST', 'DELETE']);
    expect(fake.find(`practice.${ZONE}`)).toEqual([]);

    await expect(
      runAction(teardown, { name: 'legacy', parts: ['dns'], recordType: 'A' }),
    ).rejects.toThrow(
      `legacy.${ZONE} A in Cloudflare zone ${ZONE_ID} is not owned by the golden path for 'legacy'`,
    );
    expect(fake.find(`legacy.${ZONE}`)).toHaveLength(1);
    expect(fake.writes()).toHaveLength(2);
  });
});
