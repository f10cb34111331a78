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
  GoldenPathsBuddiesCard,
  GoldenPathServiceNameFieldExtension,
  EntityRuntimeCard,
} from './plugin';
export { isDay1Service } from './components/runtime/isDay1Service';
export { goldenPathsApiRef } from './api';
export { rootRouteRef } from './routes';
export { goldenPathsTranslationRef } from './translation';
