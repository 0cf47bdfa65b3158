/**
 * Per-input accounting: every line is parsed or skipped with a reason (total = parsed + skipped), with a few
 * examples per reason, lines read with another format (mixed files), and read errors.
 */
import { isUtf8 } from 'node:buffer';
import type { FileRole, FormatId, WrapperId } from '../types.ts';

export const SKIP_REASONS = ['empty', 'binary', 'invalid-utf8', 'too-long', 'truncated', 'unrecognized'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface LineExample {
  line: number;
  /** The start of the line, control bytes and invalid UTF-8 escaped. */
  text: string;
}

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

function hasControlBytes(text: string, start: number, end: number): boolean {
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
  /** For nginx-custom: the log_format string (given or inferred). */
  logFormat: string | null = null;
  /** The wrappers around its lines (docker json-file, CRI, syslog…), outermost first. */
  wrappers: readonly WrapperId[] = [];
  gzip = false;
  parsed = 0;
  /** Parsed lines that continued the app entry before them (stack traces); part of `parsed`. */
  continued = 0;
  skipped = 0;
  readonly skippedBy = new Map<SkipReason, Tally>();
  /** Lines of a mixed file that another format read. */
  readonly otherFormats = new Map<FormatId, number>();
  /** Parsed lines whose bytes were not valid UTF-8 (decoded with U+FFFD). */
  readonly invalidUtf8: Tally = { count: 0, examples: [] };
  /** A read or decompression error that ended this input early. */
  error: string | null = null;

  constructor(name: string) {
    this.name = name;
  }

  get lines(): number {
    return this.parsed + this.skipped;
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
