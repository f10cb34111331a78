/**
 * Day-1 golden-path scaffolder actions: publish to git, deploy, monitoring,
 * DNS, endpoint verification, progress evidence and teardown; deploy,
 * monitoring and DNS run through providers that other modules can add.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPaths as default } from './module';
export * from './actions';
export { readSettings } from './lib/config';
export type { GoldenPathsSettings } from './lib/config';
export * from './providers';
