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
import { FakeRoute53Zone } from '../../__testUtils__/route53Fake';
import { createDnsAction } from '../../actions/dns';
import { examples } from '../../actions/dns.examples';
import { createTeardownAction } from '../../actions/teardown';

const ZONE = 'apps.example.com';
const ZONE_ID = 'Z0EXAMPLE1234567';

describe('goldenpath:dns with the route53 provider', () => {
  const server = useMswServer();
  let fake: FakeRoute53Zone;
  beforeEach(() => {
    fake = new FakeRoute53Zone(ZONE_ID);
    fake.seed(`${ZONE}.`, 'NS', ['ns-1.awsdns-01.org.']);
    fake.seed(`legacy.${ZONE}.`, 'A', ['10.0.0.1']);
    fake.seed(`_gp-owner.other.${ZONE}.`, 'TXT', [
      '"onramp-golden-paths: owner=someone-else;"',
    ]);
    server.use(...fake.handlers());
  });

  const settings = (waitForSync = true) =>
    testSettings('/nonexistent', {
      goldenPaths: {
        providers: { dns: 'route53' },
        dns: {
          zone: ZONE,
          ttl: 60,
          route53: {
            hostedZoneId: ZONE_ID,
            region: 'us-east-1',
            accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
            secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            waitForSync,
            syncPollMs: 5,
          },
        },
      },
    });
  const action = (waitForSync = true) =>
    createDnsAction({ settings: settings(waitForSync), links: testLinks });

  itRunsEveryExample(
    examples,
    async input => {
      const { ctx, outputs } = makeContext({ input });
      await action().handler(ctx);
      const fqdn = `${input.recordName ?? input.name}.${ZONE}.`;
      const type = input.type ?? 'CNAME';
      expect(fake.values(fqdn, type)).toEqual([
        type === 'CNAME' ? `${input.value}.` : input.value,
      ]);
      expect(fake.sets.get(`${fqdn}|${type}`)?.ttl).toBe(input.ttl ?? 60);
      expect(outputs).toMatchObject({
        provider: 'route53',
        status: 'created',
        fqdn: fqdn.slice(0, -1),
      });
    },
    'runs example %i against Route 53 (recorded HTTP, msw): %s',
  );

  it('dry-run lists the zone, logs the exact ChangeBatch and sends no write (recorded HTTP, msw)', async () => {
    const ctx = await expectDnsDryRun(action(), fake);
    expect(fake.values(`dry.${ZONE}.`, 'A')).toEqual([]);
    const logged = (ctx.logger.info as jest.Mock).mock.calls
      .map(c => c[0])
      .join('\n');
    expect(logged).toContain('Dry run: would send ChangeResourceRecordSets');
    const batch = JSON.parse(logged.slice(logged.indexOf('{')));
    expect(batch).toEqual({
      Changes: [
        {
          Action: 'CREATE',
          ResourceRecordSet: {
            Name: `dry.${ZONE}.`,
            Type: 'A',
            TTL: 60,
            ResourceRecords: [{ Value: '192.0.2.50' }],
          },
        },
        {
          Action: 'CREATE',
          ResourceRecordSet: {
            Name: `_gp-owner.dry.${ZONE}.`,
            Type: 'TXT',
            TTL: 60,
            ResourceRecords: [{ Value: '"onramp-golden-paths: owner=dry;"' }],
          },
        },
      ],
    });
  });

  it('creates the record and its ownership TXT in one ChangeBatch and waits for INSYNC; a retried task does not send it again (recorded HTTP, msw)', async () => {
    await expectDnsCreatedOnce({
      action,
      fake,
      provider: 'route53',
      zone: ZONE,
      zoneId: ZONE_ID,
      created: () => {
        expect(fake.values(`payments-api.${ZONE}.`, 'A')).toEqual([
          '192.0.2.10',
        ]);
        expect(fake.values(`_gp-owner.payments-api.${ZONE}.`, 'TXT')).toEqual([
          '"onramp-golden-paths: owner=payments-api;"',
        ]);
        expect(fake.writes()).toHaveLength(1);
        expect(fake.writes()[0].body).toContain('<Action>CREATE</Action>');
        // GetChange was polled until INSYNC (PENDING first).
        expect(
          fake.requests.filter(r => r.path.startsWith('/2013-04-01/change/')),
        ).toHaveLength(2);
      },
      retried: store =>
        expect(store.runs.filter(k => k.includes('route53'))).toHaveLength(2),
    });
  });

  it('updates a record it owns with UPSERT (recorded HTTP, msw)', async () => {
    const input = { name: 'orders', type: 'A', value: '192.0.2.20' };
    await action(false).handler(makeContext({ input }).ctx);
    const moved = makeContext({ input: { ...input, value: '192.0.2.21' } });
    await action(false).handler(moved.ctx);
    expect(moved.outputs.status).toBe('updated');
    expect(fake.values(`orders.${ZONE}.`, 'A')).toEqual(['192.0.2.21']);
    expect(fake.writes()).toHaveLength(2);
    expect(fake.writes()[1].body).toContain('<Action>UPSERT</Action>');
    expect(fake.writes()[1].body).not.toContain('<Action>CREATE</Action>');

    // A -> CNAME on an owned name deletes the A set in the same batch.
    const cname = makeContext({
      input: { name: 'orders', type: 'CNAME', value: 'lb.example.net' },
    });
    await action(false).handler(cname.ctx);
    expect(cname.outputs.status).toBe('updated');
    expect(fake.values(`orders.${ZONE}.`, 'A')).toEqual([]);
    expect(fake.values(`orders.${ZONE}.`, 'CNAME')).toEqual([
      'lb.example.net.',
    ]);
  });

  it('refuses a record it does not own, and a name whose marker names another service, sending nothing (recorded HTTP, msw)', async () => {
    await expect(
      runAction(action(), { name: 'legacy', type: 'A', value: '192.0.2.99' }),
    ).rejects.toThrow(
      `legacy.${ZONE} already has records (A 10.0.0.1) in Route 53 hosted zone ${ZONE_ID} that the golden path for 'legacy' does not own (no _gp-owner.legacy.${ZONE} TXT "onramp-golden-paths: owner=legacy;"); refusing to change them`,
    );
    await expect(
      runAction(action(), {
        name: 'other',
        type: 'CNAME',
        value: 'lb.example.net',
      }),
    ).rejects.toThrow(/owner=someone-else.*does not own/);
    expect(fake.writes()).toEqual([]);
    expect(fake.values(`legacy.${ZONE}.`, 'A')).toEqual(['10.0.0.1']);
  });

  it('fails the step with the AWS error on an auth failure (403 InvalidClientTokenId) (recorded HTTP, msw)', async () => {
    fake.failWith = {
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    };
    await expect(
      runAction(action(), { name: 'svc', type: 'A', value: '192.0.2.1' }),
    ).rejects.toThrow(
      `Route 53 ListResourceRecordSets on hosted zone ${ZONE_ID} failed: InvalidClientTokenId: The security token included in the request is invalid. (HTTP 403)`,
    );
    expect(fake.writes()).toEqual([]);
  });

  it('fails clearly when the change does not reach INSYNC in time (recorded HTTP, msw)', async () => {
    const slow = testSettings('/nonexistent', {
      goldenPaths: {
        providers: { dns: 'route53' },
        dns: {
          zone: ZONE,
          route53: {
            hostedZoneId: ZONE_ID,
            accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
            secretAccessKey: 'secret',
            syncTimeoutMs: 1,
            syncPollMs: 50,
          },
        },
      },
    });
    await expect(
      runAction(createDnsAction({ settings: slow, links: testLinks }), {
        name: 'slow',
        type: 'A',
        value: '192.0.2.7',
      }),
    ).rejects.toThrow(
      /Route 53 change \/change\/C\w+ is still PENDING after 1 ms/,
    );
  });

  it('goldenpath:teardown deletes only the record and marker it owns (recorded HTTP, msw)', async () => {
    const input = { name: 'practice', type: 'A', value: '192.0.2.30' };
    await action(false).handler(makeContext({ input }).ctx);
    const teardown = createTeardownAction({ settings: settings() });

    const { dry, real } = await dryRunThenRun(
      teardown,
      { name: 'practice', parts: ['dns'], recordType: 'A' },
      () => expect(fake.writes()).toHaveLength(1),
    );
    expect(dry.removed).toEqual([`practice.${ZONE} A`]);
    expect(real.removed).toEqual([`practice.${ZONE} A`]);
    expect(fake.writes()[1].body).toContain('<Action>DELETE</Action>');
    expect(fake.values(`practice.${ZONE}.`, 'A')).toEqual([]);
    expect(fake.values(`_gp-owner.practice.${ZONE}.`, 'TXT')).toEqual([]);

    await expect(
      runAction(teardown, { name: 'legacy', parts: ['dns'], recordType: 'A' }),
    ).rejects.toThrow(
      `legacy.${ZONE} A in Route 53 hosted zone ${ZONE_ID} is not owned by the golden path for 'legacy'; refusing to delete it`,
    );
    expect(fake.values(`legacy.${ZONE}.`, 'A')).toEqual(['10.0.0.1']);
    expect(fake.writes()).toHaveLength(2);
  });

  it('goldenpath:teardown of the wrong record type keeps the owned record and its marker (recorded HTTP, msw)', async () => {
    await runAction(action(false), {
      name: 'kept',
      type: 'A',
      value: '192.0.2.31',
    });
    const teardown = createTeardownAction({ settings: settings() });
    await runAction(teardown, {
      name: 'kept',
      parts: ['dns'],
      recordType: 'CNAME',
    });
    expect(fake.values(`kept.${ZONE}.`, 'A')).toEqual(['192.0.2.31']);
    expect(fake.values(`_gp-owner.kept.${ZONE}.`, 'TXT')).toHaveLength(1);
  });

  it('refuses config with an access key id but no secret (or the reverse)', () => {
    expect(() =>
      testSettings('/nonexistent', {
        goldenPaths: {
          dns: {
            route53: { hostedZoneId: ZONE_ID, accessKeyId: 'AKIAEXAMPLE' },
          },
        },
      }),
    ).toThrow(
      'goldenPaths.dns.route53 needs both accessKeyId and secretAccessKey, or neither',
    );
    expect(
      testSettings('/nonexistent', {
        goldenPaths: { dns: { route53: { hostedZoneId: ZONE_ID } } },
      }).dns.route53,
    ).toMatchObject({
      region: 'us-east-1',
      accessKeyId: undefined,
      waitForSync: true,
      syncTimeoutMs: 120000,
    });
  });
});
