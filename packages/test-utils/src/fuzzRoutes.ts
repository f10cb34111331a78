import fc from 'fast-check';
import { escapeForLog } from './hostile';
import { fuzzCases } from './fuzzCases';
import { answerText, caseText, FuzzFailure, send, Answer } from './fuzzRequest';
import {
  DEFAULT_FUZZ_RUNS,
  DEFAULT_FUZZ_SEED,
  FuzzCase,
  FuzzOptions,
  FuzzReport,
  FuzzRoute,
  routeName,
} from './fuzzTypes';

export * from './fuzzTypes';
export { fuzzCases, urlOf } from './fuzzCases';

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  return raw !== undefined && raw !== '' && Number.isFinite(Number(raw))
    ? Number(raw)
    : undefined;
}

/** A stable 32-bit number for a route, so each route has its own seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h | 0;
}

/**
 * Sends `numRuns` generated requests to one route and checks that none is
 * answered with a 5xx, and that no 4xx changed a row. Throws an error that
 * names the route, the seed, the replay path and the shrunk request.
 */
export async function fuzzRoute(
  options: Omit<FuzzOptions, 'routes'>,
  route: FuzzRoute,
): Promise<FuzzReport> {
  const name = routeName(route);
  const seed =
    options.seed ?? envNumber('ONRAMP_FUZZ_SEED') ?? DEFAULT_FUZZ_SEED;
  const numRuns =
    options.numRuns ?? envNumber('ONRAMP_FUZZ_RUNS') ?? DEFAULT_FUZZ_RUNS;
  const replay = (process.env.ONRAMP_FUZZ_REPLAY ?? '')
    .split(/\n|;;/)
    .map(line => line.match(/^(.*)=([\d:]+)$/))
    .find(m => m && m[1].trim() === name)?.[2];
  const statuses: Record<number, number> = {};
  let known: string | undefined;
  let last: Answer | undefined;

  const property = fc.asyncProperty(fuzzCases(route), async c => {
    const before = known ?? (await options.snapshot());
    known = undefined;
    const answer = await send(options, route, c);
    last = answer;
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (answer.status >= 500) {
      throw new FuzzFailure(`answered ${answer.status}: ${answerText(answer)}`);
    }
    if (answer.status >= 400) {
      const after = await options.snapshot();
      if (after !== before) {
        throw new FuzzFailure(
          `answered ${answer.status} but changed rows: ${answerText(answer)}`,
        );
      }
      known = after;
    }
  });
  const details = await fc.check(property, {
    seed: seed ^ hash(name),
    numRuns,
    ...(replay ? { path: replay, endOnFailure: true } : {}),
  });
  if (details.failed) {
    const [c] = (details.counterexample ?? []) as [FuzzCase];
    const error = details.errorInstance;
    const reason =
      error instanceof FuzzFailure
        ? error.message
        : `threw ${escapeForLog(String((error as Error)?.stack ?? error))}`;
    throw new Error(
      [
        `Fuzzing ${name} failed after ${details.numRuns} requests (${details.numShrinks} shrinks): ${reason}`,
        c ? caseText(route, c) : '  (no counterexample)',
        last && !(error instanceof FuzzFailure)
          ? `  last answer: ${last.status}`
          : '',
        `  seed ${seed} (route seed ${details.seed}), path ${details.counterexamplePath}`,
        `  reproduce: ONRAMP_FUZZ_SEED=${seed} ONRAMP_FUZZ_REPLAY='${name}=${details.counterexamplePath}'`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  return { route: name, runs: details.numRuns, statuses };
}

/**
 * Fuzzes every route in turn (see `fuzzRoute`) and throws one error that
 * lists every route that failed, so one run shows them all.
 */
export async function fuzzRoutes(options: FuzzOptions): Promise<FuzzReport[]> {
  const reports: FuzzReport[] = [];
  const failures: string[] = [];
  for (const route of options.routes) {
    try {
      reports.push(await fuzzRoute(options, route));
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  if (failures.length) {
    throw new Error(
      `${failures.length} of ${
        options.routes.length
      } routes failed:\n\n${failures.join('\n\n')}`,
    );
  }
  return reports;
}
