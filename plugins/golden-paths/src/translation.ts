import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { common } from './translations/en/common';
import { journey } from './translations/en/journey';
import { insights } from './translations/en/insights';
import { bootcamps } from './translations/en/bootcamps';
import { runtime } from './translations/en/runtime';

/** The English messages, by area (the default language). */
export const translationMessages = {
  common,
  journey,
  insights,
  bootcamps,
  runtime,
};

/**
 * Every word Golden Paths shows, through Backstage's translation API.
 * English is the default; German ships with the plugin and is offered when
 * the app lists `de` among its languages. An app renames any word with
 * `createTranslationMessages({ ref: goldenPathsTranslationRef, messages })`.
 *
 * @public
 */
export const goldenPathsTranslationRef = createTranslationRef({
  id: 'golden-paths',
  messages: translationMessages,
  translations: {
    de: () => import('./translations/de'),
  },
});
