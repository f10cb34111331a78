import dns, { LookupAddress, LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';

/** True for `localhost` and every name under it (RFC 6761: always loopback). */
export function isLocalhostName(hostname: string) {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * dns.lookup, except that `*.localhost` is 127.0.0.1 without asking the
 * resolver, the way browsers treat it: no /etc/hosts entry needed.
 */
export function localhostLookup(
  hostname: string,
  options: LookupOptions,
  callback: (
    err: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void,
) {
  if (isLocalhostName(hostname)) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dns.lookup(hostname, options, callback as any);
}

/** Answers of more than this many bytes are refused. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * One GET without following redirects; the body as text (at most 10 MiB).
 * The Host header stays the URL's host, so a service sees the name it was
 * asked by; `*.localhost` is loopback (see localhostLookup).
 */
export function httpGet(
  url: string,
  signal: AbortSignal,
  headers: Record<string, string> = {},
): Promise<{ status: number; contentType: string; body: string }> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      target,
      { signal, headers, lookup: localhostLookup as any },
      res => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(
              new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`),
            );
          } else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
  });
}
