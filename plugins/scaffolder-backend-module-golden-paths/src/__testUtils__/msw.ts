import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';

/**
 * An msw server for the recorded-HTTP tests, started before the file's tests
 * and reset after each; add handlers with `server.use(...)`.
 */
export function useMswServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}
