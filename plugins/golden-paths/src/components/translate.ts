import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { goldenPathsTranslationRef } from '../translation';

/** Golden Paths' translation function, as `useTranslationRef` gives it. */
export type GoldenPathsT = TranslationFunction<
  typeof goldenPathsTranslationRef.T
>;

/** The translation function of Golden Paths for a component. */
export const useGoldenPathsT = (): GoldenPathsT =>
  useTranslationRef(goldenPathsTranslationRef).t;
