import { GoldenPathsSettings } from '../../lib/config';
import { renderRecordFile } from '../../lib/dnsRecord';
import { LinkBuilder } from '../../lib/links';
import { gitopsCommit, gitopsTeardown } from '../gitopsSteps';
import { DnsProvider } from '../types';

/**
 * The `gitops` DNS provider: commits the record as a YAML file to the
 * DNS-as-code repository (`goldenPaths.dns.repository`), for external-dns
 * or a zone build to apply.
 * @public
 */
export function createGitopsDnsProvider(options: {
  settings: GoldenPathsSettings;
  links: LinkBuilder;
}): DnsProvider {
  const { settings, links } = options;
  const { dns } = settings;
  const recordFile = (label: string) => `${dns.path}/${dns.zone}/${label}.yaml`;
  return {
    name: 'gitops',
    async upsert(ctx, { service, zone, label, record }) {
      const file = recordFile(label);
      const { result, changed, status } = await gitopsCommit(ctx, settings, {
        service,
        repository: dns.repository,
        changes: { [file]: renderRecordFile(service, zone, record) },
        message: `DNS: ${record.fqdn} ${record.type} ${record.value}`,
        checkpointKey: `goldenpath.dns.gitops.${record.fqdn}`,
      });
      return {
        status,
        changedFiles: changed,
        link: await links(dns.repository, result.branch, file),
      };
    },
    planTeardown(ctx, { service, recordLabel }) {
      return gitopsTeardown(ctx, settings, {
        part: 'dns',
        service,
        repository: dns.repository,
        files: [recordFile(recordLabel)],
      });
    },
  };
}
