/**
 * Common types, schemas, permissions and the API client of the Onramp Skill Exchange.
 *
 * @packageDocumentation
 */
export * from './approvals';
export * from './retros';
export * from './moderation';
export * from './evidence';
export * from './levels';
export * from './pairing';
export * from './permissions';
export * from './schemas';
export * from './events';
export * from './querySchemas';
export * from './buddies';
export * from './types';
export * from './api';
export * from './client';
export {
  forbiddenCharacterMessage,
  safeString,
} from '@onramp/backstage-plugin-onramp-common';
