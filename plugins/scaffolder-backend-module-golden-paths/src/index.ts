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
export type { ServiceNameChecker } from './lib/nameCheck';
export type { LocalPrometheusSettings } from './lib/config';
export type { GitAuthor } from './lib/git';
export type { Route53Settings } from './lib/config';
export type { LocalRuntimeSettings } from './lib/localRuntime/runtime';
export type { SelectedProviders } from './providers/registry';
export type { LocalRepositoryUrls } from './actions/publishGit';
export type { LinkBuilder } from './lib/links';
export type { KubernetesSettings } from './lib/config';
export type { PrometheusSettings } from './lib/config';
export type { ServiceAccess } from './lib/serviceAccess';
export type { Rfc2136Settings } from './lib/config';
export type { CloudflareSettings } from './lib/config';
export type { GrafanaSettings } from './lib/config';
