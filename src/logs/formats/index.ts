/**
 * @module logs/formats
 * Every log format the analyzer reads, one parser per format behind the `LineParser` contract (line-parser.ts):
 * the registry of formats, `--format` resolution and detection from an input's first lines (formats.ts), the
 * nginx `log_format` compiler and its generated scanners, and the helpers the parsers share (times, zones, fields,
 * error-message causes).
 */
export { APP_FORMATS, createParser, detectFormat, isAppFormat, isErrorFormat, PROXY_FORMATS, resolveFormat, type ParserOptions } from './formats.ts';
export { KIND, type LineKind, type LineParser } from './line-parser.ts';
export type { CompiledFormat } from './nginx-format.ts';
export { requestKey } from './nginx-error.ts';
export { parseTimeZone } from './time-zone.ts';
