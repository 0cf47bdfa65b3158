/**
 * Per-input accounting: every line is parsed or skipped with a reason (total = parsed + skipped), with a few
 * examples per reason, lines read with another format (mixed files), read errors, and the input's first lines.
 */
import { isUtf8 } from 'node:buffer';
import type { FileRole, FormatId, WrapperId } from '../types.ts';

/** Why a log line was not read: empty, binary, invalid UTF-8, too long, cut at the end of the file, or in no known format. */
export const SKIP_REASONS = ['empty', 'binary', 'invalid-utf8', 'too-long', 'truncated', 'unrecognized'] as const;
/** Why a log line was not read: one of {@link SKIP_REASONS}. */
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A skipped line shown in a report: where it was, the start of its text, and why it was skipped. */
export interface LineExample {
  line: number;
  /** The start of the line, control bytes and invalid UTF-8 escaped. */
  text: string;
}

/** Counts of the lines of one file: read, parsed, skipped by reason. */
export interface Tally {
  count: number;
  examples: LineExample[];
}

const MAX_LINE_EXAMPLES = 3;
const EXAMPLE_CHARS = 120;

/** A printable start of the line: control bytes as \xNN, invalid UTF-8 as U+FFFD. */
export function excerpt(buf: Buffer, start: number, end: number): string {
  const text = buf.toString('utf8', start, Math.min(end, start + EXAMPLE_CHARS * 4)).slice(0, EXAMPLE_CHARS);
  // oxlint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The first `count` non-empty lines of an input's peeked head; its last line only when the head is the whole input. */
export function headLines(head: Buffer, complete: boolean, count = MAX_LINE_EXAMPLES): LineExample[] {
  const lines: LineExample[] = [];
  let pos = 0;
  for (let lineNo = 1; pos < head.length && lines.length < count; lineNo++) {
    let nl = head.indexOf(10, pos);
    if (nl < 0 && !complete) break;
    if (nl < 0) nl = head.length;
    const end = nl > pos && head[nl - 1] === 13 ? nl - 1 : nl;
    if (head.toString('utf8', pos, end).trim() !== '') lines.push({ line: lineNo, text: excerpt(head, pos, end) });
    pos = nl + 1;
  }
  return lines;
}

export function hasControlBytes(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32 && c !== 27) || c === 127) return true;
  }
  return false;
}

export class FileStats {
  readonly name: string;
  format: FormatId | null = null;
  role: FileRole | null = null;
  /** True when the format came from detection, false when forced with --format. */
  detected = true;
  /** Detection: how many of the sampled first lines the chosen format read. */
  sample: { matched: number; sampled: number } | null = null;
  /** The log_format of nginx-custom and nginx-json (given or inferred), the log-format given for haproxy. */
  logFormat: string | null = null;
  /** The wrappers around its lines (docker json-file, CRI, syslog…), outermost first. */
  wrappers: readonly WrapperId[] = [];
  gzip = false;
  /** One JSON document whose records were read as lines (`lines` counts records then). */
  document = false;
  parsed = 0;
  /** Parsed lines that continued the app entry before them (stack traces); part of `parsed`. */
  continued = 0;
  /** Parsed lines that completed an entry a paste broke over lines (broken-entries.ts); part of `parsed`. */
  rejoined = 0;
  skipped = 0;
  readonly skippedBy = new Map<SkipReason, Tally>();
  /** Lines of a mixed file that another format read. */
  readonly otherFormats = new Map<FormatId, number>();
  /** Parsed lines whose bytes were not valid UTF-8 (decoded with U+FFFD). */
  readonly invalidUtf8: Tally = { count: 0, examples: [] };
  /** A read or decompression error that ended this input early. */
  error: string | null = null;
  /** The first non-empty lines, from the bytes peeked at open, to show what an input holds when none of it is usable. */
  firstLines: LineExample[] = [];

  constructor(name: string) {
    this.name = name;
  }

  get lines(): number {
    return this.parsed + this.skipped;
  }

  /** Lines with something on them: blank lines are counted as skipped, but nothing was lost with them. */
  get contentLines(): number {
    return this.lines - (this.skippedBy.get('empty')?.count ?? 0);
  }

  /** Lines read by the input's own format, not by another format's parser (mixed files). */
  get ownFormatLines(): number {
    let other = 0;
    for (const n of this.otherFormats.values()) other += n;
    return this.parsed - other;
  }

  skip(reason: SkipReason, lineNo: number, example: string): void {
    this.skipped++;
    let tally = this.skippedBy.get(reason);
    if (!tally) {
      tally = { count: 0, examples: [] };
      this.skippedBy.set(reason, tally);
    }
    tally.count++;
    if (tally.examples.length < MAX_LINE_EXAMPLES) tally.examples.push({ line: lineNo, text: example });
  }

  /** Classifies and records a line no parser read. */
  skipLine(buf: Buffer, text: string, start: number, end: number, lineNo: number, final: boolean): void {
    let reason: SkipReason = 'unrecognized';
    if (text.slice(start, end).trim() === '') reason = 'empty';
    else if (hasControlBytes(text, start, end)) reason = 'binary';
    else if (!isUtf8(buf.subarray(start, end))) reason = 'invalid-utf8';
    else if (final) reason = 'truncated';
    this.skip(reason, lineNo, excerpt(buf, start, end));
  }

  noteInvalidUtf8(buf: Buffer, start: number, end: number, lineNo: number): void {
    this.invalidUtf8.count++;
    if (this.invalidUtf8.examples.length < MAX_LINE_EXAMPLES) this.invalidUtf8.examples.push({ line: lineNo, text: excerpt(buf, start, end) });
  }
}
