import { NotAllowedError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Rfc2136Settings } from './config';
import { tempDir } from './git';
import { ownershipMarker } from './ownership';

/**
 * A DNS record the action manages.
 *
 * @public
 */
export interface DnsRecord {
  fqdn: string;
  type: 'A' | 'AAAA' | 'CNAME';
  ttl: number;
  value: string;
}

function run(binary: string, args: string[], input?: string) {
  return new Promise<string>((resolve, reject) => {
    const child = execFile(
      binary,
      args,
      { timeout: 30000 },
      (error, stdout, stderr) => {
        if (error && (error as any).code === 'ENOENT') {
          reject(
            new Error(
              `The rfc2136 DNS provider needs '${binary}' (Debian package bind9-dnsutils)`,
            ),
          );
        } else if (error) {
          reject(
            new Error(
              `${binary} failed: ${(stderr || stdout || error.message).trim()}`,
            ),
          );
        } else {
          resolve(stdout);
        }
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The TXT record that marks a name as owned by the golden path. */
export function ownerRecordName(fqdn: string) {
  return `_gp-owner.${fqdn}`;
}

function normalize(type: string, value: string) {
  return type === 'CNAME' ? value.replace(/\.?$/, '.').toLowerCase() : value;
}

/** Asks the authoritative server (no recursion) for a record set. */
export async function queryRecords(
  settings: Rfc2136Settings,
  fqdn: string,
  type: string,
): Promise<string[]> {
  const out = await run('dig', [
    `@${settings.server}`,
    '-p',
    String(settings.port),
    '+short',
    '+norecurse',
    '+time=3',
    '+tries=2',
    fqdn,
    type,
  ]);
  return out
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !l.startsWith(';'))
    .sort();
}

/** What the authoritative server holds for the record and its owner marker. */
export async function currentState(
  settings: Rfc2136Settings,
  record: DnsRecord,
  service: string,
) {
  const values = await queryRecords(settings, record.fqdn, record.type);
  // A CNAME excludes other data at the name: look for one in every case.
  const cname =
    record.type === 'CNAME'
      ? values
      : await queryRecords(settings, record.fqdn, 'CNAME');
  const owner = await queryRecords(
    settings,
    ownerRecordName(record.fqdn),
    'TXT',
  );
  const owned = owner.some(v => v.includes(ownershipMarker(service)));
  return {
    values:
      record.type === 'CNAME' ? values : values.filter(v => !cname.includes(v)),
    cname,
    owned,
  };
}

/** Sends one signed update (nsupdate -k) and returns nothing or throws. */
export async function sendUpdate(
  settings: Rfc2136Settings,
  zone: string,
  lines: string[],
) {
  const scratch = await tempDir('gp-nsupdate');
  try {
    const keyFile = path.join(scratch.dir, 'tsig.key');
    await fs.writeFile(
      keyFile,
      `key "${settings.keyName}" {\n  algorithm ${settings.keyAlgorithm};\n  secret "${settings.keySecret}";\n};\n`,
      { mode: 0o600 },
    );
    const script = [
      `server ${settings.server} ${settings.port}`,
      `zone ${zone}`,
      ...lines,
      'send',
      '',
    ].join('\n');
    await run('nsupdate', ['-k', keyFile, '-t', '10'], script);
  } finally {
    await scratch.remove();
  }
}

/** The update lines that upsert the record and its owner marker. */
export function upsertLines(
  record: DnsRecord,
  service: string,
  existed: boolean,
) {
  const owner = ownerRecordName(record.fqdn);
  const marker = `"${ownershipMarker(service)}"`;
  return [
    existed
      ? `prereq yxrrset ${owner}. TXT ${marker}`
      : `prereq nxdomain ${record.fqdn}.`,
    `update delete ${record.fqdn}. ${record.type}`,
    `update add ${record.fqdn}. ${record.ttl} ${record.type} ${record.value}`,
    `update delete ${owner}. TXT`,
    `update add ${owner}. ${record.ttl} TXT ${marker}`,
  ];
}

/** The update lines that delete the record and its marker (only when owned). */
export function deleteLines(
  record: Pick<DnsRecord, 'fqdn' | 'type'>,
  service: string,
) {
  const owner = ownerRecordName(record.fqdn);
  return [
    `prereq yxrrset ${owner}. TXT "${ownershipMarker(service)}"`,
    `update delete ${record.fqdn}. ${record.type}`,
    `update delete ${owner}. TXT`,
  ];
}

/** Upserts a record the golden path owns; refuses records someone else made. */
export async function upsertRecord(
  settings: Rfc2136Settings,
  zone: string,
  record: DnsRecord,
  service: string,
  dryRun: boolean,
  log: (message: string) => void,
): Promise<'created' | 'updated' | 'unchanged' | 'dry-run'> {
  const state = await currentState(settings, record, service);
  const present = state.values.length > 0 || state.cname.length > 0;
  if (present && !state.owned) {
    throw new NotAllowedError(
      `${record.fqdn} already has records (${[
        ...state.values,
        ...state.cname,
      ].join(
        ', ',
      )}) that the golden path for '${service}' does not own (no ${ownerRecordName(
        record.fqdn,
      )} TXT marker); refusing to change them`,
    );
  }
  const desired = normalize(record.type, record.value);
  if (
    state.owned &&
    state.values.length === 1 &&
    normalize(record.type, state.values[0]) === desired
  ) {
    log(
      `${record.fqdn} ${record.type} ${record.value} is already in place at ${settings.server}:${settings.port}`,
    );
    return 'unchanged';
  }
  const lines = upsertLines(record, service, state.owned);
  if (dryRun) {
    log(
      `Dry run: would send to ${settings.server}:${
        settings.port
      } (zone ${zone}, key ${settings.keyName}):\n${lines.join('\n')}`,
    );
    return 'dry-run';
  }
  await sendUpdate(settings, zone, lines);
  return state.owned ? 'updated' : 'created';
}

/** Confirms the authoritative server answers with the record. */
export async function confirmRecord(
  settings: Rfc2136Settings,
  record: DnsRecord,
) {
  const values = await queryRecords(settings, record.fqdn, record.type);
  if (
    values.map(v => normalize(record.type, v)).join() !==
    normalize(record.type, record.value)
  ) {
    throw new Error(
      `${settings.server}:${settings.port} answers ${record.fqdn} ${
        record.type
      } with [${values.join(', ')}], expected ${record.value}`,
    );
  }
}
