/**
 * Day-1 golden-path scaffolder actions: publish to git, deploy, monitoring,
 * DNS, endpoint verification, progress evidence and teardown.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPaths as default } from './module';
export * from './actions';
export { readSettings } from './lib/config';
export type { GoldenPathsSettings } from './lib/config';
