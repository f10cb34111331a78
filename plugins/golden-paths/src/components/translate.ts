import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { flattenMessages } from '@onramp/backstage-plugin-onramp-common';
import { goldenPathsTranslationRef, translationMessages } from '../translation';

/** Golden Paths' translation function, as `useTranslationRef` gives it. */
export type GoldenPathsT = TranslationFunction<
  typeof goldenPathsTranslationRef.T
>;

/** The translation function of Golden Paths for a component. */
export const useGoldenPathsT = (): GoldenPathsT =>
  useTranslationRef(goldenPathsTranslationRef).t;

const english = flattenMessages(translationMessages);
const englishPlural = new Intl.PluralRules('en');

/**
 * The English messages as a translation function, for the formatters'
 * callers outside React (plural suffixes and `{{placeholders}}` only).
 */
export const englishT = ((
  key: string,
  options: Record<string, unknown> = {},
) => {
  const { count } = options;
  const plural =
    typeof count === 'number'
      ? english[`${key}_${englishPlural.select(count)}`] ??
        english[`${key}_other`]
      : undefined;
  const text = plural ?? english[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    String(options[name] ?? ''),
  );
}) as GoldenPathsT;
