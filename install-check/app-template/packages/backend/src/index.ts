// The backend of @backstage/create-app 0.9.2 (new backend system), reduced to
// what the Onramp plugins need: app, guest auth, catalog, scaffolder and
// notifications. scripts/install-check.mjs adds the `backend.add(...)` lines
// of each Onramp plugin README's install section below, as an adopter would.
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));

backend.add(import('@backstage/plugin-notifications-backend'));

// The Onramp plugins' README lines:

backend.start();
