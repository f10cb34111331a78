import { flattenMessages, translationProblems } from './translations';

const english = {
  title: 'Hacks',
  list: { empty: 'No {{kind}} yet', count_one: '{{count}} hack' },
};

describe('translationProblems', () => {
  it('flattens nested messages to dot-separated keys', () => {
    expect(flattenMessages(english)).toEqual({
      title: 'Hacks',
      'list.empty': 'No {{kind}} yet',
      'list.count_one': '{{count}} hack',
    });
  });

  it('finds nothing wrong in a complete translation', () => {
    expect(
      translationProblems(english, {
        title: 'Hacks',
        'list.empty': 'Noch keine {{ kind }}',
        'list.count_one': '{{count}} Hack',
      }),
    ).toEqual([]);
  });

  it('names missing, empty, unknown keys and lost placeholders', () => {
    expect(
      translationProblems(english, {
        title: ' ',
        'list.empty': 'Noch keine',
        'list.extra': 'x',
      }),
    ).toEqual([
      'title: missing',
      'list.empty: placeholders {kind} became {}',
      'list.count_one: missing',
      'list.extra: not an English key',
    ]);
  });
});
