import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';

/** One step of a skeleton's `.onramp/ci.yaml` (the local CI contract). */
export interface CiYamlStep {
  name: string;
  run: string[];
  timeoutSeconds?: number;
  evidence?: string;
}

/** What one step did when run as the local CI runner runs it. */
export interface CiYamlStepResult {
  step: CiYamlStep;
  output: string;
  /** The JSON the step wrote to $ONRAMP_EVIDENCE_FILE, if any. */
  evidence?: unknown;
}

/** Reads `.onramp/ci.yaml` under dir; throws when it breaks the contract. */
export async function readCiYaml(dir: string): Promise<CiYamlStep[]> {
  const doc = yaml.parse(
    await fs.readFile(path.join(dir, '.onramp/ci.yaml'), 'utf8'),
  );
  const steps: CiYamlStep[] = doc?.steps;
  const bad = (steps ?? [undefined]).find(
    s =>
      typeof s?.name !== 'string' ||
      !Array.isArray(s.run) ||
      s.run.length === 0 ||
      !s.run.every((a: unknown) => typeof a === 'string'),
  );
  if (!Array.isArray(steps) || bad !== undefined) {
    throw new Error(
      `${dir}/.onramp/ci.yaml: a step needs a name and a run argv`,
    );
  }
  return steps;
}

/**
 * Runs every step of `dir/.onramp/ci.yaml` in order, as the local CI runner
 * does: no shell (execFile with the argv), cwd the checkout, PATH
 * `/usr/local/bin:/usr/bin:/bin` after the directory of this Node, HOME a temp
 * directory, CI=true and a fresh ONRAMP_EVIDENCE_FILE per step. Throws with
 * the step's output when a step fails.
 */
export async function runCiYamlSteps(dir: string): Promise<CiYamlStepResult[]> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ci-yaml-home-'));
  const results: CiYamlStepResult[] = [];
  try {
    for (const [index, step] of (await readCiYaml(dir)).entries()) {
      const evidenceFile = path.join(home, `evidence-${index}.json`);
      const env = {
        PATH: [
          path.dirname(process.execPath),
          '/usr/local/bin',
          '/usr/bin',
          '/bin',
        ].join(':'),
        HOME: home,
        CI: 'true',
        ONRAMP_EVIDENCE_FILE: evidenceFile,
        ONRAMP_COMMIT: 'test',
        ONRAMP_BRANCH: 'main',
      };
      const output = await new Promise<string>((resolve, reject) => {
        execFile(
          step.run[0],
          step.run.slice(1),
          {
            cwd: dir,
            env,
            timeout: (step.timeoutSeconds ?? 300) * 1000,
            maxBuffer: 4 * 1024 * 1024,
          },
          (error, stdout, stderr) => {
            if (error) {
              reject(
                new Error(
                  `ci.yaml step "${step.name}" failed: ${stdout}${stderr}`,
                ),
              );
            } else resolve(`${stdout}${stderr}`);
          },
        );
      });
      const written = await fs.readFile(evidenceFile, 'utf8').catch(() => '');
      results.push({
        step,
        output,
        ...(written ? { evidence: JSON.parse(written) } : {}),
      });
    }
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
  return results;
}
