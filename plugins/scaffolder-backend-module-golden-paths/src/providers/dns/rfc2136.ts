import { NotAllowedError } from '@backstage/errors';
import { GoldenPathsSettings } from '../../lib/config';
import {
  confirmRecord,
  currentState,
  deleteLines,
  sendUpdate,
  upsertRecord,
} from '../../lib/rfc2136';
import { DnsProvider } from '../types';

/**
 * The `rfc2136` DNS provider: a TSIG-signed dynamic update with an ownership
 * TXT record, confirmed by querying the authoritative server.
 * @public
 */
export function createRfc2136DnsProvider(options: {
  settings: GoldenPathsSettings;
}): DnsProvider {
  const { settings } = options;
  return {
    name: 'rfc2136',
    async upsert(ctx, { service, zone, record }) {
      const rfc = settings.dns.rfc2136;
      if (!rfc) {
        throw new Error(
          'goldenPaths.providers.dns is rfc2136 but goldenPaths.dns.rfc2136 (server, keyName, keySecret) is not configured',
        );
      }
      const link = `dns://${rfc.server}:${rfc.port}/${record.fqdn}?type=${record.type}`;
      const log = (m: string) => ctx.logger.info(m);
      if (ctx.isDryRun) {
        const planned = await upsertRecord(
          rfc,
          zone,
          record,
          service,
          true,
          log,
        );
        return { status: planned, changedFiles: [], link };
      }
      const status = await ctx.checkpoint({
        key: `goldenpath.dns.rfc2136.${record.fqdn}`,
        fn: async () => {
          const outcome = await upsertRecord(
            rfc,
            zone,
            record,
            service,
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
      return { status, changedFiles: [], link };
    },
    async planTeardown(ctx, { service, record }) {
      const rfc = settings.dns.rfc2136!;
      const state = await currentState(rfc, record, service);
      if (state.values.length > 0 && !state.owned) {
        throw new NotAllowedError(
          `${record.fqdn} ${record.type} is not owned by the golden path for '${service}'; refusing to delete it`,
        );
      }
      const present = state.values.length > 0 || state.owned;
      return {
        removed: present ? [`${record.fqdn} ${record.type}`] : [],
        apply: async () => {
          await ctx.checkpoint({
            key: `goldenpath.teardown.dns.${record.fqdn}`,
            fn: async () => {
              await sendUpdate(
                rfc,
                settings.dns.zone,
                deleteLines(record, service),
              );
            },
          });
        },
      };
    },
  };
}
