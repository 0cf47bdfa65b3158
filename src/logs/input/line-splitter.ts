/**
 * Splits a stream of byte chunks into lines. Each chunk is decoded once as latin1 (one char per byte, so
 * string offsets are byte offsets) and lines are handed out as `[start, end)` ranges of that text and of the
 * bytes (LF or CRLF removed). Parsers scan the text with V8's string builtins, which is much faster than
 * crossing into C++ per field, and decode UTF-8 from the bytes only for the fields they keep.
 * Lines longer than the cap are not buffered: the sink gets their first bytes and their length.
 */

/** Lines longer than this are reported as too long instead of parsed (memory stays bounded). */
export const MAX_LINE_BYTES = 1 << 21;
const HEAD_BYTES = 160;

export interface LineSink {
  /** `final` is true for a last line that had no line terminator (possibly cut short). */
  line(buf: Buffer, text: string, start: number, end: number, lineNo: number, final: boolean): void;
  overlong(head: Buffer, bytes: number, lineNo: number): void;
  /** After the last line. */
  end?(): void;
}

export class LineSplitter {
  private readonly sink: LineSink;
  private readonly maxLine: number;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private overlongHead: Buffer | null = null;
  private lineNo = 0;

  constructor(sink: LineSink, maxLineBytes = MAX_LINE_BYTES) {
    this.sink = sink;
    this.maxLine = maxLineBytes;
  }

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.partBytes > 0 || this.overlongHead) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        this.carry(chunk);
        return;
      }
      this.carry(chunk.subarray(0, nl));
      this.flushCarry(false);
      pos = nl + 1;
    }
    const text = chunk.toString('latin1');
    const maxLine = this.maxLine;
    let nl = text.indexOf('\n', pos);
    while (nl !== -1) {
      if (nl - pos > maxLine) this.emitOverlong(chunk.subarray(pos, Math.min(nl, pos + HEAD_BYTES)), nl - pos);
      else this.emit(chunk, text, pos, nl, false);
      pos = nl + 1;
      nl = text.indexOf('\n', pos);
    }
    if (pos < chunk.length) this.carry(chunk.subarray(pos));
  }

  /** Call once at the end of input: emits a last line that had no terminator. */
  end(): void {
    if (this.partBytes > 0 || this.overlongHead) this.flushCarry(true);
    this.sink.end?.();
  }

  private carry(piece: Buffer): void {
    this.partBytes += piece.length;
    if (this.overlongHead) return;
    if (this.partBytes > this.maxLine) {
      this.overlongHead = Buffer.concat([...this.parts, piece.subarray(0, HEAD_BYTES)]).subarray(0, HEAD_BYTES);
      this.parts = [];
      return;
    }
    // Copy: the producer may reuse the chunk behind `piece`.
    this.parts.push(Buffer.from(piece));
  }

  private flushCarry(final: boolean): void {
    if (this.overlongHead) {
      this.emitOverlong(this.overlongHead, this.partBytes);
    } else {
      const line = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.partBytes);
      this.emit(line, line.toString('latin1'), 0, line.length, final);
    }
    this.parts = [];
    this.partBytes = 0;
    this.overlongHead = null;
  }

  private emit(buf: Buffer, text: string, start: number, end: number, final: boolean): void {
    this.lineNo++;
    this.sink.line(buf, text, start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end, this.lineNo, final);
  }

  private emitOverlong(head: Buffer, bytes: number): void {
    this.lineNo++;
    this.sink.overlong(head, bytes, this.lineNo);
  }
}
