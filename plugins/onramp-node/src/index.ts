/**
 * The HTTP conventions both Onramp backends share: `requireUser`, zod input
 * to 400, one audit helper, CSV responses and the portal's admins.
 *
 * @packageDocumentation
 */
export * from './http';
export * from './audit';
export * from './admins';
