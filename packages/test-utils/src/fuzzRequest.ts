import { describeValue, escapeForLog } from './hostile';
import supertest from 'supertest';
import { urlOf } from './fuzzCases';
import { FuzzCase, FuzzOptions, FuzzRoute } from './fuzzTypes';

/** A status and body text. */
export interface Answer {
  status: number;
  text: string;
}

/** Sends one case to its route; a URL Node's parser refuses counts as a 431. */
export async function send(
  options: Omit<FuzzOptions, 'routes'>,
  route: FuzzRoute,
  c: FuzzCase,
): Promise<Answer> {
  const url = urlOf(route, c);
  const agent = supertest(options.request);
  let test = agent[route.method.toLowerCase() as 'get'](url).timeout({
    response: 30_000,
  });
  for (const [k, v] of Object.entries({
    ...options.headers,
    ...route.headers,
  })) {
    test = test.set(k, v);
  }
  if (c.body !== undefined) {
    test = test
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(c.body));
  }
  try {
    const res = await test;
    return { status: res.status, text: res.text ?? '' };
  } catch (error: any) {
    // Node's HTTP parser hangs up on a URL past its header limit (16 KB):
    // the request never reaches the application, like a 431.
    if (
      url.length > 16_000 &&
      /ECONNRESET|EPIPE|socket hang up/.test(String(error?.code ?? error))
    ) {
      return { status: 431, text: 'connection closed by the HTTP parser' };
    }
    throw error;
  }
}

/** A failed check (as opposed to an error thrown by the test itself). */
export class FuzzFailure extends Error {}

/** The request of a case, for the failure message. */
export function caseText(route: FuzzRoute, c: FuzzCase): string {
  const lines = [
    `  mutated: ${escapeForLog(c.mutated)}`,
    `  request: ${route.method} ${escapeForLog(decodeForLog(urlOf(route, c)))}`,
  ];
  if (Object.keys(c.params).length) {
    lines.push(`  params: ${describeValue(c.params)}`);
  }
  if (Object.keys(c.query).length) {
    lines.push(`  query: ${describeValue(c.query)}`);
  }
  if (c.body !== undefined) lines.push(`  body: ${describeValue(c.body)}`);
  return lines.join('\n');
}

function decodeForLog(url: string): string {
  return url.length > 2000
    ? `${url.slice(0, 2000)}... (${url.length} characters)`
    : url;
}

/** The error in an answer, for the failure message. */
export function answerText(answer: Answer): string {
  let message = answer.text;
  try {
    const error = JSON.parse(answer.text)?.error;
    if (error?.message) {
      const stack = String(error.stack ?? '')
        .split('\n')
        .find(line => /^\s+at /.test(line));
      message = `${error.name}: ${error.message}${
        stack ? ` (${stack.trim()})` : ''
      }`;
    }
  } catch {
    // not JSON: keep the text
  }
  return escapeForLog(message.slice(0, 500));
}
