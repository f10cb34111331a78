import { MockTranslationApi } from '@backstage/test-utils/alpha';
import { goldenPathsTranslationRef } from '../../translation';
import type { GoldenPathsT } from '../translate';

/** The English messages' translation function (Backstage's test mock). */
export function englishT(): GoldenPathsT {
  const snapshot = MockTranslationApi.create().getTranslation(
    goldenPathsTranslationRef,
  );
  if (!snapshot.ready) throw new Error('The mock translation is not ready');
  return snapshot.t;
}
