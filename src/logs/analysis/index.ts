/**
 * @module logs/analysis
 * The streaming analysis of parsed lines (analysis.ts): proxy error events indexed by time (error-index.ts),
 * access entries joined to app lines by request id or time window (app-join.ts), each 5xx, 499 and 009
 * classified (classify.ts) and summed into bounded findings (findings.ts, top-k.ts, timeline.ts), with what the lines
 * of weak verdicts lack (field-gaps.ts).
 */
export { Analysis, type VerdictEvent } from './analysis.ts';
export { LOG_GAPS, type FileGaps, type LogGap } from './field-gaps.ts';
export { statusKey, type CauseSummary, type Example } from './findings.ts';
export type { Ranked } from './top-k.ts';
