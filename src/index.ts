/**
 * @module httpwhy
 * Library entry point: re-exports only.
 */
export * from './codes/index.ts';
export * from './compare/index.ts';
export * from './diagnose/index.ts';
export { ERROR_CATALOGUE, HttpwhyError, isHttpwhyError, type ErrorCode } from './errors.ts';
