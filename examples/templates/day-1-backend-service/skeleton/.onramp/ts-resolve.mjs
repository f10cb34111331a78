// Lets Node run this TypeScript project's tests without a build or
// node_modules (offline, as the portal's local CI does): Node strips the
// types itself, and this hook resolves `./app` to `./app.ts` the way tsc does.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && /^\.\.?\//.test(specifier)) {
        return nextResolve(`${specifier}.ts`, context);
      }
      throw error;
    }
  },
});
