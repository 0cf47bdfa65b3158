/**
 * @module logs
 * The log analyzer behind `httpwhy logs`: reads proxy access and error logs and app logs (files, stdin,
 * gzip), detects their formats, joins them by request id, time window or error-log context, and says for
 * every 5xx, 499 and 009 whether the app or the proxy issued it, and why. Streaming, bounded memory.
 *
 * Rooms, each entered only through its own index.ts; a room imports only the rooms below it, and every room
 * imports types.ts, the types they share:
 *   report/            report model, text and HTML views, their translations, --fail-on    (uses analysis, input)
 *   analysis/          error index, app joins, classification, findings, timeline, top-k   (uses formats)
 *   input/  formats/   reading inputs | one parser file per format, registry.ts (one line per format) and
 *                      detect.ts (which format reads an input and its lines); neither imports the other
 * On top, the orchestration that uses every room: session.ts (open, detect, read, report), file-sink.ts (one
 * input's lines through its parsers into the analysis), format-mismatch.ts (a forced format that reads no line),
 * follow.ts (`-f`), live-counts.ts (what a session has read so far, for metrics) and progress.ts (the progress line).
 * Room tests that need a whole analysis import this door.
 */
export { analyzeLogs, LogSession, type AnalyzeOptions, type Progress } from './session.ts';
export { followLogs, type FollowOptions } from './follow.ts';
export type { InputCounts, LiveCounts } from './live-counts.ts';
export { progressBar } from './progress.ts';
export { LOG_GAPS, type CauseSummary, type Example, type LogGap, type Ranked, type VerdictEvent } from './analysis/index.ts';
export {
  crossedThresholds,
  parseFailOn,
  renderLogReportText,
  renderLogReportHtml,
  logsText,
  type Threshold,
  type LogReport,
  type FileReport,
  type UnlinkedErrors,
  type LogsText,
  type ReadWarning,
  type LogSetupAdvice,
  type MissingField,
  type SetupProxy,
} from './report/index.ts';
export {
  CAUSES,
  EVIDENCE_KINDS,
  FORMAT_IDS,
  UNKNOWN_REASONS,
  type AppStack,
  type Cause,
  type EvidenceKind,
  type FileRole,
  type FormatId,
  type IssuerClass,
  type LineOrigin,
  type LogEvidence,
  type UnknownReason,
  type WrapperId,
  WRAPPER_IDS,
} from './types.ts';
export { SKIP_REASONS, type LineExample, type SkipReason, type Tally } from './input/index.ts';
