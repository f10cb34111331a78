import { mockServices } from '@backstage/backend-test-utils';
import { readGoldenPathsConfig } from './config';

const read = (minimumGroupSize?: number) =>
  readGoldenPathsConfig(
    mockServices.rootConfig({
      data: { goldenPaths: { metrics: { minimumGroupSize } } },
    }),
  );

describe('goldenPaths.metrics.minimumGroupSize', () => {
  it('defaults to 5 and takes whole numbers from 3 to 1000', () => {
    expect(read().minimumGroupSize).toBe(5);
    expect(read(3).minimumGroupSize).toBe(3);
    expect(read(1000).minimumGroupSize).toBe(1000);
  });

  it.each([0, 1, 2, 4.5, 1001, -5])('refuses %p', value => {
    expect(() => read(value)).toThrow(
      `goldenPaths.metrics.minimumGroupSize must be a whole number from 3 to 1000, got ${value}`,
    );
  });
});

describe('goldenPaths.buddies', () => {
  const buddies = (value?: object) =>
    readGoldenPathsConfig(
      mockServices.rootConfig({ data: { goldenPaths: { buddies: value } } }),
    ).buddies;

  it('is on with at most 3 people per buddy by default', () => {
    expect(buddies()).toEqual({ enabled: true, maxPerBuddy: 3 });
    expect(buddies({ enabled: false, maxPerBuddy: 1 })).toEqual({
      enabled: false,
      maxPerBuddy: 1,
    });
  });

  it.each([0, 2.5, 101, -1])('refuses maxPerBuddy %p', value => {
    expect(() => buddies({ maxPerBuddy: value })).toThrow(
      `goldenPaths.buddies.maxPerBuddy must be a whole number from 1 to 100, got ${value}`,
    );
  });
});
