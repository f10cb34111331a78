/**
 * Property-based fuzzing of Onramp's HTTP routes: arbitraries from zod
 * schemas, hostile inputs, a route fuzzer that fails on any 5xx and on any
 * 4xx that changed a row, and a digest of a test database.
 *
 * @packageDocumentation
 */
export {
  accepts,
  arbitraryFromZod,
  type ArbitraryFromZodOptions,
  type ZodSchema,
} from './zodArbitrary';
export {
  describeValue,
  escapeForLog,
  hostileStrings,
  hostileValues,
  nestedArray,
  nestedObject,
  ONE_MEGABYTE,
  type Hostile,
} from './hostile';
export {
  DEFAULT_FUZZ_RUNS,
  DEFAULT_FUZZ_SEED,
  fuzzCases,
  fuzzRoute,
  fuzzRoutes,
  routeName,
  urlOf,
  validFrom,
  type FuzzCase,
  type FuzzOptions,
  type FuzzReport,
  type FuzzRoute,
  type HttpMethod,
  type PartSpec,
} from './fuzzRoutes';
export {
  describeRouteFuzzing,
  type FuzzTarget,
  type RouteFuzzingOptions,
} from './fuzzBackend';
export { databaseSnapshot, listTables } from './snapshot';
export { encodeComponent, encodeQuery } from './mutate';
export { installedPlugins } from './installedPlugins';
export { capturedLogs, type LoggedLine } from './capturedLogs';
