import { TestDatabases } from '@backstage/backend-test-utils';

// This module keeps no tables; the defaults are set so any store test added
// later runs on both engines like the rest of the repository.
TestDatabases.setDefaults({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// The tests drive real git, Prometheus and bind9 processes; on a busy
// machine a test can take longer than jest's default 5 seconds.
jest.setTimeout(60_000);
