/**
 * The `GoldenPath` catalog kind of Onramp's Golden Paths.
 *
 * @packageDocumentation
 */
export { catalogModuleGoldenPaths as default } from './module';
export { GoldenPathEntitiesProcessor } from './GoldenPathEntitiesProcessor';
