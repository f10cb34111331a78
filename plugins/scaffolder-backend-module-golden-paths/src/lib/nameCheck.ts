import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ServiceNameCheck } from '@onramp/backstage-plugin-golden-paths-common';
import path from 'node:path';
import yaml from 'yaml';
import { GoldenPathsSettings } from './config';
import { git, isBareRepository } from './git';
import { LinkBuilder } from './links';

/**
 * Answers whether a Day-1 service name is free. `taskId`: the task asking,
 * whose own repository (a retried run) does not count as taken.
 * @public
 */
export type ServiceNameChecker = (
  name: string,
  credentials: BackstageCredentials,
  taskId?: string,
) => Promise<ServiceNameCheck>;

/** `group:default/backend` -> `group:backend`, as people read refs. */
export function shortRef(ref: string) {
  try {
    const { kind, namespace, name } = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    const ns = namespace === 'default' ? '' : `${namespace}/`;
    return `${kind.toLocaleLowerCase('en-US')}:${ns}${name}`;
  } catch {
    return ref;
  }
}

function taken(
  name: string,
  holder: string,
  url: string | undefined,
  extra: Partial<ServiceNameCheck>,
): ServiceNameCheck {
  return {
    name,
    available: false,
    takenBy: holder,
    ...extra,
    ...(url ? { url } : {}),
    message: `${name} is taken by ${holder}; choose another name${
      url ? `, or open it: ${url}` : ''
    }`,
  };
}

/**
 * Looks for the name where a Day-1 run would create it: a Component in the
 * catalog (asked with the caller's credentials) and a repository under the
 * golden-paths git root. Reads only.
 */
export function createServiceNameChecker(options: {
  settings: GoldenPathsSettings;
  catalog: CatalogService;
  links: LinkBuilder;
  /** The portal's address (app.baseUrl), for links to catalog pages. */
  appBaseUrl?: string;
}): ServiceNameChecker {
  const { settings, catalog, links, appBaseUrl } = options;
  const branch = settings.git.defaultBranch;

  const fromCatalog = async (
    name: string,
    credentials: BackstageCredentials,
  ) => {
    const entity: Entity | undefined = await catalog.getEntityByRef(
      { kind: 'component', namespace: 'default', name },
      { credentials },
    );
    if (!entity) {
      return undefined;
    }
    const entityRef = stringifyEntityRef(entity);
    const owner = entity.spec?.owner;
    const { kind, namespace } = parseEntityRef(entityRef);
    const url = appBaseUrl
      ? `${appBaseUrl.replace(/\/$/, '')}/catalog/${encodeURIComponent(
          namespace,
        )}/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`
      : undefined;
    return taken(
      name,
      typeof owner === 'string' ? shortRef(owner) : shortRef(entityRef),
      url,
      { entityRef },
    );
  };

  const fromGit = async (name: string, taskId?: string) => {
    const gitDir = path.join(settings.git.root, `${name}.git`);
    if (!(await isBareRepository(gitDir))) {
      return undefined;
    }
    const env = { GIT_DIR: gitDir };
    const createdBy = await git(['config', 'goldenpaths.createdByTask'], {
      env,
    }).catch(() => undefined);
    if (taskId && createdBy === taskId) {
      return undefined;
    }
    const owner = await git(
      ['show', `refs/heads/${branch}:catalog-info.yaml`],
      {
        env,
      },
    )
      .then(text => yaml.parse(text)?.spec?.owner)
      .catch(() => undefined);
    const hasBranch = await git(
      ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`],
      {
        env,
      },
    ).then(
      () => true,
      () => false,
    );
    const url =
      settings.git.serveLocalRepositories && hasBranch
        ? await links(name, branch, 'README.md')
        : undefined;
    return taken(
      name,
      typeof owner === 'string'
        ? shortRef(owner)
        : `the existing repository ${name}`,
      url,
      {},
    );
  };

  return async (name, credentials, taskId) =>
    (await fromCatalog(name, credentials)) ??
    (await fromGit(name, taskId)) ?? { name, available: true };
}
