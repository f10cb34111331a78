/**
 * The conventions both Onramp backends share: `requireUser`, zod input
 * to 400, one audit helper, CSV responses, the portal's admins, a person's
 * groups and managers in the catalog, and the startup check of optional
 * integrations.
 *
 * @packageDocumentation
 */
export * from './http';
export * from './audit';
export * from './admins';
export * from './catalog';
export * from './integrations';
