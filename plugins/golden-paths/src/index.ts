/**
 * Golden Paths frontend plugin (legacy exports; the new frontend system
 * plugin is the default export of `/alpha`).
 *
 * @packageDocumentation
 */
export {
  goldenPathsPlugin,
  GoldenPathsPage,
  GoldenPathsNextStepCard,
  GoldenPathServiceNameFieldExtension,
} from './plugin';
export { goldenPathsApiRef } from './api';
export { rootRouteRef } from './routes';
