import { http, HttpResponse } from 'msw';

/**
 * A Route 53 hosted zone served over msw in Route 53's REST/XML wire format
 * (request and response shapes of the 2013-04-01 API, written from the API
 * reference and what @aws-sdk/client-route-53 parses, not captured from a
 * live AWS account): it lists
 * record sets in Route 53's order (reversed labels), applies ChangeBatches
 * atomically with CREATE/DELETE/UPSERT semantics, and answers GetChange
 * PENDING then INSYNC. Every request is kept in `requests`.
 */
export class FakeRoute53Zone {
  readonly requests: { method: string; path: string; body: string }[] = [];
  readonly sets = new Map<
    string,
    { name: string; type: string; ttl: number; values: string[] }
  >();
  /** When set, every request is answered with this error. */
  failWith?: { status: number; code: string; message: string };
  private changes = 0;
  private readonly polled = new Set<string>();

  constructor(readonly zoneId: string) {}

  static readonly NS = 'https://route53.amazonaws.com/doc/2013-04-01/';

  seed(name: string, type: string, values: string[], ttl = 300) {
    this.sets.set(`${name}|${type}`, { name, type, ttl, values });
  }

  values(name: string, type: string) {
    return this.sets.get(`${name}|${type}`)?.values ?? [];
  }

  writes() {
    return this.requests.filter(r => r.method === 'POST');
  }

  handlers() {
    return [
      http.all(
        /^https:\/\/route53\.amazonaws\.com\/2013-04-01\//,
        async ({ request }) => {
          const url = new URL(request.url);
          const body = await request.text();
          this.requests.push({
            method: request.method,
            path: url.pathname + url.search,
            body,
          });
          if (this.failWith) {
            return this.error(
              this.failWith.status,
              this.failWith.code,
              this.failWith.message,
            );
          }
          const rrset = url.pathname.match(
            /^\/2013-04-01\/hostedzone\/([^/]+)\/rrset\/?$/,
          );
          if (rrset && rrset[1] !== this.zoneId) {
            return this.error(
              404,
              'NoSuchHostedZone',
              `No hosted zone found with ID: ${rrset[1]}`,
            );
          }
          if (rrset && request.method === 'GET') return this.list(url);
          if (rrset && request.method === 'POST') return this.change(body);
          const change = url.pathname.match(/^\/2013-04-01\/change\/([^/]+)$/);
          if (change && request.method === 'GET') {
            const id = change[1];
            const status = this.polled.has(id) ? 'INSYNC' : 'PENDING';
            this.polled.add(id);
            return this.xml(
              `<GetChangeResponse xmlns="${FakeRoute53Zone.NS}"><ChangeInfo><Id>/change/${id}</Id><Status>${status}</Status><SubmittedAt>2026-09-01T10:00:00.000Z</SubmittedAt></ChangeInfo></GetChangeResponse>`,
            );
          }
          return this.error(404, 'UnknownOperation', url.pathname);
        },
      ),
    ];
  }

  private xml(body: string, status = 200) {
    return new HttpResponse(`<?xml version="1.0"?>\n${body}`, {
      status,
      headers: {
        'content-type': 'text/xml',
        'x-amzn-requestid': 'c4b3e2a1-0000-4000-8000-000000000000',
      },
    });
  }

  private error(status: number, code: string, message: string) {
    return this.xml(
      `<ErrorResponse xmlns="${FakeRoute53Zone.NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>c4b3e2a1-0000-4000-8000-000000000000</RequestId></ErrorResponse>`,
      status,
    );
  }

  private static order(name: string, type: string) {
    return `${name.replace(/\.$/, '').split('.').reverse().join('.')} ${type}`;
  }

  private list(url: URL) {
    const start = FakeRoute53Zone.order(
      url.searchParams.get('name') ?? '',
      url.searchParams.get('type') ?? '',
    );
    const max = Number(url.searchParams.get('maxitems') ?? 100);
    const all = [...this.sets.values()]
      .map(s => ({ s, key: FakeRoute53Zone.order(s.name, s.type) }))
      .filter(x => x.key >= start)
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map(x => x.s);
    const page = all.slice(0, max);
    const next = all[max];
    const sets = page
      .map(
        s =>
          `<ResourceRecordSet><Name>${s.name}</Name><Type>${
            s.type
          }</Type><TTL>${s.ttl}</TTL><ResourceRecords>${s.values
            .map(
              v =>
                `<ResourceRecord><Value>${escape(v)}</Value></ResourceRecord>`,
            )
            .join('')}</ResourceRecords></ResourceRecordSet>`,
      )
      .join('');
    return this.xml(
      `<ListResourceRecordSetsResponse xmlns="${
        FakeRoute53Zone.NS
      }"><ResourceRecordSets>${sets}</ResourceRecordSets><IsTruncated>${Boolean(
        next,
      )}</IsTruncated>${
        next
          ? `<NextRecordName>${next.name}</NextRecordName><NextRecordType>${next.type}</NextRecordType>`
          : ''
      }<MaxItems>${max}</MaxItems></ListResourceRecordSetsResponse>`,
    );
  }

  private change(body: string) {
    const changes = [...body.matchAll(/<Change>([\s\S]*?)<\/Change>/g)].map(
      m => {
        const tag = (t: string) =>
          unescape(m[1].match(new RegExp(`<${t}>([\\s\\S]*?)</${t}>`))![1]);
        return {
          action: tag('Action'),
          name: tag('Name'),
          type: tag('Type'),
          ttl: Number(tag('TTL')),
          values: [...m[1].matchAll(/<Value>([\s\S]*?)<\/Value>/g)].map(v =>
            unescape(v[1]),
          ),
        };
      },
    );
    const next = new Map(this.sets);
    for (const c of changes) {
      const key = `${c.name}|${c.type}`;
      const current = next.get(key);
      if (c.action === 'CREATE' && current) {
        return this.error(
          400,
          'InvalidChangeBatch',
          `[Tried to create resource record set [name='${c.name}', type='${c.type}'] but it already exists]`,
        );
      }
      if (
        c.action === 'DELETE' &&
        (!current ||
          current.ttl !== c.ttl ||
          current.values.join() !== c.values.join())
      ) {
        return this.error(
          400,
          'InvalidChangeBatch',
          `[Tried to delete resource record set [name='${c.name}', type='${c.type}'] but the values provided do not match the current values]`,
        );
      }
      if (c.action === 'DELETE') next.delete(key);
      else
        next.set(key, {
          name: c.name,
          type: c.type,
          ttl: c.ttl,
          values: c.values,
        });
    }
    this.sets.clear();
    next.forEach((v, k) => this.sets.set(k, v));
    this.changes += 1;
    return this.xml(
      `<ChangeResourceRecordSetsResponse xmlns="${FakeRoute53Zone.NS}"><ChangeInfo><Id>/change/C0000000000000${this.changes}</Id><Status>PENDING</Status><SubmittedAt>2026-09-01T10:00:00.000Z</SubmittedAt><Comment>goldenpath</Comment></ChangeInfo></ChangeResourceRecordSetsResponse>`,
    );
  }
}

function escape(value: string) {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function unescape(value: string) {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
