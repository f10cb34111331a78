import { TestDatabases } from '@backstage/backend-test-utils';

// This module keeps no tables; the defaults are set so any store test added
// later runs on both engines like the rest of the repository.
TestDatabases.setDefaults({ ids: ['POSTGRES_15', 'SQLITE_3'] });
