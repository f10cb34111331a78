import { formatSlot } from './pairing';
import { postInputSchema } from './schemas';

// One "now" for the file: two calls a millisecond apart would make a slot
// a millisecond longer or shorter than the session.
const now = Date.now();
const future = (hours: number) =>
  new Date(now + hours * 3_600_000).toISOString();

describe('pairing sessions', () => {
  it('says a slot in words, in UTC unless a time zone is given', () => {
    const slot = {
      startsAt: '2026-12-08T14:00:00Z',
      endsAt: '2026-12-08T15:00:00Z',
    };
    expect(formatSlot(slot)).toBe('Tue 8 Dec 14:00–15:00 UTC');
    expect(formatSlot(slot, 'Europe/Stockholm')).toBe('Tue 8 Dec 15:00–16:00');
  });

  it('takes one skill and future slots of the session length, and names what is wrong', () => {
    const input = {
      kind: 'pairing',
      title: 'Kotlin pairing',
      mode: 'seeking',
      skills: ['Kotlin'],
      durationMinutes: 90,
      slots: [{ startsAt: future(24), endsAt: future(25.5) }],
    };
    expect(postInputSchema.parse(input)).toMatchObject({ description: '' });
    const bad = postInputSchema.safeParse({
      ...input,
      slots: [
        { startsAt: future(24), endsAt: future(25) },
        { startsAt: future(25), endsAt: future(26.5) },
        { startsAt: future(26), endsAt: future(27.5) },
      ],
    });
    expect(bad.error?.issues.map(i => [i.path.join('.'), i.message])).toEqual([
      ['slots.0', "must last the session's 90 minutes"],
      ['slots.1', 'must not overlap another slot'],
      ['slots.2', 'must not overlap another slot'],
    ]);
  });
});
