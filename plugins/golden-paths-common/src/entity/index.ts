export * from './convert';
export { goldenPathEntityV1alpha1Schema } from './schema';
