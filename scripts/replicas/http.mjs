// HTTP as the portal's users and services see it: demo sign-in (the dev-only
// auth provider, as the end-to-end flows sign in), JSON calls, and
// concurrency helpers for the replicas run.

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * A Backstage token for a demo user, from the given replica's demo sign-in
 * provider. Retries while the catalog has not ingested the user yet.
 */
export async function signIn(replica, userEntityRef, { attempts = 120 } = {}) {
  for (let i = 0; ; i++) {
    const res = await fetch(`${replica.url}/api/auth/demo/refresh`, {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        'x-onramp-demo-user': userEntityRef,
      },
    });
    if (res.ok) {
      const body = await res.json();
      return body.backstageIdentity.token;
    }
    if (i >= attempts) {
      throw new Error(
        `Cannot sign in as ${userEntityRef} on ${replica.name}: ${
          res.status
        } ${await res.text()}`,
      );
    }
    await sleep(1000);
  }
}

/** One JSON call; resolves to { status, body } whatever the status. */
export async function call(replica, method, path, token, body) {
  const res = await fetch(`${replica.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, replica: replica.name };
}

/** Like call, but anything other than `expected` is an error. */
export async function must(expected, replica, method, path, token, body) {
  const res = await call(replica, method, path, token, body);
  if (res.status !== expected) {
    throw new Error(
      `${method} ${path} on ${replica.name}: expected ${expected}, got ${
        res.status
      } ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

/** Counts of each status in a list of responses, e.g. { 200: 3, 409: 1 }. */
export function statusCounts(responses) {
  const counts = {};
  for (const r of responses) {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
  }
  return counts;
}

/** The replica for the i-th request: alternating, so work spreads over all. */
export function pick(replicas, i) {
  return replicas[i % replicas.length];
}
