import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { GoldenPathsSettings } from './config';

export {
  CREATED_BY_TASK_ANNOTATION,
  PRACTICE_RUN_ANNOTATION,
  TEARDOWN_TEMPLATE_REF,
} from '@onramp/backstage-plugin-golden-paths-common';

/** What a teardown needs from the catalog, and who may ask for one. */
export interface TeardownAccess {
  catalog: CatalogService;
  auth: AuthService;
  /** `onramp.permission.admins`: users and groups that may tear down anything. */
  admins: string[];
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function normalize(ref: string, defaultKind: string) {
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
      ),
    );
  } catch {
    return lower(ref);
  }
}

/**
 * A user's ownership refs as the catalog knows them: the user and the
 * groups they are a member of (`memberOf` relations and `spec.memberOf`).
 */
export function ownershipRefs(userRef: string, user?: Entity): string[] {
  const spec = (user?.spec ?? {}) as { memberOf?: unknown };
  const groups = [
    ...(user?.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef),
    ...(Array.isArray(spec.memberOf) ? spec.memberOf.map(String) : []),
  ];
  return [
    normalize(userRef, 'user'),
    ...groups.map(g => normalize(g, 'group')),
  ];
}

/**
 * Why this user may not tear the entity down, or undefined when they may:
 * they own it (its `spec.owner` is them or one of their groups) or they are
 * an admin.
 */
export function teardownRefusal(options: {
  entity: Entity;
  userRef?: string;
  user?: Entity;
  admins: string[];
}): string | undefined {
  const { entity, userRef } = options;
  const target = stringifyEntityRef(entity);
  if (!userRef) {
    return `Only the owner of ${target} or an admin may tear it down; this task was started without a user`;
  }
  const refs = new Set(ownershipRefs(userRef, options.user));
  const owner = String((entity.spec as { owner?: unknown })?.owner ?? '');
  if (owner && refs.has(normalize(owner, 'group'))) return undefined;
  if (options.admins.some(a => refs.has(normalize(a, 'user')))) {
    return undefined;
  }
  return `Only the owner of ${target} (${
    owner || 'no owner'
  }) or an admin may tear it down; ${userRef} is neither`;
}

/** The Component a Day-1 run registered for a service, if the catalog has it. */
export async function findServiceEntity(
  access: TeardownAccess,
  name: string,
  credentials?: BackstageCredentials,
) {
  return access.catalog.getEntityByRef(
    { kind: 'component', namespace: 'default', name },
    {
      credentials:
        credentials ?? (await access.auth.getOwnServiceCredentials()),
    },
  );
}

/**
 * What a teardown of the service removes with the configured providers, in
 * the order the action removes it, for the confirm dialog.
 */
export function describeTeardown(
  settings: GoldenPathsSettings,
  name: string,
): string[] {
  const { deploy, monitoring, dns } = settings;
  const inRepo = (file: string, repository: string) =>
    `${file} in the ${repository} repository`;
  const byProvider: Record<string, string[]> = {
    local: [
      `the process of ${name} on the local runtime (this machine), with its port, build and logs`,
      inRepo(`the deploy manifests ${deploy.path}/${name}/`, deploy.repository),
    ],
    gitops: [
      inRepo(`the deploy manifests ${deploy.path}/${name}/`, deploy.repository),
    ],
    kubernetes: [`the Kubernetes objects of ${name}`],
  };
  return [
    ...(byProvider[deploy.provider] ?? [
      `what the ${deploy.provider} deploy provider created for ${name}`,
    ]),
    monitoring.provider === 'gitops'
      ? inRepo(
          `the alerting rules ${monitoring.path}/${name}/`,
          monitoring.repository,
        )
      : `the alerting rules of ${name} (${monitoring.provider})`,
    ...(monitoring.localPrometheus
      ? [`the scrape target of ${name} in the local Prometheus`]
      : []),
    dns.provider === 'gitops'
      ? inRepo(
          `the DNS record ${dns.path}/${dns.zone}/${name}.yaml`,
          dns.repository,
        )
      : `the DNS record ${name}.${dns.zone} (${dns.provider})`,
    `the catalog entity component:default/${name} and the location it was registered from`,
    `the repository ${name}`,
  ];
}
