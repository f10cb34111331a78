/**
 * Property-based fuzzing of the learning routes (see fuzz.test.ts for the
 * other routes), on SQLite and PostgreSQL: no answer may be a 5xx, and no
 * 4xx may change a row.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { describeRouteFuzzing } from '@onramp/test-utils';
import fc from 'fast-check';
import { z } from 'zod';
import {
  ANNA,
  API,
  as,
  catalogUser,
  startSkillExchangeBackend,
} from './__testUtils__';

jest.setTimeout(180_000);

const databases = TestDatabases.create();
const id = { id: fc.constantFrom('go-tour', 'rust-book') };

describeRouteFuzzing({
  title: 'fuzzing the learning routes on %s',
  databases,
  start: databaseId =>
    startSkillExchangeBackend({
      databases,
      databaseId,
      entities: [catalogUser('anna')],
      config: {
        skillExchange: {
          learning: {
            resources: [
              {
                id: 'go-tour',
                title: 'A Tour of Go',
                url: 'https://go.dev/tour/',
                kind: 'course',
                skills: ['Go'],
              },
              {
                id: 'rust-book',
                title: 'The Rust book',
                url: '/docs/default/component/rust',
                kind: 'docs',
                skills: ['Rust'],
              },
            ],
          },
        },
      },
    }),
  headers: { Authorization: as(ANNA) },
  routes: () => [
    {
      method: 'GET',
      path: `${API}/learning`,
      query: z.strictObject({ skill: z.enum(['Go', 'golang']).optional() }),
    },
    { method: 'GET', path: `${API}/profiles/me/learning` },
    {
      method: 'PUT',
      path: `${API}/learning/:id/completion`,
      params: id,
      body: z.strictObject({}),
    },
    { method: 'DELETE', path: `${API}/learning/:id/completion`, params: id },
  ],
});
