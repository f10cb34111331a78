import { TestDatabases } from '@backstage/backend-test-utils';
import { databaseSnapshot, listTables } from './snapshot';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('databaseSnapshot on %s', id => {
  it('changes exactly when a row changes', async () => {
    const knex = await databases.init(id);
    await knex.schema.createTable('b_items', t => {
      t.increments('id');
      t.text('title');
      t.timestamp('at');
    });
    await knex.schema.createTable('a_tags', t => {
      t.text('name');
    });
    expect(await listTables(knex)).toEqual(['a_tags', 'b_items']);
    const snapshot = databaseSnapshot(knex);
    await knex('b_items').insert([
      { title: 'one', at: new Date('2026-01-01T00:00:00Z') },
      { title: 'two', at: new Date('2026-01-02T00:00:00Z') },
    ]);
    const first = await snapshot();
    expect(await snapshot()).toBe(first);
    await knex('a_tags').insert({ name: 'x' });
    const second = await snapshot();
    expect(second).not.toBe(first);
    await knex('a_tags').delete();
    expect(await snapshot()).toBe(first);
    await knex('b_items').where({ title: 'two' }).update({ title: 'Two' });
    expect(await snapshot()).not.toBe(first);
  });
});
