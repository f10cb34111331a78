import { TestDatabases } from '@backstage/backend-test-utils';

// Backend tests run on PostgreSQL (when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
// is set, as scripts/test.sh does) and on SQLite.
TestDatabases.setDefaults({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// Each suite starts backends and migrates fresh databases in its hooks; on a
// loaded 2-core machine PostgreSQL setup alone can pass Jest's 5 s default.
jest.setTimeout(30_000);
