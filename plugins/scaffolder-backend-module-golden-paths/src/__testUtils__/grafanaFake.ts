import { http, HttpResponse } from 'msw';

/*
 * No Grafana can run here. These tests answer the provider's requests through
 * msw with Grafana HTTP API responses: the bodies and status codes of
 * GET/DELETE /api/dashboards/uid/:uid and POST /api/dashboards/db follow
 * Grafana's (written from its API documentation, not captured from a live
 * Grafana), kept in a small in-memory store so versions and overwrites behave
 * like Grafana's.
 */
export const GRAFANA = 'https://grafana.test';

interface Recorded {
  method: string;
  path: string;
  authorization: string | null;
  body?: any;
}

export class RecordedGrafana {
  readonly dashboards = new Map<
    string,
    { dashboard: any; folderUid: string; version: number }
  >();
  readonly requests: Recorded[] = [];
  #id = 10;

  posts() {
    return this.requests.filter(r => r.method === 'POST');
  }

  static slug(title: string) {
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  }

  put(dashboard: any, folderUid = 'golden-paths', version = 1) {
    this.dashboards.set(dashboard.uid, {
      dashboard: { ...dashboard, id: (this.#id += 1), version },
      folderUid,
      version,
    });
  }

  #unauthorized(request: Request) {
    if (request.headers.get('authorization') === 'Bearer glsa_test') {
      return undefined;
    }
    return HttpResponse.json(
      {
        extra: null,
        message: 'Invalid API key',
        messageId: 'api-keys.invalid',
        statusCode: 401,
        traceID: '',
      },
      { status: 401 },
    );
  }

  /** Records a request by uid; an error response, or the stored dashboard. */
  #find(method: string, request: Request, uid: string) {
    this.requests.push({
      method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
    });
    const denied = this.#unauthorized(request);
    if (denied) return denied;
    return (
      this.dashboards.get(uid) ??
      HttpResponse.json(
        { message: 'Dashboard not found', traceID: '' },
        { status: 404 },
      )
    );
  }

  handlers() {
    return [
      http.get(`${GRAFANA}/api/dashboards/uid/:uid`, ({ request, params }) => {
        const found = this.#find('GET', request, params.uid as string);
        if (found instanceof Response) return found;
        const stored = found;
        const slug = RecordedGrafana.slug(stored.dashboard.title);
        return HttpResponse.json({
          dashboard: stored.dashboard,
          meta: {
            type: 'db',
            canSave: true,
            canEdit: true,
            slug,
            url: `/d/${stored.dashboard.uid}/${slug}`,
            version: stored.version,
            folderUid: stored.folderUid,
            folderTitle: 'Golden paths',
          },
        });
      }),
      http.delete(
        `${GRAFANA}/api/dashboards/uid/:uid`,
        ({ request, params }) => {
          const stored = this.#find('DELETE', request, params.uid as string);
          if (stored instanceof Response) return stored;
          this.dashboards.delete(params.uid as string);
          return HttpResponse.json({
            id: stored.dashboard.id,
            message: `Dashboard ${stored.dashboard.title} deleted`,
            title: stored.dashboard.title,
          });
        },
      ),
      http.post(`${GRAFANA}/api/dashboards/db`, async ({ request }) => {
        const body = await request.json();
        this.requests.push({
          method: 'POST',
          path: new URL(request.url).pathname,
          authorization: request.headers.get('authorization'),
          body,
        });
        const denied = this.#unauthorized(request);
        if (denied) return denied;
        const { dashboard, folderUid, overwrite } = body as any;
        const existing = this.dashboards.get(dashboard.uid);
        if (existing && !overwrite) {
          return HttpResponse.json(
            {
              message: 'The dashboard has been changed by someone else',
              status: 'version-mismatch',
            },
            { status: 412 },
          );
        }
        const version = (existing?.version ?? 0) + 1;
        this.put(dashboard, folderUid ?? '', version);
        const slug = RecordedGrafana.slug(dashboard.title);
        return HttpResponse.json({
          folderUid: folderUid ?? '',
          id: this.dashboards.get(dashboard.uid)!.dashboard.id,
          slug,
          status: 'success',
          uid: dashboard.uid,
          url: `/d/${dashboard.uid}/${slug}`,
          version,
        });
      }),
    ];
  }
}
