import { CloudflareZone } from '../../lib/cloudflare';
import { GoldenPathsSettings } from '../../lib/config';
import { DnsProvider } from '../types';

/**
 * The `cloudflare` DNS provider: creates or overwrites the record through the
 * Cloudflare API, with the ownership marker as the record's comment.
 * @public
 */
export function createCloudflareDnsProvider(options: {
  settings: GoldenPathsSettings;
}): DnsProvider {
  const { settings } = options;
  return {
    name: 'cloudflare',
    async upsert(ctx, { service, record }) {
      const cf = settings.dns.cloudflare;
      if (!cf) {
        throw new Error(
          'goldenPaths.providers.dns is cloudflare but goldenPaths.dns.cloudflare (zoneId, apiToken) is not configured',
        );
      }
      const zoneApi = new CloudflareZone(cf);
      const link = zoneApi.link(record.fqdn);
      const plan = async () =>
        zoneApi.planUpsert(await zoneApi.records(record.fqdn), record, service);
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
        return {
          status: operations.length ? 'dry-run' : 'unchanged',
          changedFiles: [],
          link,
        };
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
      return { status: applied.status, changedFiles: [], link };
    },
    async planTeardown(ctx, { service, record }) {
      const zone = new CloudflareZone(settings.dns.cloudflare!);
      const operations = zone.planDelete(
        await zone.records(record.fqdn),
        record.fqdn,
        record.type,
        service,
      );
      const describe = (verb: string) =>
        ctx.logger.info(
          `${verb} the Cloudflare API:\n${zone.describe(operations)}`,
        );
      if (operations.length && ctx.isDryRun) describe('Dry run: would call');
      return {
        removed: operations.length ? [`${record.fqdn} ${record.type}`] : [],
        apply: async () => {
          describe('Calling');
          await ctx.checkpoint({
            key: `goldenpath.teardown.dns.cloudflare.${record.fqdn}`,
            fn: async () => {
              await zone.apply(operations);
            },
          });
        },
      };
    },
  };
}
