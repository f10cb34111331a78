import { InputError } from '@backstage/errors';
import net from 'node:net';
import yaml from 'yaml';
import { yamlHeader } from './ownership';
import { DnsRecord } from './rfc2136';

const HOST =
  /^(?=.{1,253}\.?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.?$/;

/** Checks that a value fits the record type. */
export function checkRecordValue(type: DnsRecord['type'], value: string) {
  const ok =
    (type === 'A' && net.isIPv4(value)) ||
    (type === 'AAAA' && net.isIPv6(value)) ||
    (type === 'CNAME' && HOST.test(value));
  if (!ok) {
    throw new InputError(
      `Invalid input to goldenpath:dns: value '${value}' is not a valid ${type} record value`,
    );
  }
}

/** The DNS-as-code file of one record (gitops provider). */
export function renderRecordFile(
  service: string,
  zone: string,
  record: DnsRecord,
) {
  return (
    yamlHeader(service, `DNS record ${record.fqdn}`) +
    yaml.stringify({
      zone,
      name: record.fqdn.slice(0, -(zone.length + 1)),
      fqdn: record.fqdn,
      type: record.type,
      ttl: record.ttl,
      values: [record.value],
    })
  );
}
