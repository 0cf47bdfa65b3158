/**
 * @module logs/analysis
 * The streaming analysis of parsed lines (analysis.ts): proxy error events indexed by time (error-index.ts),
 * access entries joined to app lines by request id or time window (app-join.ts), each 5xx, 499 and 009
 * classified (classify.ts) and summed into bounded findings (findings.ts, top-k.ts, timeline.ts), with what the lines
 * of weak verdicts lack (field-gaps.ts). The combining rules are data (verdict-rules.ts, join-rules.ts, in the
 * expression language of rule-expr.ts), so the fleet domain compiles the same rules to SQL.
 */
export { Analysis, errorRecord, type AnalysisTap, type LinkedEvent, type LogWriter, type VerdictEvent } from './analysis.ts';
export { LOG_GAPS, type FileGaps, type LogGap } from './field-gaps.ts';
export { APP_MESSAGE_KEY_CHARS, compareCauses, MAX_EXAMPLES, statusKey, type CauseSummary, type Example } from './findings.ts';
export type { Ranked } from './top-k.ts';
export { DEFAULT_WINDOW_SECONDS } from './join-rules.ts';
export { bucketMsFor } from './timeline.ts';
export { routeOf } from './top-k.ts';
export { classify, errorFacts, verdictFacts } from './classify.ts';
export { compileExpr, exprBuilders, type Expr, type Scalar } from './rule-expr.ts';
export {
  VERDICT_APP_MESSAGE,
  VERDICT_EVIDENCE,
  VERDICT_FACTS,
  VERDICT_RULES,
  VERDICT_STATUSES,
  type FactType,
  type VerdictFact,
  type VerdictFacts,
  type VerdictRule,
} from './verdict-rules.ts';
export {
  APP_CLOCK_SHIFT_MS,
  COVERAGE,
  ID_LINK_CONFIDENCE,
  LINK_SOURCE,
  PATH_QUERY_START,
  WINDOW_CONFIDENCE,
  WINDOW_MATCH,
  type CoverageFact,
  type LinkFact,
  type WindowFact,
} from './join-rules.ts';
