/**
 * Feeds one input's lines to its parser and the analysis. A line the file's format cannot read is tried
 * with the other formats of its family (mixed files, e.g. `docker logs` interleaving access and error
 * lines); a line nothing reads is skipped with a reason.
 */
import { isUtf8 } from 'node:buffer';
import type { Analysis } from './analysis/index.ts';
import { KIND, type LineKind, type LineParser } from './formats/index.ts';
import type { FileStats, LineSink } from './input/index.ts';

export class FileSink implements LineSink {
  private readonly stats: FileStats;
  private readonly primary: LineParser;
  private readonly fallbacks: LineParser[];
  private readonly analysis: Analysis;
  private checkedChunk: Buffer | null = null;
  private chunkIsUtf8 = true;

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
        this.stats.skipLine(buf, text, start, end, lineNo, final);
        return;
      }
      [parser, kind] = found;
      this.stats.otherFormats.set(parser.format, (this.stats.otherFormats.get(parser.format) ?? 0) + 1);
    }
    this.stats.parsed++;
    this.checkUtf8(buf, start, end, lineNo);
    if (kind === KIND.continuation) this.stats.continued++;
    else if (kind === KIND.access) this.analysis.access(parser, this.stats.name, lineNo);
    else if (kind === KIND.proxyError && parser.errorEvent) this.analysis.proxyError(parser.errorEvent, { file: this.stats.name, line: lineNo }, parser.format);
    else if (kind === KIND.app && parser.appEvent) this.analysis.app(parser.appEvent, { file: this.stats.name, line: lineNo }, parser.format);
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
