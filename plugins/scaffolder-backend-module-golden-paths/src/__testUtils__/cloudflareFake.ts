import { http, HttpResponse } from 'msw';

interface StoredRecord {
  id: string;
  name: string;
  type: string;
  content: string;
  ttl: number;
  proxied: boolean;
  comment: string | null;
}

const BASE = 'https://api.cloudflare.com/client/v4';

/**
 * A Cloudflare zone served over msw in the API v4 wire format (envelope
 * `{ success, errors, messages, result, result_info }` of
 * /zones/:zone_id/dns_records, written from Cloudflare's API documentation
 * and the official SDK's types, not captured from a live account): list with `name.exact` / `type` filters and
 * page numbers, create, overwrite and delete by id. A wrong bearer token is
 * answered like Cloudflare does: 403 with error 10000 "Authentication error".
 * Every request is kept in `requests`.
 */
export class FakeCloudflareZone {
  readonly requests: { method: string; path: string; body: string }[] = [];
  readonly records = new Map<string, StoredRecord>();
  private nextId = 1;

  constructor(readonly zoneId: string, readonly token: string) {}

  seed(record: Omit<StoredRecord, 'id'>) {
    const id = `seed${this.nextId++}`.padEnd(32, '0');
    this.records.set(id, { id, ...record });
  }

  find(name: string, type?: string) {
    return [...this.records.values()].filter(
      r => r.name === name && (!type || r.type === type),
    );
  }

  writes() {
    return this.requests.filter(r => r.method !== 'GET');
  }

  private envelope(result: unknown, status = 200, extra = {}) {
    return HttpResponse.json(
      { success: true, errors: [], messages: [], result, ...extra },
      { status, headers: { 'cf-ray': '8f0000000000abcd-AMS' } },
    );
  }

  private failure(status: number, code: number, message: string) {
    return HttpResponse.json(
      {
        success: false,
        errors: [{ code, message }],
        messages: [],
        result: null,
      },
      { status, headers: { 'cf-ray': '8f0000000000abcd-AMS' } },
    );
  }

  handlers() {
    const collection = `${BASE}/zones/:zone/dns_records`;
    const item = `${BASE}/zones/:zone/dns_records/:id`;
    const guard = async (
      request: Request,
      zone: string,
    ): Promise<Response | undefined> => {
      const url = new URL(request.url);
      this.requests.push({
        method: request.method,
        path: url.pathname + url.search,
        body: request.method === 'GET' ? '' : await request.clone().text(),
      });
      if (request.headers.get('authorization') !== `Bearer ${this.token}`) {
        return this.failure(403, 10000, 'Authentication error');
      }
      if (zone !== this.zoneId) {
        return this.failure(404, 7003, `Could not route to /zones/${zone}`);
      }
      return undefined;
    };
    return [
      http.get(collection, async ({ request, params }) => {
        const denied = await guard(request, String(params.zone));
        if (denied) return denied;
        const q = new URL(request.url).searchParams;
        const exact = q.get('name.exact')?.toLowerCase();
        const type = q.get('type');
        const page = Number(q.get('page') ?? 1);
        const perPage = Number(q.get('per_page') ?? 100);
        const all = [...this.records.values()].filter(
          r => (!exact || r.name === exact) && (!type || r.type === type),
        );
        const result = all
          .slice((page - 1) * perPage, page * perPage)
          .map(r => this.render(r));
        return this.envelope(result, 200, {
          result_info: {
            page,
            per_page: perPage,
            count: result.length,
            total_count: all.length,
            total_pages: Math.ceil(all.length / perPage),
          },
        });
      }),
      http.post(collection, async ({ request, params }) => {
        const denied = await guard(request, String(params.zone));
        if (denied) return denied;
        const body = (await request.json()) as any;
        const clash = [...this.records.values()].find(
          r =>
            r.name === body.name &&
            (r.type === 'CNAME' || body.type === 'CNAME') &&
            !(r.type === body.type && r.content === body.content),
        );
        if (clash) {
          return this.failure(
            400,
            81053,
            'An A, AAAA, or CNAME record with that host already exists.',
          );
        }
        const id = `rec${this.nextId++}`.padEnd(32, '0');
        const stored = this.store(id, body);
        return this.envelope(this.render(stored));
      }),
      http.put(item, async ({ request, params }) => {
        const denied = await guard(request, String(params.zone));
        if (denied) return denied;
        const id = String(params.id);
        if (!this.records.has(id)) {
          return this.failure(404, 81044, 'Record does not exist.');
        }
        const stored = this.store(id, (await request.json()) as any);
        return this.envelope(this.render(stored));
      }),
      http.delete(item, async ({ request, params }) => {
        const denied = await guard(request, String(params.zone));
        if (denied) return denied;
        const id = String(params.id);
        if (!this.records.delete(id)) {
          return this.failure(404, 81044, 'Record does not exist.');
        }
        return this.envelope({ id });
      }),
    ];
  }

  private store(id: string, body: any): StoredRecord {
    const stored: StoredRecord = {
      id,
      name: String(body.name).toLowerCase(),
      type: body.type,
      content: body.content,
      ttl: body.proxied ? 1 : body.ttl ?? 1,
      proxied: Boolean(body.proxied),
      comment: body.comment ?? null,
    };
    this.records.set(id, stored);
    return stored;
  }

  private render(r: StoredRecord) {
    return {
      ...r,
      zone_id: this.zoneId,
      zone_name: 'apps.example.com',
      proxiable: true,
      settings: {},
      meta: {},
      tags: [],
      created_on: '2026-09-01T10:00:00.000000Z',
      modified_on: '2026-09-01T10:00:00.000000Z',
    };
  }
}
