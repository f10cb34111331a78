/**
 * The Onramp Golden Paths backend plugin.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin as default } from './plugin';
export { GoldenPathRegistry, parseGoldenPaths } from './service/paths';
