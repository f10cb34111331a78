import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { GoldenPathsSettings, resolveRemote } from '../config';
import { git, remoteBranchCommit, tempDir } from '../git';
import { isOwnedBy, yamlHeader } from '../ownership';
import { DesiredService } from './runtime';

/** The file next to a service's manifests that tells the local runtime what to run. */
export const DESIRED_FILE = 'local-runtime.yaml';

/** The desired-state file of a service, with the ownership marker. */
export function renderDesiredState(
  service: string,
  desired: { repository: string; commit: string; healthPath: string },
) {
  return (
    yamlHeader(service, 'Local runtime desired state') +
    yaml.stringify({
      service,
      source: { repository: desired.repository, commit: desired.commit },
      healthPath: desired.healthPath,
    })
  );
}

function parseDesired(
  settings: GoldenPathsSettings,
  service: string,
  text: string,
): DesiredService | undefined {
  if (!isOwnedBy(text, service)) return undefined;
  const doc = yaml.parse(text);
  const repository = String(doc?.source?.repository ?? '');
  const commit = String(doc?.source?.commit ?? '');
  if (!repository || !/^[0-9a-f]{40}$/.test(commit)) return undefined;
  return {
    name: service,
    repository,
    remote: resolveRemote(settings, repository).remote,
    commit,
    healthPath: String(doc.healthPath ?? '/health'),
  };
}

/**
 * The services the deploy repository says should run on the local runtime:
 * every `<deploy.path>/<service>/local-runtime.yaml` on the default branch.
 */
export async function readDesiredServices(
  settings: GoldenPathsSettings,
): Promise<DesiredService[]> {
  const { remote } = resolveRemote(settings, settings.deploy.repository);
  const branch = settings.git.defaultBranch;
  if (!(await remoteBranchCommit(remote, branch).catch(() => undefined))) {
    return [];
  }
  const work = await tempDir('gp-desired');
  try {
    const checkout = path.join(work.dir, 'repo');
    await git([
      'clone',
      '--quiet',
      '--depth',
      '1',
      '--branch',
      branch,
      remote,
      checkout,
    ]);
    const root = path.join(checkout, settings.deploy.path);
    const services = await fs.readdir(root).catch(() => [] as string[]);
    const out: DesiredService[] = [];
    for (const service of services.sort()) {
      const text = await fs
        .readFile(path.join(root, service, DESIRED_FILE), 'utf8')
        .catch(() => undefined);
      const desired = text && parseDesired(settings, service, text);
      if (desired) out.push(desired);
    }
    return out;
  } finally {
    await work.remove();
  }
}
