import type { LocalRuntimeService } from '@onramp/backstage-plugin-golden-paths-common';

/** 59 -> "59 s", 3720 -> "1 h 2 min", 90000 -> "1 d 1 h". */
export function formatUptime(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${seconds % 60} s`;
  return `${seconds} s`;
}

/** "healthy at 10:04:05" or "failed at 10:04:05: ECONNREFUSED". */
export function describeHealthCheck(
  check: LocalRuntimeService['lastHealthCheck'],
): string {
  if (!check) return 'not checked yet';
  const at = new Date(check.at).toLocaleTimeString();
  return check.ok ? `healthy at ${at}` : `failed at ${at}: ${check.summary}`;
}

/** The last exit, for people: "code 3 at 10:04:05" / "signal SIGKILL at ...". */
export function describeExit(exit: LocalRuntimeService['lastExit']) {
  if (!exit) return undefined;
  const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
  return `${how} at ${new Date(exit.at).toLocaleTimeString()}`;
}
