import type { Membership } from '@onramp/backstage-plugin-onramp-node';
import { GoldenPath } from '@onramp/backstage-plugin-golden-paths-common';
import { CohortStore } from '../database';

export type { Membership };

/** Who a person is, for `spec.audience`: groups, disciplines and cohorts. */
export type Reader = {
  groups: Set<string>;
  disciplines: Set<string>;
  cohorts: Set<string>;
};

/**
 * The reader of a path list: their groups (catalog `memberOf`), their
 * disciplines (the titles of their groups of type `discipline`) and their
 * cohorts. Compared lower-cased.
 */
export async function readerOf(options: {
  userEntityRef: string;
  membership: Membership;
  cohorts: CohortStore;
}): Promise<Reader> {
  const { membership } = options;
  return {
    groups: new Set(membership.groups.map(g => g.ref.toLocaleLowerCase())),
    disciplines: new Set(
      membership.groups
        .filter(g => g.type === 'discipline')
        .map(g => g.title.toLocaleLowerCase()),
    ),
    cohorts: new Set(
      (await options.cohorts.listCohortIdsOf(options.userEntityRef)).map(c =>
        c.toLocaleLowerCase(),
      ),
    ),
  };
}

/** Is the path meant for this reader (`spec.audience`)? */
export function isForReader(path: GoldenPath, reader: Reader): boolean {
  const audience = path.audience;
  if (!audience) {
    return false;
  }
  const hit = (values: string[] | undefined, set: Set<string>) =>
    (values ?? []).some(v => set.has(v.toLocaleLowerCase()));
  return (
    hit(audience.groups, reader.groups) ||
    hit(audience.disciplines, reader.disciplines) ||
    hit(audience.cohorts, reader.cohorts)
  );
}

/** The paths with the reader's first, each group in its original order. */
export function orderForReader(paths: GoldenPath[], reader?: Reader) {
  const items = paths.map(path => ({
    ...path,
    forYou: reader ? isForReader(path, reader) : false,
  }));
  return [...items.filter(p => p.forYou), ...items.filter(p => !p.forYou)];
}
