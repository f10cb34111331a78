import { promises as fs } from 'node:fs';
import { httpGet } from '../httpGet';

/** One /health request: ok only when it answered 200 from the commit. */
export interface HealthAnswer {
  ok: boolean;
  /** One line for people: status and (shortened) body, or the error. */
  summary: string;
  latencyMs: number;
  body?: unknown;
}

/**
 * Asks `url` once. Healthy means status 200 and a JSON body whose `commit`
 * is the commit that was just deployed: an older process still answering
 * does not count.
 */
export async function checkHealth(
  url: string,
  commit: string,
): Promise<HealthAnswer> {
  const started = performance.now();
  try {
    const res = await httpGet(url, AbortSignal.timeout(2000));
    const text = res.body;
    const latencyMs = Math.round(performance.now() - started);
    const summary = `${res.status} ${text.slice(0, 300)}`;
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, summary, latencyMs };
    }
    const ok = res.status === 200 && body?.commit === commit;
    return { ok, summary, latencyMs, body };
  } catch (e: any) {
    return {
      ok: false,
      summary: String(e?.code ?? e?.cause?.code ?? e?.name ?? e),
      latencyMs: Math.round(performance.now() - started),
    };
  }
}

/** The last `lines` lines of a log file and, when it is short, of the one rotated before it. */
export async function readLogTail(file: string, lines: number) {
  const read = (f: string) =>
    fs.readFile(f, 'utf8').then(
      t => t.split('\n').filter(l => l.length > 0),
      () => [] as string[],
    );
  let out = await read(file);
  if (out.length < lines) out = [...(await read(`${file}.1`)), ...out];
  return out.slice(-lines);
}
