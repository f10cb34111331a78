/**
 * What every Onramp package shares: text that every database engine stores
 * alike, the page envelope, zod error text and a formula-safe CSV writer.
 *
 * @packageDocumentation
 */
export * from './text';
export * from './zod';
export * from './page';
export * from './csv';
export * from './numbers';
export * from './translations';
