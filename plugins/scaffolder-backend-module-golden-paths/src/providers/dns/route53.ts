import { GoldenPathsSettings } from '../../lib/config';
import { describeChanges, Route53Zone } from '../../lib/route53';
import { DnsProvider } from '../types';

/**
 * The `route53` DNS provider: one ChangeBatch (the record and its ownership
 * TXT record) to a hosted zone, then waits for INSYNC.
 * @public
 */
export function createRoute53DnsProvider(options: {
  settings: GoldenPathsSettings;
}): DnsProvider {
  const { settings } = options;
  return {
    name: 'route53',
    async upsert(ctx, { service, record }) {
      const r53 = settings.dns.route53;
      if (!r53) {
        throw new Error(
          'goldenPaths.providers.dns is route53 but goldenPaths.dns.route53 (hostedZoneId) is not configured',
        );
      }
      const zoneApi = new Route53Zone(r53);
      const link = zoneApi.link(record.fqdn);
      const plan = async () =>
        zoneApi.planUpsert(
          await zoneApi.state(record.fqdn, service),
          record,
          service,
        );
      const inPlace = `${record.fqdn} ${record.type} ${record.value} is already in place in hosted zone ${r53.hostedZoneId}`;
      if (ctx.isDryRun) {
        const { status, changes } = await plan();
        // As rfc2136: a dry run that would change nothing says so.
        ctx.logger.info(
          changes.length
            ? `Dry run: would send ChangeResourceRecordSets to hosted zone ${
                r53.hostedZoneId
              } (${status}):\n${describeChanges(changes)}`
            : inPlace,
        );
        return {
          status: changes.length ? 'dry-run' : 'unchanged',
          changedFiles: [],
          link,
        };
      }
      const applied = await ctx.checkpoint({
        key: `goldenpath.dns.route53.${r53.hostedZoneId}.${record.fqdn}`,
        fn: async () => {
          const { status, changes } = await plan();
          if (!changes.length) {
            ctx.logger.info(inPlace);
            return { status, changeId: '' };
          }
          ctx.logger.info(
            `Sending ChangeResourceRecordSets to hosted zone ${
              r53.hostedZoneId
            }:\n${describeChanges(changes)}`,
          );
          const changeId = await zoneApi.apply(
            changes,
            `goldenpath:dns ${service} (task ${ctx.taskId})`,
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
      return { status: applied.status, changedFiles: [], link };
    },
    async planTeardown(ctx, { service, record }) {
      const zone = new Route53Zone(settings.dns.route53!);
      const changes = zone.planDelete(
        await zone.state(record.fqdn, service),
        record.fqdn,
        record.type,
        service,
      );
      const describe = (verb: string) =>
        ctx.logger.info(
          `${verb} ChangeResourceRecordSets to hosted zone ${
            zone.zoneId
          }:\n${describeChanges(changes)}`,
        );
      if (changes.length && ctx.isDryRun) describe('Dry run: would send');
      return {
        removed: changes.length ? [`${record.fqdn} ${record.type}`] : [],
        apply: async () => {
          describe('Sending');
          await ctx.checkpoint({
            key: `goldenpath.teardown.dns.route53.${record.fqdn}`,
            fn: async () => {
              await zone.apply(
                changes,
                `goldenpath:teardown ${service} (task ${ctx.taskId})`,
              );
            },
          });
        },
      };
    },
  };
}
