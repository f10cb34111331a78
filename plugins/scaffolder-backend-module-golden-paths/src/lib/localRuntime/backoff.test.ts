import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles from 0.5 s up to 30 s while the service keeps crashing', () => {
    const backoff = new Backoff();
    const delays = Array.from({ length: 9 }, () => backoff.next(100));
    expect(delays).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('starts again from 0.5 s after a run that stayed up a stable minute', () => {
    const backoff = new Backoff();
    backoff.next(10);
    backoff.next(10);
    expect(backoff.next(59_999)).toBe(2000);
    expect(backoff.next(60_000)).toBe(500);
    expect(backoff.next(10)).toBe(1000);
  });

  it('never overflows after many failures', () => {
    const backoff = new Backoff({ initialMs: 1, maxMs: 50 });
    for (let i = 0; i < 2000; i++) backoff.next(0);
    expect(backoff.next(0)).toBe(50);
  });
});
