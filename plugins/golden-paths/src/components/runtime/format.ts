import type { LocalRuntimeService } from '@onramp/backstage-plugin-golden-paths-common';
import type { GoldenPathsT } from '../translate';

/** 59 -> "59 s", 3720 -> "1 h 2 min", 90000 -> "1 d 1 h". */
export function formatUptime(t: GoldenPathsT, seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const unit = (name: 'days' | 'hours' | 'minutes' | 'seconds', n: number) =>
    t(`runtime.uptime.${name}`, { count: n });
  const two = (first: string, second: string) =>
    t('runtime.uptime.two', { first, second });
  if (d > 0) return two(unit('days', d), unit('hours', h));
  if (h > 0) return two(unit('hours', h), unit('minutes', m));
  if (m > 0) return two(unit('minutes', m), unit('seconds', seconds % 60));
  return unit('seconds', seconds);
}

/** "healthy at 10:04:05" or "failed at 10:04:05: ECONNREFUSED". */
export function describeHealthCheck(
  t: GoldenPathsT,
  check: LocalRuntimeService['lastHealthCheck'],
): string {
  if (!check) return t('runtime.health.notChecked');
  const at = new Date(check.at).toLocaleTimeString();
  return check.ok
    ? t('runtime.health.healthy', { at })
    : t('runtime.health.failed', { at, summary: check.summary });
}

/** The last exit, for people: "code 3 at 10:04:05" / "signal SIGKILL at ...". */
export function describeExit(
  t: GoldenPathsT,
  exit: LocalRuntimeService['lastExit'],
) {
  if (!exit) return undefined;
  const at = new Date(exit.at).toLocaleTimeString();
  return exit.signal
    ? t('runtime.exit.signal', { signal: exit.signal, at })
    : t('runtime.exit.code', { code: String(exit.code), at });
}
