/**
 * @module logs
 * The log analyzer behind `httpwhy logs`: reads proxy access and error logs and app logs (files, stdin,
 * gzip), detects their formats, joins them by request id, time window or error-log context, and says for
 * every 5xx, 499 and 009 whether the app or the proxy issued it, and why. Streaming, bounded memory.
 */
export { analyzeLogs, LogSession, type AnalyzeOptions, type Progress } from './session.ts';
export { followLogs, type FollowOptions } from './follow.ts';
export {
  crossedThresholds,
  parseFailOn,
  renderText,
  renderHtml,
  logsText,
  resolveLocale,
  LOGS_LOCALES,
  type Threshold,
  type LogReport,
  type FileReport,
  type UnlinkedErrors,
  type LogsLocale,
  type LogsText,
} from './report/index.ts';
export type { CauseSummary, Example } from './analysis/index.ts';
export { progressBar } from './progress.ts';
export { CAUSES, FORMAT_IDS, type Cause, type FormatId, type IssuerClass, type UnknownReason } from './types.ts';
