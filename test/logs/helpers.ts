/** Small builders shared by the log analyzer's unit tests. */
import { readFileSync } from 'node:fs';
import { detectInput, type LineKind, type LineParser } from '../../src/logs/formats/index.ts';
import type { AccessRecord } from '../../src/logs/types.ts';

/** Runs a log parser on one line given as a string, the way the line splitter would hand it over. */
export function parseLine(parser: LineParser, line: string): LineKind {
  const buf = Buffer.from(line);
  return parser.parse(buf, buf.toString('latin1'), 0, buf.length);
}

/** An access record at 2024-05-01T10:00:00Z for `GET /x` from 10.0.0.1, with `overrides`. */
export function accessRecord(overrides: Partial<AccessRecord> = {}): AccessRecord {
  return {
    status: 502,
    timeMs: Date.UTC(2024, 4, 1, 10),
    tzOffsetMin: 0,
    client: '10.0.0.1',
    method: 'GET',
    path: '/x',
    requestId: '',
    upstream: '',
    connection: '',
    requestTime: Number.NaN,
    signal: null,
    truncatedBy: null,
    ...overrides,
  };
}

/** The lines of a file of the wild corpus (test/fixtures/logs/wild/, published logs), without a trailing empty one. */
export function wildLines(file: string): string[] {
  const text = readFileSync(new URL(`../fixtures/logs/wild/${file}`, import.meta.url), 'utf8');
  return text.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
}

/** The format detection gives a file of the wild corpus, read whole. */
export function detectWild(file: string): string | null {
  return detectInput(Buffer.from(wildLines(file).join('\n')), true, false, { appFields: {} })?.format ?? null;
}
