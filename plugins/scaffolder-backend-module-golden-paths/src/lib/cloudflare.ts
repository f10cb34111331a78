import { NotAllowedError } from '@backstage/errors';
import Cloudflare from 'cloudflare';
import { CloudflareSettings } from './config';
import { ownershipMarker } from './ownership';
import { DnsRecord } from './rfc2136';

/** A DNS record as the Cloudflare API returns it (the fields we use). */
export interface CloudflareRecord {
  id: string;
  name: string;
  type: string;
  content?: string;
  ttl?: number;
  proxied?: boolean;
  comment?: string | null;
}

/** The body of a create or overwrite (POST / PUT dns_records). */
export interface CloudflareRecordBody {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME';
  content: string;
  ttl: number;
  proxied: boolean;
  comment: string;
}

/** One API call of a plan. */
export type CloudflareOperation =
  | { method: 'POST'; body: CloudflareRecordBody }
  | { method: 'PUT'; id: string; body: CloudflareRecordBody }
  | { method: 'DELETE'; id: string; was: string };

/** The calls that make the record what we want; empty when nothing is needed. */
export interface CloudflarePlan {
  status: 'created' | 'updated' | 'unchanged';
  operations: CloudflareOperation[];
}

const bare = (name: string) => name.replace(/\.$/, '').toLowerCase();

/**
 * The comment that marks a record as owned by the golden path for a service:
 * the marker alone, so it fits the 100 characters Cloudflare's free plan
 * allows for any service name (a DNS label, at most 63 characters).
 */
export const ownerComment = (service: string) => ownershipMarker(service);

const isOwned = (r: CloudflareRecord, service: string) =>
  Boolean(r.comment?.includes(ownershipMarker(service)));

const show = (r: CloudflareRecord) =>
  `${r.type} ${r.content ?? ''} (comment: ${
    r.comment ? JSON.stringify(r.comment) : 'none'
  })`;

/** A readable failure carrying Cloudflare's error codes and messages. */
function cloudflareError(operation: string, zoneId: string, error: any) {
  if (error instanceof Cloudflare.APIError && error.status) {
    const details = (error.errors ?? [])
      .map(e => `${e.code} ${e.message}`)
      .join('; ');
    return new Error(
      `Cloudflare ${operation} in zone ${zoneId} failed: HTTP ${
        error.status
      }: ${details || error.message}`,
      { cause: error },
    );
  }
  return new Error(
    `Cloudflare ${operation} in zone ${zoneId} failed: ${
      error?.message ?? String(error)
    }`,
    { cause: error },
  );
}

/** A Cloudflare zone, seen through the ownership rules of the golden path. */
export class CloudflareZone {
  private readonly client: Cloudflare;

  constructor(private readonly settings: CloudflareSettings) {
    this.client = new Cloudflare({
      apiToken: settings.apiToken,
      baseURL: settings.baseUrl,
      maxRetries: 2,
    });
  }

  get zoneId() {
    return this.settings.zoneId;
  }

  /** A link to the zone's DNS records in the Cloudflare dashboard. */
  link(fqdn: string) {
    return `https://dash.cloudflare.com/?to=/:account/:zone/dns/records&zone=${
      this.settings.zoneId
    }&name=${encodeURIComponent(fqdn)}`;
  }

  /** Every record named exactly `fqdn` (all types, all pages). */
  async records(fqdn: string): Promise<CloudflareRecord[]> {
    const found: CloudflareRecord[] = [];
    try {
      for await (const r of this.client.dns.records.list({
        zone_id: this.settings.zoneId,
        name: { exact: bare(fqdn) },
        per_page: 100,
      })) {
        const record = r as CloudflareRecord;
        if (bare(record.name) === bare(fqdn)) found.push(record);
      }
    } catch (error) {
      throw cloudflareError('list DNS records', this.zoneId, error);
    }
    return found;
  }

  /**
   * The calls that upsert the record, or a refusal when the name holds records
   * of a clashing type that the golden path for `service` does not own.
   */
  planUpsert(
    existing: CloudflareRecord[],
    record: DnsRecord,
    service: string,
  ): CloudflarePlan {
    // A CNAME cannot share its name with other data; other types only clash
    // with a CNAME or with records of their own type.
    const clashing = existing.filter(
      r =>
        record.type === 'CNAME' || r.type === record.type || r.type === 'CNAME',
    );
    const foreign = clashing.filter(r => !isOwned(r, service));
    if (foreign.length) {
      throw new NotAllowedError(
        `${bare(record.fqdn)} already has records (${foreign
          .map(show)
          .join(', ')}) in Cloudflare zone ${
          this.zoneId
        } that the golden path for '${service}' does not own (their comment lacks '${ownershipMarker(
          service,
        )}'); refusing to change them`,
      );
    }
    const proxied = this.settings.proxied;
    const body: CloudflareRecordBody = {
      name: bare(record.fqdn),
      type: record.type,
      content: record.type === 'CNAME' ? bare(record.value) : record.value,
      // Proxied records always have an automatic TTL (1).
      ttl: proxied ? 1 : record.ttl,
      proxied,
      comment: ownerComment(service),
    };
    const same = clashing.filter(r => r.type === record.type);
    const others = clashing.filter(r => r.type !== record.type);
    const [keep, ...extra] = same;
    const deletes: CloudflareOperation[] = [...others, ...extra].map(r => ({
      method: 'DELETE',
      id: r.id,
      was: `${r.type} ${r.content ?? ''}`,
    }));
    if (!keep) {
      return {
        status: deletes.length ? 'updated' : 'created',
        operations: [...deletes, { method: 'POST', body }],
      };
    }
    const equal =
      bare(keep.content ?? '') === bare(body.content) &&
      Boolean(keep.proxied) === proxied &&
      (proxied || keep.ttl === body.ttl) &&
      keep.comment === body.comment;
    if (equal && !deletes.length) {
      return { status: 'unchanged', operations: [] };
    }
    return {
      status: 'updated',
      operations: [
        ...deletes,
        ...(equal ? [] : [{ method: 'PUT' as const, id: keep.id, body }]),
      ],
    };
  }

  /**
   * The calls that delete the records of `type` at `fqdn`, or a refusal when
   * any of them is not owned by `service`.
   */
  planDelete(
    existing: CloudflareRecord[],
    fqdn: string,
    type: DnsRecord['type'],
    service: string,
  ): CloudflareOperation[] {
    const target = existing.filter(r => r.type === type);
    const foreign = target.filter(r => !isOwned(r, service));
    if (foreign.length) {
      throw new NotAllowedError(
        `${bare(fqdn)} ${type} in Cloudflare zone ${
          this.zoneId
        } is not owned by the golden path for '${service}' (${foreign
          .map(show)
          .join(', ')}); refusing to delete it`,
      );
    }
    return target.map(r => ({
      method: 'DELETE',
      id: r.id,
      was: `${r.type} ${r.content ?? ''}`,
    }));
  }

  /** Runs the calls in order; returns the id of the created or updated record. */
  async apply(operations: CloudflareOperation[]): Promise<string> {
    const zone_id = this.settings.zoneId;
    let id = '';
    for (const op of operations) {
      try {
        if (op.method === 'DELETE') {
          await this.client.dns.records.delete(op.id, { zone_id });
        } else if (op.method === 'PUT') {
          id = (
            await this.client.dns.records.update(op.id, {
              zone_id,
              ...op.body,
            })
          ).id;
        } else {
          id = (await this.client.dns.records.create({ zone_id, ...op.body }))
            .id;
        }
      } catch (error) {
        throw cloudflareError(
          `${op.method} dns_records${'id' in op ? `/${op.id}` : ''}`,
          this.zoneId,
          error,
        );
      }
    }
    return id;
  }

  /** The calls as they are logged: method, path and body. */
  describe(operations: CloudflareOperation[]) {
    const base = `/zones/${this.settings.zoneId}/dns_records`;
    return operations
      .map(op => {
        if (op.method === 'POST') {
          return `POST ${base} ${JSON.stringify(op.body)}`;
        }
        if (op.method === 'PUT') {
          return `PUT ${base}/${op.id} ${JSON.stringify(op.body)}`;
        }
        return `DELETE ${base}/${op.id} (${op.was})`;
      })
      .join('\n');
  }
}
