import { useEffect } from 'react';
import {
  AppRootElementBlueprint,
  appLanguageApiRef,
  createFrontendModule,
  useApi,
} from '@backstage/frontend-plugin-api';

/**
 * Keeps `<html lang>` on the language picked in Settings, so screen readers
 * read German pages as German (and browsers offer the right spell-checker).
 */
export const DocumentLanguage = () => {
  const languageApi = useApi(appLanguageApiRef);
  useEffect(() => {
    const subscription = languageApi.language$().subscribe(({ language }) => {
      document.documentElement.lang = language;
    });
    document.documentElement.lang = languageApi.getLanguage().language;
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return null;
};

export const languageModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    AppRootElementBlueprint.make({
      name: 'document-language',
      params: { element: <DocumentLanguage /> },
    }),
  ],
});
