import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkRecordValue } from '../lib/dnsRecord';
import { parseInput, serviceName, Z } from '../lib/input';
import { DnsRecord } from '../lib/rfc2136';
import { defaultProviders } from '../providers/builtIn';
import { providerContext } from '../providers/context';
import { DnsProvider } from '../providers/types';
import {
  OneProviderActionOptions,
  providerActionSchema,
} from './providerAction';
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
 * `goldenpath:dns`: upserts a DNS record for a service through the configured
 * {@link DnsProvider}, only ever touching records the golden path owns.
 * @public
 */
export function createDnsAction(
  options: OneProviderActionOptions<DnsProvider>,
) {
  const { settings } = options;
  const provider = options.provider ?? defaultProviders(options).dns;
  return createTemplateAction({
    id: 'goldenpath:dns',
    description:
      'Upserts a DNS record <recordName>.<goldenPaths.dns.zone>. gitops commits it to the DNS-as-code repository; rfc2136 sends a TSIG-signed dynamic update with an ownership TXT record and confirms it by querying the authoritative server; route53 sends one ChangeBatch (record and ownership TXT) to a hosted zone and waits for INSYNC; cloudflare creates or overwrites the record through the Cloudflare API with an ownership comment. Records the golden path does not own are never changed.',
    examples,
    ...providerActionSchema(inputFields, {
      status: z =>
        z
          .enum(['created', 'updated', 'unchanged', 'committed', 'dry-run'])
          .describe('What happened to the record'),
      fqdn: z => z.string().describe('The fully qualified record name'),
      changedFiles: z =>
        z.array(z.string()).describe('Files changed (gitops provider)'),
      link: z => z.string().describe('Link to the record'),
    }),
    async handler(ctx) {
      const input = parseInput('goldenpath:dns', inputFields, ctx.input);
      checkRecordValue(input.type, input.value);
      const { zone } = settings.dns;
      const label = input.recordName ?? input.name;
      const record: DnsRecord = {
        fqdn: `${label}.${zone}`,
        type: input.type,
        ttl: input.ttl ?? settings.dns.ttl,
        value:
          input.type === 'CNAME'
            ? input.value.replace(/\.?$/, '.')
            : input.value,
      };
      ctx.output('provider', provider.name);
      ctx.output('fqdn', record.fqdn);
      const result = await provider.upsert(providerContext(ctx), {
        service: input.name,
        zone,
        label,
        record,
      });
      ctx.output('changedFiles', result.changedFiles);
      ctx.output('link', result.link);
      ctx.output('status', result.status);
    },
  });
}
