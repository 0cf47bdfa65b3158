/**
 * @module compare
 * Compare any two status codes side by side, in English or Indonesian.
 */
export { canonicalPair, compare, type Comparison, type ComparisonRow } from './compare.ts';
