/**
 * Feeds one input's lines to its parser and the analysis. A line the file's format cannot read is tried
 * with the other formats of its family (mixed files, e.g. `docker logs` interleaving access and error
 * lines); a line nothing reads is kept a moment in case the next completes it (an entry broken over lines:
 * broken-entries.ts), else skipped with a reason.
 */
import { isUtf8 } from 'node:buffer';
import type { Analysis } from './analysis/index.ts';
import { BrokenEntries, type UnreadLine } from './broken-entries.ts';
import { KIND, type LineKind, type LineParser } from './formats/index.ts';
import { hasControlBytes, type FileStats, type LineSink } from './input/index.ts';

/** After this many unread lines without a broken entry among them, a file's unread lines are skipped at once. */
const MAX_UNREAD_WITHOUT_JOIN = 2000;

export class FileSink implements LineSink {
  private readonly stats: FileStats;
  private readonly primary: LineParser;
  private readonly fallbacks: LineParser[];
  private readonly analysis: Analysis;
  private checkedChunk: Buffer | null = null;
  private chunkIsUtf8 = true;
  private readonly broken = new BrokenEntries();
  /** Unread lines met while no broken entry was found: past a limit, a file of unread lines is not searched for one. */
  private unreadWithoutJoin = 0;

  constructor(stats: FileStats, primary: LineParser, fallbacks: LineParser[], analysis: Analysis) {
    this.stats = stats;
    this.primary = primary;
    this.fallbacks = fallbacks;
    this.analysis = analysis;
  }

  line(buf: Buffer, text: string, start: number, end: number, lineNo: number, final: boolean): void {
    let parser = this.primary;
    let kind: LineKind = parser.parse(buf, text, start, end);
    if (kind === KIND.none) {
      const found = this.fallback(buf, text, start, end);
      if (!found) {
        this.unread(buf, text, start, end, lineNo, final);
        return;
      }
      [parser, kind] = found;
      // The same format under another log_format (changed-json-format.ts) is no other format.
      if (parser.format !== this.primary.format) this.stats.otherFormats.set(parser.format, (this.stats.otherFormats.get(parser.format) ?? 0) + 1);
    }
    if (this.broken.held) {
      // The lines before were an entry broken over lines, now complete: read it first, then this line again.
      this.settleBroken();
      kind = parser.parse(buf, text, start, end);
    } else if (this.broken.pending) {
      this.skipAll(this.broken.drain());
    }
    this.stats.parsed++;
    this.checkUtf8(buf, start, end, lineNo);
    this.record(parser, kind, lineNo);
  }

  /** Reads the broken entry still held and skips the unread lines still kept (at the end of the input). */
  end(): void {
    this.settleBroken();
    const parser = this.primary;
    while (parser.nextHeldRequest?.()) this.analysis.access(parser, this.stats.name, 0);
  }

  /** Reads the held broken entry, now complete, and skips the unread lines kept after it. */
  private settleBroken(): void {
    const held = this.broken.held;
    this.broken.held = null;
    if (held) {
      // Parsed again: the attempts since left the parser holding another line.
      const kind = this.primary.parse(held.bytes, held.bytes.toString('latin1'), 0, held.bytes.length);
      this.stats.parsed += held.lines.length;
      this.stats.rejoined += held.lines.length - 1;
      this.record(this.primary, kind, held.lines[0]?.lineNo ?? 0);
    }
    this.skipAll(this.broken.drain());
  }

  private record(parser: LineParser, kind: LineKind, lineNo: number): void {
    if (kind === KIND.continuation) this.stats.continued++;
    else if (kind === KIND.access) this.analysis.access(parser, this.stats.name, lineNo);
    else if (kind === KIND.proxyError && parser.errorEvent) this.analysis.proxyError(parser.errorEvent, { file: this.stats.name, line: lineNo }, parser.format);
    else if (kind === KIND.app && parser.appEvent) this.analysis.app(parser.appEvent, { file: this.stats.name, line: lineNo }, parser.format);
  }

  /**
   * A line nothing reads: with the unread lines before it, it may complete an entry a paste broke (read with the
   * file's own format only); else it is kept for the next line, or skipped when it cannot be part of one.
   */
  private unread(buf: Buffer, text: string, start: number, end: number, lineNo: number, final: boolean): void {
    if (this.unreadWithoutJoin >= MAX_UNREAD_WITHOUT_JOIN || text.slice(start, end).trim() === '' || hasControlBytes(text, start, end)) {
      this.settleBroken();
      this.stats.skipLine(buf, text, start, end, lineNo, final);
      return;
    }
    this.unreadWithoutJoin++;
    const line: UnreadLine = { bytes: Buffer.from(buf.subarray(start, end)), lineNo, final };
    const extended = this.broken.extension(line);
    if (extended && this.reads(extended.bytes)) {
      this.broken.held = extended;
      return;
    }
    if (this.broken.held) this.settleBroken();
    for (const rejoined of this.broken.candidates(line)) {
      if (!this.reads(rejoined.bytes)) continue;
      this.skipAll(this.broken.hold(rejoined));
      this.unreadWithoutJoin = 0;
      return;
    }
    this.skipAll(this.broken.keep(line));
  }

  /** Whether the file's own format reads `bytes` as one line. */
  private reads(bytes: Buffer): boolean {
    return this.primary.parse(bytes, bytes.toString('latin1'), 0, bytes.length) !== KIND.none;
  }

  private skipAll(lines: readonly UnreadLine[]): void {
    for (const l of lines) this.stats.skipLine(l.bytes, l.bytes.toString('latin1'), 0, l.bytes.length, l.lineNo, l.final);
  }

  overlong(head: Buffer, bytes: number, lineNo: number): void {
    this.stats.skip('too-long', lineNo, `${head.toString('utf8', 0, 80)}… (${bytes} bytes)`);
  }

  /** Whole chunks are checked at once (SIMD); lines only inside a chunk that failed. */
  private checkUtf8(buf: Buffer, start: number, end: number, lineNo: number): void {
    if (buf !== this.checkedChunk) {
      this.checkedChunk = buf;
      this.chunkIsUtf8 = isUtf8(buf);
    }
    if (!this.chunkIsUtf8 && !isUtf8(buf.subarray(start, end))) this.stats.noteInvalidUtf8(buf, start, end, lineNo);
  }

  private fallback(buf: Buffer, text: string, start: number, end: number): [LineParser, LineKind] | null {
    if (start === end) return null;
    for (let i = 0; i < this.fallbacks.length; i++) {
      const parser = this.fallbacks[i] as LineParser;
      const kind = parser.parse(buf, text, start, end);
      if (kind === KIND.none) continue;
      // Mixed files repeat the same second format: try it first next time.
      if (i > 0) this.fallbacks.unshift(...this.fallbacks.splice(i, 1));
      return [parser, kind];
    }
    return null;
  }
}
