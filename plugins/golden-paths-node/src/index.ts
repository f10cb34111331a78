/**
 * Golden Paths for other backend code: the in-process evidence service and
 * the extension point for merged pull request sources.
 *
 * @packageDocumentation
 */
export * from './evidence';
export * from './sources';
