import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { common } from './translations/en/common';
import { posts } from './translations/en/posts';
import { profiles } from './translations/en/profiles';
import { admin } from './translations/en/admin';
import { events } from './translations/en/events';
import { insights } from './translations/en/insights';

/** The English messages, by area (the default language). */
export const translationMessages = {
  common,
  posts,
  profiles,
  admin,
  events,
  insights,
};

/**
 * Every word the Skill Exchange shows, through Backstage's translation API.
 * English is the default; German ships with the plugin and is offered when
 * the app lists `de` among its languages. An app renames any word with
 * `createTranslationMessages({ ref: skillExchangeTranslationRef, messages })`.
 *
 * @public
 */
export const skillExchangeTranslationRef = createTranslationRef({
  id: 'skill-exchange',
  messages: translationMessages,
  translations: {
    de: () => import('./translations/de'),
  },
});
