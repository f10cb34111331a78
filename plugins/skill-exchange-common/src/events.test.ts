import {
  eventInputSchema,
  eventUpdateSchema,
  registrationClosedReason,
  registrationState,
} from './events';

const event = {
  name: 'HacktoberFest 2026',
  startsOn: '2026-10-12',
  endsOn: '2026-10-16',
};

describe('event schemas', () => {
  it('accepts an event with organisers and checks the dates', () => {
    expect(
      eventInputSchema.parse({ ...event, organisers: ['user:default/cara'] }),
    ).toEqual({
      ...event,
      description: '',
      phase: 'planning',
      organisers: ['user:default/cara'],
    });
    expect(
      eventInputSchema.safeParse({ ...event, endsOn: '2026-10-01' }).success,
    ).toBe(false);
    expect(
      eventInputSchema.safeParse({ ...event, organisers: ['group:default/x'] })
        .success,
    ).toBe(false);
  });

  it('orders the registration window within the event', () => {
    const issues = (extra: object) => {
      const result = eventInputSchema.safeParse({ ...event, ...extra });
      return result.success ? [] : result.error.issues.map(i => i.path[0]);
    };
    expect(
      issues({
        registrationOpensOn: '2026-09-01',
        registrationClosesOn: '2026-10-13',
      }),
    ).toEqual([]);
    expect(issues({ registrationOpensOn: null })).toEqual([]);
    expect(issues({ registrationClosesOn: '2026-10-17' })).toEqual([
      'registrationClosesOn',
    ]);
    expect(
      issues({
        registrationOpensOn: '2026-10-14',
        registrationClosesOn: '2026-10-13',
      }),
    ).toEqual(['registrationOpensOn']);
    // Without a closing day it closes on the last day.
    expect(issues({ registrationOpensOn: '2026-10-17' })).toEqual([
      'registrationOpensOn',
    ]);
    expect(issues({ phase: 'judging' })).toEqual(['phase']);
  });

  it('needs a version to update, and keeps the phase unless given', () => {
    expect(eventUpdateSchema.safeParse(event).success).toBe(false);
    const parsed = eventUpdateSchema.parse({ ...event, version: 3 });
    expect(parsed.phase).toBeUndefined();
    expect(
      eventUpdateSchema.safeParse({
        ...event,
        version: 3,
        endsOn: '2026-10-01',
      }).success,
    ).toBe(false);
  });
});

describe('registration', () => {
  const window = {
    name: 'Hack week',
    registrationOpensOn: '2026-10-01',
    registrationClosesOn: '2026-10-12',
    phase: 'planning' as const,
  };
  it('is open on the days of its window, both ends included', () => {
    expect(registrationState(window, '2026-09-30')).toBe('not_yet_open');
    expect(registrationState(window, '2026-10-01')).toBe('open');
    expect(registrationState(window, '2026-10-12')).toBe('open');
    expect(registrationState(window, '2026-10-13')).toBe('closed');
    expect(
      registrationState({ ...window, registrationOpensOn: null }, '2026-01-01'),
    ).toBe('open');
    expect(
      registrationState({ ...window, phase: 'results' }, '2026-10-05'),
    ).toBe('closed');
  });
  it('says why a hack cannot join', () => {
    expect(registrationClosedReason(window, '2026-10-05')).toBeUndefined();
    expect(registrationClosedReason(window, '2026-09-01')).toBe(
      'Registration for Hack week opens on 2026-10-01; hacks can join it from then until 2026-10-12.',
    );
    expect(registrationClosedReason(window, '2026-11-01')).toBe(
      'Registration for Hack week closed on 2026-10-12; hacks can no longer join it.',
    );
  });
});
