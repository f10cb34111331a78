import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GoldenPathsSettings } from '../lib/config';
import { checkRecordValue, renderRecordFile } from '../lib/dnsRecord';
import { asJson, commitToRepository, GitOpsResult } from '../lib/gitops';
import { parseInput, serviceName, Z } from '../lib/input';
import { LinkBuilder } from '../lib/links';
import { ownedGuard } from '../lib/ownership';
import { confirmRecord, DnsRecord, upsertRecord } from '../lib/rfc2136';
import { describeChanges, Route53Zone } from '../lib/route53';
import { CloudflareZone } from '../lib/cloudflare';
import { examples } from './dns.examples';

const inputFields = {
  name: serviceName,
  recordName: (z: Z) =>
    z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/)
      .optional()
      .describe('Label of the record in the zone (default: the service name)'),
  type: (z: Z) =>
    z.enum(['A', 'AAAA', 'CNAME']).default('CNAME').describe('Record type'),
  value: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'An IPv4 address (A), IPv6 address (AAAA) or host name (CNAME)',
      ),
  ttl: (z: Z) =>
    z
      .number()
      .int()
      .min(30)
      .max(86400)
      .optional()
      .describe('TTL in seconds (default goldenPaths.dns.ttl, 300)'),
};

/**
 * `goldenpath:dns`: upserts a DNS record for a service, only ever touching
 * records the golden path owns.
 * @public
 */
export function createDnsAction(options: {
  settings: GoldenPathsSettings;
  links: LinkBuilder;
}) {
  const { settings, links } = options;
  return createTemplateAction({
    id: 'goldenpath:dns',
    description:
      'Upserts a DNS record <recordName>.<goldenPaths.dns.zone>. gitops commits it to the DNS-as-code repository; rfc2136 sends a TSIG-signed dynamic update with an ownership TXT record and confirms it by querying the authoritative server; route53 sends one ChangeBatch (record and ownership TXT) to a hosted zone and waits for INSYNC; cloudflare creates or overwrites the record through the Cloudflare API with an ownership comment. Records the golden path does not own are never changed.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        provider: z => z.string().describe('The provider that ran'),
        status: z =>
          z
            .enum(['created', 'updated', 'unchanged', 'committed', 'dry-run'])
            .describe('What happened to the record'),
        fqdn: z => z.string().describe('The fully qualified record name'),
        changedFiles: z =>
          z.array(z.string()).describe('Files changed (gitops provider)'),
        link: z => z.string().describe('Link to the record'),
      },
    },
    async handler(ctx) {
      const input = parseInput('goldenpath:dns', inputFields, ctx.input);
      checkRecordValue(input.type, input.value);
      const { zone } = settings.dns;
      const record: DnsRecord = {
        fqdn: `${input.recordName ?? input.name}.${zone}`,
        type: input.type,
        ttl: input.ttl ?? settings.dns.ttl,
        value:
          input.type === 'CNAME'
            ? input.value.replace(/\.?$/, '.')
            : input.value,
      };
      ctx.output('provider', settings.dns.provider);
      ctx.output('fqdn', record.fqdn);

      if (settings.dns.provider === 'gitops') {
        const file = `${settings.dns.path}/${zone}/${
          input.recordName ?? input.name
        }.yaml`;
        const run = (dryRun: boolean) =>
          commitToRepository({
            settings,
            repository: settings.dns.repository,
            changes: { [file]: renderRecordFile(input.name, zone, record) },
            message: `DNS: ${record.fqdn} ${record.type} ${record.value}`,
            dryRun,
            logger: ctx.logger,
            guard: ownedGuard(input.name),
          });
        const result: GitOpsResult = ctx.isDryRun
          ? await run(true)
          : await ctx.checkpoint({
              key: `goldenpath.dns.gitops.${record.fqdn}`,
              fn: async () => asJson(await run(false)),
            });
        const changed = [
          ...result.added,
          ...result.modified,
          ...result.deleted,
        ];
        ctx.output('changedFiles', changed);
        ctx.output(
          'link',
          await links(settings.dns.repository, result.branch, file),
        );
        let status: 'committed' | 'unchanged' | 'dry-run' = 'unchanged';
        if (ctx.isDryRun) status = 'dry-run';
        else if (changed.length) status = 'committed';
        ctx.output('status', status);
        return;
      }

      if (settings.dns.provider === 'route53') {
        const r53 = settings.dns.route53;
        if (!r53) {
          throw new Error(
            'goldenPaths.providers.dns is route53 but goldenPaths.dns.route53 (hostedZoneId) is not configured',
          );
        }
        const zoneApi = new Route53Zone(r53);
        ctx.output('changedFiles', []);
        ctx.output('link', zoneApi.link(record.fqdn));
        const plan = async () =>
          zoneApi.planUpsert(
            await zoneApi.state(record.fqdn, input.name),
            record,
            input.name,
          );
        if (ctx.isDryRun) {
          const { status, changes } = await plan();
          // As rfc2136: a dry run that would change nothing says so.
          ctx.logger.info(
            changes.length
              ? `Dry run: would send ChangeResourceRecordSets to hosted zone ${
                  r53.hostedZoneId
                } (${status}):\n${describeChanges(changes)}`
              : `${record.fqdn} ${record.type} ${record.value} is already in place in hosted zone ${r53.hostedZoneId}`,
          );
          ctx.output('status', changes.length ? 'dry-run' : 'unchanged');
          return;
        }
        const applied = await ctx.checkpoint({
          key: `goldenpath.dns.route53.${r53.hostedZoneId}.${record.fqdn}`,
          fn: async () => {
            const { status, changes } = await plan();
            if (!changes.length) {
              ctx.logger.info(
                `${record.fqdn} ${record.type} ${record.value} is already in place in hosted zone ${r53.hostedZoneId}`,
              );
              return { status, changeId: '' };
            }
            ctx.logger.info(
              `Sending ChangeResourceRecordSets to hosted zone ${
                r53.hostedZoneId
              }:\n${describeChanges(changes)}`,
            );
            const changeId = await zoneApi.apply(
              changes,
              `goldenpath:dns ${input.name} (task ${ctx.task.id})`,
            );
            ctx.logger.info(`Route 53 accepted change ${changeId} (${status})`);
            return { status, changeId };
          },
        });
        if (applied.changeId && r53.waitForSync) {
          await ctx.checkpoint({
            key: `goldenpath.dns.route53.sync.${applied.changeId}`,
            fn: async () => {
              await zoneApi.waitInSync(applied.changeId);
              ctx.logger.info(`Route 53 change ${applied.changeId} is INSYNC`);
            },
          });
        }
        ctx.output('status', applied.status);
        return;
      }

      if (settings.dns.provider === 'cloudflare') {
        const cf = settings.dns.cloudflare;
        if (!cf) {
          throw new Error(
            'goldenPaths.providers.dns is cloudflare but goldenPaths.dns.cloudflare (zoneId, apiToken) is not configured',
          );
        }
        const zoneApi = new CloudflareZone(cf);
        ctx.output('changedFiles', []);
        ctx.output('link', zoneApi.link(record.fqdn));
        const plan = async () =>
          zoneApi.planUpsert(
            await zoneApi.records(record.fqdn),
            record,
            input.name,
          );
        const inPlace = `${record.fqdn} ${record.type} ${record.value} is already in place in Cloudflare zone ${cf.zoneId}`;
        if (ctx.isDryRun) {
          const { status, operations } = await plan();
          ctx.logger.info(
            operations.length
              ? `Dry run: would call the Cloudflare API (${status}):\n${zoneApi.describe(
                  operations,
                )}`
              : inPlace,
          );
          ctx.output('status', operations.length ? 'dry-run' : 'unchanged');
          return;
        }
        const applied = await ctx.checkpoint({
          key: `goldenpath.dns.cloudflare.${cf.zoneId}.${record.fqdn}`,
          fn: async () => {
            const { status, operations } = await plan();
            if (!operations.length) {
              ctx.logger.info(inPlace);
              return { status };
            }
            ctx.logger.info(
              `Calling the Cloudflare API:\n${zoneApi.describe(operations)}`,
            );
            const id = await zoneApi.apply(operations);
            ctx.logger.info(`Cloudflare record ${id} ${status}`);
            return { status };
          },
        });
        ctx.output('status', applied.status);
        return;
      }

      const rfc = settings.dns.rfc2136;
      if (!rfc) {
        throw new Error(
          'goldenPaths.providers.dns is rfc2136 but goldenPaths.dns.rfc2136 (server, keyName, keySecret) is not configured',
        );
      }
      ctx.output('changedFiles', []);
      ctx.output(
        'link',
        `dns://${rfc.server}:${rfc.port}/${record.fqdn}?type=${record.type}`,
      );
      const log = (m: string) => ctx.logger.info(m);
      if (ctx.isDryRun) {
        ctx.output(
          'status',
          await upsertRecord(rfc, zone, record, input.name, true, log),
        );
        return;
      }
      const status = await ctx.checkpoint({
        key: `goldenpath.dns.rfc2136.${record.fqdn}`,
        fn: async () => {
          const outcome = await upsertRecord(
            rfc,
            zone,
            record,
            input.name,
            false,
            log,
          );
          await confirmRecord(rfc, record);
          log(
            `${rfc.server}:${rfc.port} answers ${record.fqdn} ${record.type} ${record.value} (${outcome})`,
          );
          return outcome;
        },
      });
      ctx.output('status', status);
    },
  });
}
