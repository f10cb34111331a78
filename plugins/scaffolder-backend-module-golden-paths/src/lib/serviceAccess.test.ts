import type { Entity } from '@backstage/catalog-model';
import { OnrampAdmins } from '@onramp/backstage-plugin-onramp-node';
import { ownerOf, ownershipRefs, serviceRefusal } from './serviceAccess';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', namespace: 'default' },
  spec: { owner: 'backend' },
};
const user = (spec: object, relations: Entity['relations'] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'lee', namespace: 'default' },
  spec,
  relations,
});
const admins = new OnrampAdmins(['group:default/Platform']);
const refuse = (refs: string[] | undefined, entity: Entity | undefined) =>
  serviceRefusal({
    entityRef: 'component:default/svc',
    entity,
    refs,
    admins,
    verb: 'tear it down',
    who: 'user:default/lee',
  });

describe('serviceAccess: owner or admin for Day-1 services', () => {
  it('takes groups from spec.memberOf, memberOf relations and sign-in claims, in full and lower case', () => {
    expect(
      ownershipRefs(
        'user:default/Lee',
        user({ memberOf: ['Backend'] }, [
          { type: 'memberOf', targetRef: 'group:default/web' },
          { type: 'ownerOf', targetRef: 'component:default/other' },
        ]),
        ['group:default/SRE'],
      ),
    ).toEqual([
      'user:default/lee',
      'group:default/sre',
      'group:default/web',
      'group:default/backend',
    ]);
  });

  it('reads the owner as a group ref in the entity namespace', () => {
    expect(ownerOf(component)).toBe('group:default/backend');
    expect(ownerOf({ ...component, spec: {} })).toBeUndefined();
  });

  it('lets a member of the owner group (spec.memberOf) do it', () => {
    const refs = ownershipRefs(
      'user:default/lee',
      user({ memberOf: ['backend'] }),
    );
    expect(refuse(refs, component)).toBeUndefined();
  });

  it('lets a member by relation or by sign-in claim do it', () => {
    const byRelation = ownershipRefs(
      'user:default/lee',
      user({}, [{ type: 'memberOf', targetRef: 'group:default/backend' }]),
    );
    expect(refuse(byRelation, component)).toBeUndefined();
    const byClaim = ownershipRefs('user:default/lee', undefined, [
      'group:default/backend',
    ]);
    expect(refuse(byClaim, component)).toBeUndefined();
  });

  it('lets an admin (onramp.permission.admins, any case) do it, even without a Component', () => {
    const refs = ownershipRefs('user:default/lee', undefined, [
      'group:default/platform',
    ]);
    expect(refuse(refs, component)).toBeUndefined();
    expect(refuse(refs, undefined)).toBeUndefined();
  });

  it('refuses anyone else with the sentence people see, naming the verb', () => {
    const refs = ownershipRefs('user:default/lee', user({ memberOf: ['web'] }));
    expect(refuse(refs, component)).toBe(
      'Only the owner of component:default/svc (group:default/backend) or an admin may tear it down; user:default/lee is neither',
    );
    expect(
      serviceRefusal({
        entityRef: 'component:default/svc',
        entity: component,
        refs,
        admins,
        verb: 'restart or stop svc',
      }),
    ).toBe(
      'Only the owner of component:default/svc (group:default/backend) or an admin may restart or stop svc',
    );
    expect(refuse(refs, { ...component, spec: {} })).toContain('(no owner)');
  });

  it('refuses a non-admin when the catalog has no Component, and a task without a user', () => {
    expect(refuse(['user:default/lee'], undefined)).toBe(
      'component:default/svc is not in the catalog, so only an admin may tear it down',
    );
    expect(refuse(undefined, component)).toBe(
      'Only the owner of component:default/svc or an admin may tear it down; this task was started without a user',
    );
  });
});
