/**
 * @module logs/input
 * Reading inputs: files, stdin and gzip opened with their first bytes peeked for detection (input-source.ts),
 * regular files followed across rotation and truncation (followed-file.ts), bytes split into lines for a sink
 * (line-splitter.ts), a JSON document's records as lines (json-document.ts), and the per-input accounting of parsed
 * and skipped lines (file-stats.ts). Knows no format.
 */
export { FileStats, hasControlBytes, headLines, SKIP_REASONS, type LineExample, type SkipReason, type Tally } from './file-stats.ts';
export { FollowedFile } from './followed-file.ts';
export { checkReadable, openInput, type OpenedInput } from './input-source.ts';
export { jsonDocumentAsLines } from './json-document.ts';
export { LineSplitter, type LineSink } from './line-splitter.ts';
