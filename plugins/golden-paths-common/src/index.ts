/**
 * Types, zod schemas, permissions and the typed API client shared by the
 * Onramp Golden Paths frontend and backend plugins.
 *
 * @packageDocumentation
 */
export * from './schemas';
export * from './requestSchemas';
export * from './types';
export * from './permissions';
export * from './api';
export * from './client';
export * from './serviceName';
export * from './runtime';
export * from './evidenceHints';
export * from './teardown';
export * from './bootcamps';
export * from './pulse';
export * from './entity';
export * from './buddies';
export {
  forbiddenCharacterMessage,
  safeString,
} from '@onramp/backstage-plugin-onramp-common';
