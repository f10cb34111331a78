import { InputError, NotAllowedError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PrometheusSettings } from './config';
import { tempDir } from './git';
import { isOwnedBy } from './ownership';

/** Runs `promtool check rules`; returns false when promtool is not installed. */
export async function checkRulesWithPromtool(
  promtool: string,
  content: string,
): Promise<boolean> {
  const scratch = await tempDir('gp-promtool');
  try {
    const file = path.join(scratch.dir, 'rules.yml');
    await fs.writeFile(file, content);
    return await new Promise<boolean>((resolve, reject) => {
      execFile(promtool, ['check', 'rules', file], (error, stdout, stderr) => {
        if (error && (error as any).code === 'ENOENT') {
          resolve(false);
        } else if (error) {
          reject(
            new InputError(
              `The generated rules are invalid (promtool check rules): ${(
                stderr || stdout
              ).trim()}`,
            ),
          );
        } else {
          resolve(true);
        }
      });
    });
  } finally {
    await scratch.remove();
  }
}

/** The rule file of a service in the configured folder. */
export function ruleFilePath(settings: PrometheusSettings, name: string) {
  return path.join(settings.rulesDir, `golden-path-${name}.rules.yml`);
}

/** Reads the current rule file: undefined when absent, an error when not ours. */
export async function currentRuleFile(file: string, name: string) {
  let current: string | undefined;
  try {
    current = await fs.readFile(file, 'utf8');
  } catch (e: any) {
    if (e.code !== 'ENOENT') throw e;
    return undefined;
  }
  if (!isOwnedBy(current, name)) {
    throw new NotAllowedError(
      `${file} exists and is not managed by the golden path for '${name}'; refusing to change it`,
    );
  }
  return current;
}

/** Writes a file atomically (temporary file in the same folder, then rename). */
export async function writeAtomically(file: string, content: string) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}

/** Asks Prometheus to reload its configuration and rules. */
export async function reloadPrometheus(settings: PrometheusSettings) {
  const res = await fetch(`${settings.url}/-/reload`, { method: 'POST' });
  if (!res.ok) {
    throw new Error(
      `Prometheus reload at ${settings.url}/-/reload failed: HTTP ${
        res.status
      } ${(
        await res.text()
      ).trim()} (is it started with --web.enable-lifecycle?)`,
    );
  }
}

/** Waits until /api/v1/rules shows the group with exactly these rule names. */
export async function confirmRules(
  settings: PrometheusSettings,
  group: string,
  expected: string[] | undefined,
) {
  const deadline = Date.now() + settings.confirmTimeoutMs;
  let last = '';
  for (;;) {
    try {
      const res = await fetch(`${settings.url}/api/v1/rules?type=alert`);
      if (res.ok) {
        const body: any = await res.json();
        const groups: any[] = body?.data?.groups ?? [];
        const found = groups.find(g => g.name === group);
        const names: string[] = (found?.rules ?? []).map((r: any) => r.name);
        if (
          expected === undefined
            ? !found
            : found && names.join() === expected.join()
        ) {
          return;
        }
        last = found
          ? `group has rules ${names.join(', ')}`
          : 'group not loaded';
      } else {
        last = `HTTP ${res.status}`;
      }
    } catch (e) {
      last = String(e);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Prometheus at ${settings.url} did not ${
          expected ? 'load' : 'drop'
        } rule group ${group} within ${settings.confirmTimeoutMs} ms (${last})`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}
