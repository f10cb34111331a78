import { TestDatabases } from '@backstage/backend-test-utils';

TestDatabases.setDefaults({ ids: ['POSTGRES_15', 'SQLITE_3'] });
