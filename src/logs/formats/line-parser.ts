/** The contract between format parsers and the analysis: one stateful parser per input, reused for every line. */
import type { AccessRecord, AppEvent, FormatId, ProxyErrorEvent } from '../types.ts';

/**
 * What `parse` found. `other` is a recognised line that carries nothing to analyse (start-up notices…);
 * `continuation` a line that belongs to the app entry before it (a stack frame).
 */
export const KIND = { none: 0, access: 1, proxyError: 2, app: 3, other: 4, continuation: 5 } as const;
export type LineKind = (typeof KIND)[keyof typeof KIND];

export interface LineParser {
  readonly format: FormatId;
  /**
   * Parses one line (no terminator): `[start, end)` of `text`, the latin1 view of `buf`, so offsets match.
   * Scan `text`; decode kept fields from `buf` as UTF-8.
   */
  parse(buf: Buffer, text: string, start: number, end: number): LineKind;
  /** After an access line: the status (9 for nginx's `009`, 0 when none). */
  status: number;
  /** After an access line: epoch ms, NaN when the format has no time. */
  timeMs: number;
  /** After an access line: offset of the logged clock from UTC in minutes. */
  tzOffsetMin: number;
  /** After an access line: its own fields show a failure hidden behind a 2xx/3xx. */
  flagged: boolean;
  /** After an access line: the full record (allocates; only called for lines that matter). */
  access(): AccessRecord;
  /** After a proxyError line. */
  errorEvent: ProxyErrorEvent | null;
  /** After an app line. */
  appEvent: AppEvent | null;
  /**
   * At the end of the input: the next request the parser held back until then (one whose status line never came),
   * read into the fields above as an access line; false when none is left.
   */
  nextHeldRequest?(): boolean;
}

/** Defaults for parsers that read only some kinds of line. */
export abstract class BaseParser implements LineParser {
  abstract readonly format: FormatId;
  status = 0;
  timeMs = Number.NaN;
  tzOffsetMin = 0;
  flagged = false;
  errorEvent: ProxyErrorEvent | null = null;
  appEvent: AppEvent | null = null;
  protected record: AccessRecord | null = null;

  abstract parse(buf: Buffer, text: string, start: number, end: number): LineKind;

  access(): AccessRecord {
    if (!this.record) throw new Error(`${this.format}: access() called after a line that is not an access line`);
    return this.record;
  }

  /** For parsers that build the whole record while parsing. */
  protected accessLine(record: AccessRecord, flagged: boolean): LineKind {
    this.record = record;
    this.status = record.status;
    this.timeMs = record.timeMs;
    this.tzOffsetMin = record.tzOffsetMin;
    this.flagged = flagged;
    return KIND.access;
  }
}
