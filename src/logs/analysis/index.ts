/**
 * @module logs/analysis
 * The streaming analysis of parsed lines (analysis.ts): proxy error events indexed by time (error-index.ts),
 * access entries joined to app lines by request id or time window (app-join.ts), each 5xx, 499 and 009
 * classified (classify.ts) and summed into bounded findings (findings.ts, top-k.ts, timeline.ts).
 * The combining rules are data (verdict-rules.ts, join-rules.ts, in the expression language of rule-expr.ts),
 * so the fleet domain compiles the same rules to SQL.
 */
export { Analysis, type AnalysisTap, type LinkedEvent } from './analysis.ts';
export { statusKey, type CauseSummary, type Example } from './findings.ts';
export type { Ranked } from './top-k.ts';
export { DEFAULT_WINDOW_SECONDS } from './join-rules.ts';
