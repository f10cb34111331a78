import { mockServices } from '@backstage/backend-test-utils';
import { readSkillExchangeConfig } from '../config';
import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  RESOURCE_TYPE_SKILL_EXCHANGE_POST,
  skillExchangePostModeratePermission,
  skillExchangeTaxonomyManagePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';

export const ANNA = 'user:default/anna';
export const BEN = 'user:default/ben';
export const CARA = 'user:default/cara';
export const DAN = 'user:default/dan';
export const ADMIN = 'user:default/admin';

/** A catalog User in `group` (default `backend`), with optional profile facts. */
export function catalogUser(
  name: string,
  options: {
    group?: string;
    title?: string;
    displayName?: string;
    email?: string;
    startDate?: string;
  } = {},
) {
  const group = options.group ?? 'backend';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      ...(options.title ? { title: options.title } : {}),
      ...(options.startDate
        ? { annotations: { 'onramp.dev/start-date': options.startDate } }
        : {}),
    },
    spec: {
      profile: {
        ...(options.displayName ? { displayName: options.displayName } : {}),
        ...(options.email ? { email: options.email } : {}),
      },
      memberOf: [group],
    },
    relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
  };
}

/** A catalog Group as the catalog relates it: hasMember and parentOf/childOf. */
export function catalogGroup(
  name: string,
  members: string[],
  children: string[] = [],
  parent?: string,
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children },
    relations: [
      ...members.map(m => ({ type: 'hasMember', targetRef: m })),
      ...children.map(c => ({
        type: 'parentOf',
        targetRef: `group:default/${c}`,
      })),
      ...(parent
        ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
        : []),
    ],
  };
}

const refOf = (credentials: BackstageCredentials) =>
  (credentials.principal as BackstageUserPrincipal).userEntityRef;

/** A permissions service for tests: `authorize` and `authorizeConditional`. */
export interface TestPolicy {
  authorize(
    requests: Array<{ permission: { name: string } }>,
    options: { credentials: BackstageCredentials },
  ): Promise<Array<{ result: AuthorizeResult }>>;
  authorizeConditional(
    requests: Array<{ permission: { name: string; resourceType?: string } }>,
    options: { credentials: BackstageCredentials },
  ): Promise<unknown[]>;
}

/**
 * The decisions of the Onramp policy: only the admin moderates and manages
 * the taxonomy; with `ownersOnly`, post permissions are a conditional
 * IS_OWNER decision for everyone but the admin (otherwise allowed).
 */
export function adminPolicy(options: { ownersOnly: boolean }): TestPolicy {
  return {
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result:
          [
            skillExchangePostModeratePermission.name,
            skillExchangeTaxonomyManagePermission.name,
          ].includes(permission.name) && refOf(credentials) !== ADMIN
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests, { credentials }) {
      const ref = refOf(credentials);
      return requests.map(({ permission }) =>
        options.ownersOnly &&
        permission.resourceType === RESOURCE_TYPE_SKILL_EXCHANGE_POST &&
        ref !== ADMIN
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'skill-exchange',
              resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
              conditions: {
                rule: 'IS_OWNER',
                resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
                params: { claims: [ref] },
              },
            }
          : { result: AuthorizeResult.ALLOW },
      );
    },
  };
}

/** A catalog User with every fact a profile shows: title, name, email, start date. */
export const person = (name: string, group: string, title: string) =>
  catalogUser(name, {
    group,
    title,
    displayName: name.toUpperCase(),
    email: `${name}@example.com`,
    startDate: '2026-11-02',
  });

/**
 * Anna, Cara and the admin in backend, Ben in client, all with their
 * catalog facts, under the Onramp policy with posts edited by their owners
 * (the admin moderates): the start options of the API tests.
 */
export const ownersOnlyOrg = () => ({
  policy: adminPolicy({ ownersOnly: true }),
  entities: [
    person('anna', 'backend', 'Backend Engineer'),
    person('ben', 'client', 'Android Engineer'),
    person('cara', 'backend', 'Staff Engineer'),
    person('admin', 'backend', 'Admin'),
  ],
});

/** The body of a new embed: one place, no skills; spread in what a test needs. */
export const embedInput = (extra: object = {}) => ({
  kind: 'embed',
  title: 'An embed',
  skills: [] as string[],
  team: 'group:default/backend',
  level: 3,
  start: '2027-Q1',
  durationWeeks: 2,
  location: 'remote',
  headcount: 1,
  ...extra,
});

/** The Skill Exchange config read from `skillExchange` (none: an empty config). */
export const readConfigWith = (skillExchange?: object) =>
  readSkillExchangeConfig(
    mockServices.rootConfig({ data: skillExchange ? { skillExchange } : {} }),
  );
