/**
 * @module check
 * The URL checker: per URL the redirect chain (each hop's status and Location), DNS/connect/TLS/first
 * byte/download timings, a TLS certificate summary, a classified network failure with what a proxy in
 * front would answer, and the diagnosis of a failing final response. SSRF-safe by default (public
 * addresses only, pinned resolution, every hop re-checked, web ports only); `allowPrivate` is for the
 * CLI's operator alone. Bulk checking streams rows with global and per-host limits and honours Retry-After.
 */
export { isUrlLine } from './bulk.ts';
export { checkUrl, checkUrls } from './check.ts';
export { CSV_HEADER, csvLine } from './csv.ts';
export { FLAT_COLUMNS, flattenRow, type FlatColumn, type FlatRow } from './flat-row.ts';
export { DEFAULT_TIMEOUTS, MAX_BODY_BYTES, MAX_REDIRECTS, SAFE_PORTS } from './settings.ts';
export type {
  BodySummary,
  BulkOptions,
  BulkRow,
  CheckFailure,
  CheckOptions,
  CheckResult,
  FailureKind,
  HopResult,
  HopTimings,
  Phase,
  PhaseTimeouts,
  TlsFailureReason,
  TlsSummary,
} from './types.ts';
