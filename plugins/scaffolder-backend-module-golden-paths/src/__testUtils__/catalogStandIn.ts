import { stringifyEntityRef } from '@backstage/catalog-model';
import yaml from 'yaml';

/** What the Day-1 tests' catalog holds and did. */
export interface CatalogRecord {
  /** What catalog:register added and the teardown has not removed. */
  registered: { target: string; content: string; uid?: string }[];
}

/** A demo user: sofia.marquez is in group:default/backend, which owns day-one-svc. */
export const DAY1_USERS = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'sofia.marquez', namespace: 'default' },
    spec: { memberOf: ['group:default/backend'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/backend' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'noah.kim', namespace: 'default' },
    spec: { memberOf: ['group:default/frontend'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/frontend' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'amara.okafor', namespace: 'default' },
    spec: { memberOf: ['group:default/platform'] },
  },
];

const refOf = (e: any) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLowerCase();

/**
 * A catalog for the Day-1 tests: addLocation reads the registered URL like
 * the catalog would; what it registered can be found, and removed by its
 * location and uid, as the teardown does. Anything else throws.
 */
export function createCatalogStandIn(options: {
  /** Entities held from the start (templates, users, components). */
  fixed: () => any[];
  record: CatalogRecord;
}) {
  const { record } = options;
  let next = 0;
  const uidOf = (r: CatalogRecord['registered'][number]) => {
    r.uid ??= `uid-${next++}`;
    return r.uid;
  };
  const registered = () =>
    record.registered.map(r => {
      const entity = yaml.parse(r.content);
      return {
        ...entity,
        metadata: {
          namespace: 'default',
          ...entity.metadata,
          uid: uidOf(r),
          annotations: {
            ...entity.metadata.annotations,
            'backstage.io/managed-by-origin-location': `url:${r.target}`,
          },
        },
      };
    });
  const catalog = {
    async getEntityByRef(ref: any) {
      const wanted = (
        typeof ref === 'string' ? ref : stringifyEntityRef(ref)
      ).toLowerCase();
      return [...options.fixed(), ...DAY1_USERS, ...registered()].find(
        e => refOf(e) === wanted,
      );
    },
    async addLocation(location: any) {
      const res = await fetch(location.target);
      if (!res.ok) {
        throw new Error(
          `catalog could not read ${location.target}: ${res.status}`,
        );
      }
      const content = await res.text();
      // catalog:register analyses the location once more in a dry run.
      if (!location.dryRun) {
        record.registered.push({ target: location.target, content });
      }
      const entity = yaml.parse(content);
      return {
        location: { id: 'loc-1', type: location.type, target: location.target },
        entities: [
          { ...entity, metadata: { namespace: 'default', ...entity.metadata } },
        ],
        exists: false,
      };
    },
    async getLocationByEntity(ref: any) {
      const entity = await catalog.getEntityByRef(ref);
      const r = record.registered.find(
        x => entity && uidOf(x) === entity.metadata.uid,
      );
      return r && { id: `loc-${uidOf(r)}`, type: 'url', target: r.target };
    },
    async removeLocationById(id: string) {
      // The entity stays until it is removed by uid (as an orphan would).
      if (!record.registered.some(r => `loc-${uidOf(r)}` === id)) {
        throw new Error(`no location ${id}`);
      }
    },
    async removeEntityByUid(uid: string) {
      const index = record.registered.findIndex(r => uidOf(r) === uid);
      if (index >= 0) record.registered.splice(index, 1);
    },
  };
  return catalog;
}
