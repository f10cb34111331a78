/**
 * Golden Paths frontend plugin (legacy exports; the new frontend system
 * plugin is the default export of `/alpha`).
 *
 * @packageDocumentation
 */
import type { TranslationRef } from '@backstage/frontend-plugin-api';
import { goldenPathsTranslationRef as typedTranslationRef } from './translation';

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

/**
 * Every word the plugin shows, through Backstage's translation API: give it
 * to `createTranslationMessages` to change words (the README lists the
 * shared keys, such as `common.title`). Typed with string keys so that the
 * public API does not list each of its messages.
 *
 * @public
 */
export const goldenPathsTranslationRef: TranslationRef<'golden-paths'> =
  typedTranslationRef;
