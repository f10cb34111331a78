import { ConflictError } from '@backstage/errors';
import { GrafanaSettings } from './config';
import { ownershipMarker } from './ownership';

/** What Grafana holds under a dashboard uid, as far as the provider cares. */
export interface CurrentDashboard {
  /** The dashboard JSON Grafana stores (with id, uid and version). */
  dashboard: Record<string, any>;
  /** Relative URL of the dashboard, e.g. /d/gp-1234/payments-api-golden-path */
  url: string;
  folderUid?: string;
}

/** Grafana's answer to POST /api/dashboards/db. */
export interface SavedDashboard {
  uid: string;
  url: string;
  version: number;
}

async function call(
  settings: GrafanaSettings,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const url = `${settings.url}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${settings.token}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    throw new Error(
      `Grafana ${method} ${url} failed: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { message: text.slice(0, 300) };
  }
  if (res.ok || (method !== 'POST' && res.status === 404)) {
    return { status: res.status, json };
  }
  const hint =
    res.status === 401 || res.status === 403
      ? ' (check goldenPaths.monitoring.grafana.token and its role on the folder)'
      : '';
  const message = `Grafana ${method} ${url} failed: HTTP ${res.status}${
    json?.message ? `: ${json.message}` : ''
  }${json?.status ? ` (${json.status})` : ''}${hint}`;
  throw res.status === 412 || res.status === 409
    ? new ConflictError(message)
    : new Error(message);
}

/** The dashboard stored under the uid, or undefined (404). */
export async function getDashboard(
  settings: GrafanaSettings,
  uid: string,
): Promise<CurrentDashboard | undefined> {
  const { status, json } = await call(
    settings,
    'GET',
    `/api/dashboards/uid/${encodeURIComponent(uid)}`,
  );
  if (status === 404) return undefined;
  return {
    dashboard: json.dashboard ?? {},
    url: json.meta?.url ?? `/d/${uid}`,
    folderUid: json.meta?.folderUid,
  };
}

/** Refuses a dashboard with our uid that does not carry our marker. */
export function assertDashboardOwned(
  settings: GrafanaSettings,
  uid: string,
  current: CurrentDashboard | undefined,
  service: string,
) {
  if (!current) return;
  const description = String(current.dashboard.description ?? '');
  if (!description.includes(ownershipMarker(service))) {
    throw new ConflictError(
      `Grafana dashboard ${uid} ('${current.dashboard.title}') at ${
        settings.url
      }${
        current.url
      } exists and is not managed by the golden path for '${service}' (no '${ownershipMarker(
        service,
      )}' in its description); refusing to change it`,
    );
  }
}

/**
 * True when the stored dashboard already has every field we generate (and
 * is in the configured folder): then nothing is saved and no new version is
 * created.
 */
export function sameDashboard(
  settings: GrafanaSettings,
  current: CurrentDashboard | undefined,
  wanted: Record<string, unknown>,
) {
  if (!current) return false;
  if ((settings.folderUid ?? '') !== (current.folderUid ?? '')) return false;
  return Object.entries(wanted).every(
    ([key, value]) =>
      key === 'version' ||
      key === 'id' ||
      JSON.stringify(current.dashboard[key]) === JSON.stringify(value),
  );
}

/** The body of POST /api/dashboards/db. */
export function saveRequest(
  settings: GrafanaSettings,
  dashboard: Record<string, unknown>,
  overwrite: boolean,
  message: string,
) {
  const { version: _version, ...rest } = dashboard;
  return {
    dashboard: { ...rest, id: null },
    ...(settings.folderUid ? { folderUid: settings.folderUid } : {}),
    overwrite,
    message,
  };
}

/** Saves a dashboard; Grafana answers with its uid, url and new version. */
export async function saveDashboard(
  settings: GrafanaSettings,
  request: ReturnType<typeof saveRequest>,
): Promise<SavedDashboard> {
  const { json } = await call(settings, 'POST', '/api/dashboards/db', request);
  return { uid: json.uid, url: json.url, version: json.version };
}

/** Deletes a dashboard by uid; false when it was already gone. */
export async function deleteDashboard(
  settings: GrafanaSettings,
  uid: string,
): Promise<boolean> {
  const { status } = await call(
    settings,
    'DELETE',
    `/api/dashboards/uid/${encodeURIComponent(uid)}`,
  );
  return status !== 404;
}

/** An absolute dashboard URL from Grafana's relative one (which includes any sub path). */
export function absoluteUrl(settings: GrafanaSettings, url: string) {
  return new URL(url, `${settings.url}/`).toString();
}
