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
 * follow.ts (`-f`), pasted-lines.ts (a few pasted lines, for diagnose), live-counts.ts (what a session has read so far, for metrics) and progress.ts (the progress line).
 * Room tests that need a whole analysis import this door.
 */
export { analyzeLogs, LogSession, type AnalyzeOptions, type Progress } from './session.ts';
export { followLogs, type FollowOptions } from './follow.ts';
export type { InputCounts, LiveCounts } from './live-counts.ts';
export { progressBar } from './progress.ts';
export { readPastedLogLines, type PastedLogEntry } from './pasted-lines.ts';
export { LOG_GAPS, type CauseSummary, type Example, type LogGap, type LogWriter, type Ranked, type VerdictEvent } from './analysis/index.ts';
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
// For diagnose, which reads urllib3's line as the client's message that the app-log reader must not take for a server's.
export { URLLIB3_RESPONSE } from './formats/index.ts';
// For the fleet domain, which writes rows from a tap and compiles the same rules to SQL.
export {
  APP_CLOCK_SHIFT_MS,
  APP_MESSAGE_KEY_CHARS,
  bucketMsFor,
  compareCauses,
  compileExpr,
  exprBuilders,
  COVERAGE,
  DEFAULT_WINDOW_SECONDS,
  errorFacts,
  ID_LINK_CONFIDENCE,
  LINK_SOURCE,
  MAX_EXAMPLES,
  PATH_QUERY_START,
  routeOf,
  statusKey,
  VERDICT_APP_MESSAGE,
  VERDICT_EVIDENCE,
  VERDICT_FACTS,
  VERDICT_RULES,
  VERDICT_STATUSES,
  verdictFacts,
  WINDOW_CONFIDENCE,
  WINDOW_MATCH,
  type AnalysisTap,
  type CoverageFact,
  type Expr,
  type FactType,
  type LinkedEvent,
  type LinkFact,
  type Scalar,
  type VerdictFact,
  type VerdictFacts,
  type VerdictRule,
  type WindowFact,
} from './analysis/index.ts';
export { UNLINKED_EXAMPLES } from './report/index.ts';
export { issuerClassOf, type AccessRecord, type AppEvent, type LineRef, type ProxyErrorEvent } from './types.ts';
