import {
  describeZodError,
  skillMergeSchema,
  listPostsQuerySchema,
  postInputSchema,
  profileInputSchema,
} from './schemas';
import {
  activitiesQuerySchema,
  insightsQuerySchema,
  matchesQuerySchema,
  teamSkillsQuerySchema,
} from './querySchemas';
import { eventInputSchema } from './events';

describe('postInputSchema', () => {
  it('accepts an embed and fills defaults', () => {
    const parsed = postInputSchema.parse({
      kind: 'embed',
      title: 'Two weeks on the playback team',
      team: 'group:default/backend',
      start: '2027-Q1',
      durationWeeks: 2,
      location: 'remote',
      skills: ['Kotlin'],
    });
    expect(parsed).toMatchObject({ level: 3, headcount: 1, description: '' });
  });

  it('rejects unknown fields, bad kinds and oversized input', () => {
    expect(
      postInputSchema.safeParse({
        kind: 'hack',
        title: 'A hack',
        owner: 'user:default/someone-else',
      }).success,
    ).toBe(false);
    expect(
      postInputSchema.safeParse({ kind: 'party', title: 'x' }).success,
    ).toBe(false);
    expect(
      postInputSchema.safeParse({ kind: 'hack', title: 'x'.repeat(121) })
        .success,
    ).toBe(false);
    expect(
      postInputSchema.safeParse({
        kind: 'hack',
        title: 'Too many skills',
        skills: Array.from({ length: 21 }, (_, i) => `skill-${i}`),
      }).success,
    ).toBe(false);
  });

  it('explains what is wrong in one line', () => {
    const result = postInputSchema.safeParse({
      kind: 'embed',
      title: 'ab',
      team: 'backend',
      start: 'soon',
      durationWeeks: 0,
      location: 'remote',
    });
    expect(result.success).toBe(false);
    const message = describeZodError(result.error!);
    expect(message).toContain('title: must be at least 3 characters');
    expect(message).toContain('team: must be an entity ref');
    expect(message).toContain('start: must be a date');
    expect(message).toContain('durationWeeks');
  });
});

describe('listPostsQuerySchema', () => {
  it('parses query strings', () => {
    expect(
      listPostsQuerySchema.parse({
        skills: 'kotlin, android',
        level: '3',
        adoptable: 'true',
        limit: '50',
      }),
    ).toMatchObject({
      skills: ['kotlin', 'android'],
      level: 3,
      adoptable: true,
      limit: 50,
      offset: 0,
      skillsMatch: 'any',
    });
  });

  it('rejects out-of-range pages and unknown parameters', () => {
    expect(listPostsQuerySchema.safeParse({ limit: '1000' }).success).toBe(
      false,
    );
    expect(listPostsQuerySchema.safeParse({ limit: 'ten' }).success).toBe(
      false,
    );
    expect(listPostsQuerySchema.safeParse({ drop: 'table' }).success).toBe(
      false,
    );
  });
});

describe('profileInputSchema', () => {
  it('requires levels on the 5-step scale', () => {
    expect(
      profileInputSchema.safeParse({ skills: [{ skill: 'Go', level: 6 }] })
        .success,
    ).toBe(false);
    expect(
      profileInputSchema.parse({ skills: [{ skill: 'Go', level: 4 }] }).skills,
    ).toEqual([{ skill: 'Go', level: 4, canHelp: false }]);
  });
});

describe('matching, insights and taxonomy schemas', () => {
  it('coerces query strings and bounds pages', () => {
    expect(matchesQuerySchema.parse({ limit: '5' })).toEqual({
      limit: 5,
      offset: 0,
    });
    expect(matchesQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(matchesQuerySchema.safeParse({ kind: 'party' }).success).toBe(false);
    expect(insightsQuerySchema.parse({ top: '10' })).toEqual({ top: 10 });
    expect(insightsQuerySchema.safeParse({ top: '0' }).success).toBe(false);
  });
  it('merges into a named skill only', () => {
    expect(skillMergeSchema.parse({ into: ' Go ' })).toEqual({ into: 'Go' });
    expect(skillMergeSchema.safeParse({ into: '' }).success).toBe(false);
    expect(
      skillMergeSchema.safeParse({ into: 'Go', also: 'Rust' }).success,
    ).toBe(false);
  });
});

describe('teamSkillsQuerySchema', () => {
  it('takes a group ref, lower-cased', () => {
    expect(
      teamSkillsQuerySchema.parse({ group: 'Group:default/Backend' }),
    ).toEqual({ group: 'group:default/backend' });
  });

  it('rejects users, bare names, missing and extra fields', () => {
    for (const query of [
      { group: 'user:default/anna' },
      { group: 'backend' },
      { group: 'group:default/back end' },
      {},
      { group: 'group:default/backend', deep: 'true' },
    ]) {
      expect(teamSkillsQuerySchema.safeParse(query).success).toBe(false);
    }
  });
});

describe('activitiesQuerySchema', () => {
  it('pages by ten by default and caps the page at 50', () => {
    expect(activitiesQuerySchema.parse({})).toEqual({ limit: 10, offset: 0 });
    expect(activitiesQuerySchema.parse({ limit: '50', offset: '10' })).toEqual({
      limit: 50,
      offset: 10,
    });
    expect(activitiesQuerySchema.safeParse({ limit: '51' }).success).toBe(
      false,
    );
    expect(activitiesQuerySchema.safeParse({ offset: '-1' }).success).toBe(
      false,
    );
  });
});

describe('text every engine can store', () => {
  const hack = { kind: 'hack', title: 'A good hack' };
  it.each([
    ['a post title', postInputSchema, { ...hack, title: 'a\u0000bc' }, 'title'],
    [
      'a skill of a post',
      postInputSchema,
      { ...hack, skills: ['Go\u0001'] },
      'skills.0',
    ],
    ['a profile bio', profileInputSchema, { bio: 'x\u001by' }, 'bio'],
    ['a search query', listPostsQuerySchema, { q: 'a\u0000' }, 'q'],
    [
      'an event name',
      eventInputSchema,
      { name: 'Hack\u007f', startsOn: '2027-01-01', endsOn: '2027-01-02' },
      'name',
    ],
    ['a merge target', skillMergeSchema, { into: '\u0000' }, 'into'],
  ])(
    'refuses a control character in %s, naming the field',
    (_, schema, input, field) => {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      expect(describeZodError(result.error!)).toMatch(
        new RegExp(
          `^${field.replace('.', '\\.')}: must not contain control characters`,
        ),
      );
    },
  );

  it('stores lone surrogates as U+FFFD on every engine', () => {
    const parsed = postInputSchema.parse({ ...hack, title: 'Hack \uD83D!' });
    expect(parsed.title).toBe('Hack \uFFFD!');
  });
});
