/**
 * The HTTP conventions both Onramp backends share: `requireUser`, zod input
 * to 400, one audit helper and CSV responses.
 *
 * @packageDocumentation
 */
export * from './http';
export * from './audit';
