import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import yaml from 'yaml';
import {
  CheckpointStore,
  cloneLocal,
  makeContext,
  makeTempDir,
  testLinks,
  testSettings,
  runAction,
  useTempRoot,
  actionUnder,
} from '../__testUtils__/context';
import { itRunsEveryExample } from '../__testUtils__/examples';
import {
  requireBinary,
  startBind,
  stopProcess,
} from '../__testUtils__/servers';
import { commitToRepository } from '../lib/gitops';
import { createDnsAction } from './dns';
import { createTeardownAction } from './teardown';
import { examples } from './dns.examples';

describe('goldenpath:dns with the gitops provider (against real git)', () => {
  let root: string;
  useTempRoot(dir => (root = dir));
  const action = actionUnder(createDnsAction, () => root, {
    goldenPaths: { dns: { zone: 'apps.example.com' } },
  });

  itRunsEveryExample(examples, async input => {
    const { ctx, outputs } = makeContext({ input });
    await action().handler(ctx);
    const label = input.recordName ?? input.name;
    const file = `zones/apps.example.com/${label}.yaml`;
    const record = yaml.parse(await (await cloneLocal(root, 'dns')).read(file));
    expect(record).toEqual({
      zone: 'apps.example.com',
      name: label,
      fqdn: `${label}.apps.example.com`,
      type: input.type ?? 'CNAME',
      ttl: input.ttl ?? 300,
      values: [input.type === 'A' ? input.value : `${input.value}.`],
    });
    expect(outputs).toMatchObject({
      provider: 'gitops',
      status: 'committed',
      fqdn: `${label}.apps.example.com`,
      changedFiles: [file],
    });
  });

  it('dry-run commits nothing, a retry commits once, a foreign record is refused', async () => {
    const input = { name: 'svc', type: 'A', value: '192.0.2.1' };
    const dry = makeContext({ input, isDryRun: true });
    await action().handler(dry.ctx);
    expect(dry.outputs.status).toBe('dry-run');
    await expect(fs.stat(`${root}/git/dns.git`)).rejects.toThrow(/ENOENT/);
    const store = new CheckpointStore();
    await action().handler(makeContext({ input, checkpoints: store }).ctx);
    await action().handler(makeContext({ input, checkpoints: store }).ctx);
    const again = makeContext({ input });
    await action().handler(again.ctx);
    expect(again.outputs.status).toBe('unchanged');
    expect(await (await cloneLocal(root, 'dns')).commits()).toBe(1);

    await commitToRepository({
      settings: testSettings(root),
      repository: 'dns',
      changes: { 'zones/apps.example.com/www.yaml': 'type: A\n' },
      message: 'by hand',
      dryRun: false,
      logger: again.ctx.logger,
    });
    await expect(
      runAction(action(), { name: 'www', type: 'A', value: '192.0.2.9' }),
    ).rejects.toThrow(
      /www.yaml exists and is not managed by the golden path for 'www'/,
    );
  });

  it('rejects values that do not fit the type', async () => {
    await expect(
      runAction(action(), { name: 'svc', type: 'A', value: 'not-an-ip' }),
    ).rejects.toThrow(/value 'not-an-ip' is not a valid A record value/);
  });
});

const named = requireBinary('named', 'bind9 bind9-dnsutils');
const dnsutils = named.available
  ? requireBinary('nsupdate', 'bind9-dnsutils')
  : named;
const describeBind =
  named.available && dnsutils.available ? describe : describe.skip;

describeBind(
  'goldenpath:dns with the rfc2136 provider (against a real bind9)',
  () => {
    const zone = 'gp.test';
    let root: string;
    let bind: Awaited<ReturnType<typeof startBind>>;
    beforeAll(async () => {
      root = await makeTempDir('gp-bind');
      bind = await startBind(root, named.available ? named.path : '', zone, [
        'legacy IN A 10.0.0.1',
      ]);
    }, 30000);
    afterAll(async () => {
      await stopProcess(bind?.child);
      await fs.rm(root, { recursive: true, force: true });
    });

    const settingsWith = (keySecret = bind.keySecret) =>
      testSettings(root, {
        goldenPaths: {
          providers: { dns: 'rfc2136' },
          dns: {
            zone,
            ttl: 60,
            rfc2136: {
              server: '127.0.0.1',
              port: bind.port,
              keyName: bind.keyName,
              keySecret,
            },
          },
        },
      });
    const action = () =>
      createDnsAction({ settings: settingsWith(), links: testLinks });
    const dig = (name: string, type: string) =>
      spawnSync(
        'dig',
        ['@127.0.0.1', '-p', String(bind.port), '+short', name, type],
        {
          encoding: 'utf8',
        },
      )
        .stdout.trim()
        .split('\n')
        .filter(Boolean);

    it('dry-run sends nothing', async () => {
      const { ctx, outputs } = makeContext({
        input: { name: 'dry', type: 'A', value: '192.0.2.50' },
        isDryRun: true,
      });
      await action().handler(ctx);
      expect(outputs.status).toBe('dry-run');
      expect(dig(`dry.${zone}`, 'A')).toEqual([]);
      expect(ctx.logger.info).toHaveBeenCalledWith(
        expect.stringContaining(`update add dry.${zone}. 60 A 192.0.2.50`),
      );
    });

    it('creates the record with its owner marker; a retry and a repeat do not duplicate', async () => {
      const store = new CheckpointStore();
      const input = { name: 'payments-api', type: 'A', value: '192.0.2.10' };
      const first = makeContext({ input, checkpoints: store });
      await action().handler(first.ctx);
      expect(first.outputs.status).toBe('created');
      expect(dig(`payments-api.${zone}`, 'A')).toEqual(['192.0.2.10']);
      expect(dig(`_gp-owner.payments-api.${zone}`, 'TXT')).toEqual([
        '"onramp-golden-paths: owner=payments-api;"',
      ]);
      await action().handler(makeContext({ input, checkpoints: store }).ctx);
      const again = makeContext({ input });
      await action().handler(again.ctx);
      expect(again.outputs.status).toBe('unchanged');
      expect(dig(`payments-api.${zone}`, 'A')).toEqual(['192.0.2.10']);

      const moved = makeContext({ input: { ...input, value: '192.0.2.11' } });
      await action().handler(moved.ctx);
      expect(moved.outputs.status).toBe('updated');
      expect(dig(`payments-api.${zone}`, 'A')).toEqual(['192.0.2.11']);
    }, 30000);

    it('refuses to change a record it does not own', async () => {
      await expect(
        runAction(action(), { name: 'legacy', type: 'A', value: '192.0.2.99' }),
      ).rejects.toThrow(
        /legacy.gp.test already has records \(10.0.0.1\) that the golden path for 'legacy' does not own/,
      );
      expect(dig(`legacy.${zone}`, 'A')).toEqual(['10.0.0.1']);
    });

    it('fails clearly with a wrong TSIG key and changes nothing', async () => {
      const wrong = Buffer.alloc(32, 7).toString('base64');
      await expect(
        createDnsAction({
          settings: settingsWith(wrong),
          links: testLinks,
        }).handler(
          makeContext({
            input: { name: 'wrongkey', type: 'A', value: '192.0.2.20' },
          }).ctx,
        ),
      ).rejects.toThrow(/nsupdate failed: .*(tsig|NOTAUTH|BADSIG|BADKEY)/i);
      expect(dig(`wrongkey.${zone}`, 'A')).toEqual([]);
    });

    it('goldenpath:teardown deletes the owned record and its marker, and refuses foreign ones', async () => {
      const input = { name: 'practice', type: 'A', value: '192.0.2.30' };
      await action().handler(makeContext({ input }).ctx);
      expect(dig(`practice.${zone}`, 'A')).toEqual(['192.0.2.30']);
      const teardown = createTeardownAction({ settings: settingsWith() });
      const { ctx, outputs } = makeContext({
        input: { name: 'practice', parts: ['dns'], recordType: 'A' },
      });
      await teardown.handler(ctx);
      expect(outputs.removed).toEqual([`practice.${zone} A`]);
      expect(dig(`practice.${zone}`, 'A')).toEqual([]);
      expect(dig(`_gp-owner.practice.${zone}`, 'TXT')).toEqual([]);
      await expect(
        runAction(teardown, {
          name: 'legacy',
          parts: ['dns'],
          recordType: 'A',
        }),
      ).rejects.toThrow(/legacy.gp.test A is not owned by the golden path/);
      expect(dig(`legacy.${zone}`, 'A')).toEqual(['10.0.0.1']);
    });
  },
);
