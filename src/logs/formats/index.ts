/**
 * @module logs/formats
 * Every log format the analyzer reads, one parser per format behind the `LineParser` contract (line-parser.ts):
 * the registry with one line per format (registry.ts), detection, the one place that decides an input's and a
 * line's format (detect.ts), the wrappers lines arrive in (wrappers/, read around any parser by
 * unwrapping-parser.ts), the nginx `log_format` compiler and its generated scanners, and the helpers the parsers
 * share (times, zones, fields, error-message causes, stack traces).
 */
export { detectFormat, detectInput, detectWrappers, fitsFormat, parsersFor, roleOf } from './detect.ts';
export { hasAppLines, isAppFormat, isErrorFormat, readsLogFormat, resolveFormat, type ParserOptions } from './registry.ts';
export { KIND, type LineKind, type LineParser } from './line-parser.ts';
export { PRESET_FORMATS, type CompiledFormat } from './log-format.ts';
export { requestKey } from './nginx-error.ts';
export { URLLIB3_RESPONSE } from './app-request-line.ts';
export { impliedErrorStatus } from './error-status.ts';
export { parseTimeZone } from './time-zone.ts';
export { rejoinRuns } from './broken-sample.ts';
export type { LineView } from './wrappers/index.ts';
