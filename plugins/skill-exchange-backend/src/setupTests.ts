import { TestDatabases } from '@backstage/backend-test-utils';

// Backend tests run on PostgreSQL (when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
// is set, as scripts/test.sh does) and on SQLite.
TestDatabases.setDefaults({ ids: ['POSTGRES_15', 'SQLITE_3'] });
