import {
  Change,
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { NotAllowedError } from '@backstage/errors';
import { Route53Settings } from './config';
import { ownershipMarker } from './ownership';
import { DnsRecord, ownerRecordName } from './rfc2136';

/** The record types goldenpath:dns manages. */
const ADDRESS_TYPES = ['A', 'AAAA', 'CNAME'];

const absolute = (name: string) => `${name.replace(/\.$/, '')}.`.toLowerCase();

const normalize = (type: string, value: string) =>
  type === 'CNAME' ? absolute(value) : value.toLowerCase();

/** The quoted TXT value of the ownership marker. */
export const ownerTxtValue = (service: string) =>
  `"${ownershipMarker(service)}"`;

/** A readable failure carrying AWS's error code, message and HTTP status. */
function awsError(operation: string, zoneId: string, error: any): Error {
  const status = error?.$metadata?.httpStatusCode;
  const code = error?.Code ?? error?.name ?? 'Error';
  return new Error(
    `Route 53 ${operation} on hosted zone ${zoneId} failed: ${code}: ${
      error?.message ?? String(error)
    }${status ? ` (HTTP ${status})` : ''}`,
    { cause: error },
  );
}

/** What the hosted zone holds at a record's name and at its marker name. */
export interface Route53State {
  /** Record sets at the record's name (any type). */
  sets: ResourceRecordSet[];
  /** The TXT record set at the marker name, if any. */
  ownerSet?: ResourceRecordSet;
  /** True when the marker names this service. */
  owned: boolean;
}

/** The change a call would make; `changes` is empty when nothing is needed. */
export interface Route53Plan {
  status: 'created' | 'updated' | 'unchanged';
  changes: Change[];
}

/** A Route 53 hosted zone, seen through the ownership rules of the golden path. */
export class Route53Zone {
  private readonly client: Route53Client;

  constructor(
    private readonly settings: Route53Settings,
    client?: Route53Client,
  ) {
    this.client =
      client ??
      new Route53Client({
        region: settings.region,
        maxAttempts: 3,
        // Without keys in config the SDK's default provider chain is used
        // (environment, shared config, web identity, ECS/EC2 roles).
        credentials:
          settings.accessKeyId && settings.secretAccessKey
            ? {
                accessKeyId: settings.accessKeyId,
                secretAccessKey: settings.secretAccessKey,
                sessionToken: settings.sessionToken,
              }
            : undefined,
      });
  }

  get zoneId() {
    return this.settings.hostedZoneId;
  }

  /** A link to the record in the AWS console. */
  link(fqdn: string) {
    const zone = this.settings.hostedZoneId.replace(/^\/?hostedzone\//, '');
    return `https://console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/${zone}?name=${encodeURIComponent(
      fqdn,
    )}`;
  }

  /** All record sets named exactly `name` (ListResourceRecordSets, paginated). */
  async recordSets(name: string): Promise<ResourceRecordSet[]> {
    const wanted = absolute(name);
    const found: ResourceRecordSet[] = [];
    let startType: string | undefined;
    for (;;) {
      let page;
      try {
        page = await this.client.send(
          new ListResourceRecordSetsCommand({
            HostedZoneId: this.settings.hostedZoneId,
            StartRecordName: wanted,
            StartRecordType: startType as any,
            MaxItems: 20,
          }),
        );
      } catch (error) {
        throw awsError('ListResourceRecordSets', this.zoneId, error);
      }
      const sets = page.ResourceRecordSets ?? [];
      found.push(...sets.filter(s => absolute(s.Name ?? '') === wanted));
      if (
        !page.IsTruncated ||
        absolute(page.NextRecordName ?? '') !== wanted ||
        !page.NextRecordType
      ) {
        return found;
      }
      startType = page.NextRecordType;
    }
  }

  /** Reads the record's name and its ownership marker. */
  async state(fqdn: string, service: string): Promise<Route53State> {
    const sets = await this.recordSets(fqdn);
    const ownerSet = (await this.recordSets(ownerRecordName(fqdn))).find(
      s => s.Type === 'TXT',
    );
    const owned = Boolean(
      ownerSet?.ResourceRecords?.some(r => r.Value === ownerTxtValue(service)),
    );
    return { sets, ownerSet, owned };
  }

  /**
   * The ChangeBatch that makes the record what we want, or a refusal when the
   * name holds records (or a marker) the golden path for `service` does not own.
   */
  planUpsert(
    state: Route53State,
    record: DnsRecord,
    service: string,
  ): Route53Plan {
    const fqdn = absolute(record.fqdn);
    const ownerName = absolute(ownerRecordName(record.fqdn));
    // A CNAME cannot share its name with other data; other types only clash
    // with a CNAME or with a set of their own type.
    const clashing = state.sets.filter(
      s =>
        record.type === 'CNAME' || s.Type === record.type || s.Type === 'CNAME',
    );
    const describe = (sets: ResourceRecordSet[]) =>
      sets
        .map(
          s =>
            `${s.Type} ${
              s.AliasTarget
                ? `alias ${s.AliasTarget.DNSName}`
                : (s.ResourceRecords ?? []).map(r => r.Value).join(' ')
            }`,
        )
        .join(', ');
    if (!state.owned && (clashing.length > 0 || state.ownerSet)) {
      throw new NotAllowedError(
        `${record.fqdn} already has records (${describe([
          ...clashing,
          ...(state.ownerSet ? [state.ownerSet] : []),
        ])}) in Route 53 hosted zone ${
          this.zoneId
        } that the golden path for '${service}' does not own (no ${ownerRecordName(
          record.fqdn,
        )} TXT ${ownerTxtValue(service)}); refusing to change them`,
      );
    }
    const desired: ResourceRecordSet = {
      Name: fqdn,
      Type: record.type,
      TTL: record.ttl,
      ResourceRecords: [{ Value: record.value }],
    };
    const marker: ResourceRecordSet = {
      Name: ownerName,
      Type: 'TXT',
      TTL: record.ttl,
      ResourceRecords: [{ Value: ownerTxtValue(service) }],
    };
    if (!state.owned) {
      // CREATE fails the whole batch if someone created either name meanwhile.
      return {
        status: 'created',
        changes: [
          { Action: 'CREATE', ResourceRecordSet: desired },
          { Action: 'CREATE', ResourceRecordSet: marker },
        ],
      };
    }
    const current = state.sets.find(s => s.Type === record.type);
    const others = clashing.filter(
      s => s.Type !== record.type && ADDRESS_TYPES.includes(s.Type ?? ''),
    );
    if (
      current &&
      !current.AliasTarget &&
      current.TTL === record.ttl &&
      current.ResourceRecords?.length === 1 &&
      normalize(record.type, current.ResourceRecords[0].Value ?? '') ===
        normalize(record.type, record.value) &&
      others.length === 0
    ) {
      return { status: 'unchanged', changes: [] };
    }
    return {
      status: 'updated',
      changes: [
        // An owned record of another type at the name (A -> CNAME) goes first.
        ...others.map(s => ({
          Action: 'DELETE' as const,
          ResourceRecordSet: s,
        })),
        { Action: 'UPSERT', ResourceRecordSet: desired },
        { Action: 'UPSERT', ResourceRecordSet: marker },
      ],
    };
  }

  /**
   * The ChangeBatch that deletes the record of `type` and the marker, only
   * when the marker names `service`. Empty when there is nothing to delete.
   */
  planDelete(
    state: Route53State,
    fqdn: string,
    type: DnsRecord['type'],
    service: string,
  ): Change[] {
    const target = state.sets.filter(s => s.Type === type);
    if (!state.owned) {
      if (target.length > 0) {
        throw new NotAllowedError(
          `${fqdn} ${type} in Route 53 hosted zone ${this.zoneId} is not owned by the golden path for '${service}'; refusing to delete it`,
        );
      }
      return [];
    }
    // DELETE needs the exact current sets; Route 53 rejects the batch if they
    // changed meanwhile. The marker goes only with the last record at the
    // name: a teardown of the wrong type must not leave a record unowned.
    const remaining = state.sets.filter(s => s.Type !== type);
    return [...target, ...(remaining.length ? [] : [state.ownerSet!])].map(
      s => ({
        Action: 'DELETE' as const,
        ResourceRecordSet: s,
      }),
    );
  }

  /** Sends one ChangeBatch; returns the change id. */
  async apply(changes: Change[], comment: string): Promise<string> {
    try {
      const result = await this.client.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: this.settings.hostedZoneId,
          ChangeBatch: { Comment: comment, Changes: changes },
        }),
      );
      return result.ChangeInfo?.Id ?? '';
    } catch (error) {
      throw awsError('ChangeResourceRecordSets', this.zoneId, error);
    }
  }

  /** Polls GetChange until the change is INSYNC or the timeout passes. */
  async waitInSync(changeId: string): Promise<void> {
    const deadline = Date.now() + this.settings.syncTimeoutMs;
    for (;;) {
      let status: string | undefined;
      try {
        const result = await this.client.send(
          new GetChangeCommand({ Id: changeId }),
        );
        status = result.ChangeInfo?.Status;
      } catch (error) {
        throw awsError('GetChange', this.zoneId, error);
      }
      if (status === 'INSYNC') return;
      if (Date.now() + this.settings.syncPollMs > deadline) {
        throw new Error(
          `Route 53 change ${changeId} is still ${status} after ${this.settings.syncTimeoutMs} ms (goldenPaths.dns.route53.syncTimeoutMs); the change was accepted and will apply, re-run the task to wait again`,
        );
      }
      await new Promise(r => setTimeout(r, this.settings.syncPollMs));
    }
  }
}

/** The ChangeBatch as it is logged (dry-run and real run). */
export function describeChanges(changes: Change[]) {
  return JSON.stringify({ Changes: changes }, null, 2);
}
