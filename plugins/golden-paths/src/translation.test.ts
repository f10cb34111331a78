import { translationProblems } from '@onramp/backstage-plugin-onramp-common';
import { translationMessages } from './translation';
import german from './translations/de';

describe('the German translation', () => {
  it('has every English key, none empty, with the same placeholders', () => {
    expect(translationProblems(translationMessages, german)).toEqual([]);
  });
});
