/**
 * Splits a stream of byte chunks into lines without decoding them. Lines are handed out as
 * `[start, end)` ranges of a buffer (LF or CRLF removed), so the hot path allocates nothing per line.
 * Lines longer than the cap are not buffered: the sink gets their first bytes and their length.
 */

/** Lines longer than this are reported as too long instead of parsed (memory stays bounded). */
export const MAX_LINE_BYTES = 1 << 21;
const HEAD_BYTES = 160;

export interface LineSink {
  /** `final` is true for a last line that had no line terminator (possibly cut short). */
  line(buf: Buffer, start: number, end: number, lineNo: number, final: boolean): void;
  overlong(head: Buffer, bytes: number, lineNo: number): void;
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
    const maxLine = this.maxLine;
    let nl = chunk.indexOf(10, pos);
    while (nl !== -1) {
      if (nl - pos > maxLine) this.emitOverlong(chunk.subarray(pos, pos + HEAD_BYTES), nl - pos);
      else this.emit(chunk, pos, nl, false);
      pos = nl + 1;
      nl = chunk.indexOf(10, pos);
    }
    if (pos < chunk.length) this.carry(chunk.subarray(pos));
  }

  /** Call once at the end of input: emits a last line that had no terminator. */
  end(): void {
    if (this.partBytes > 0 || this.overlongHead) this.flushCarry(true);
  }

  private carry(piece: Buffer): void {
    if (this.overlongHead) {
      this.partBytes += piece.length;
      return;
    }
    this.partBytes += piece.length;
    if (this.partBytes > this.maxLine) {
      this.overlongHead = Buffer.concat([...this.parts, piece.subarray(0, HEAD_BYTES)]).subarray(0, HEAD_BYTES);
      this.parts = [];
      return;
    }
    // Copy: the chunk behind `piece` may be reused by the producer.
    this.parts.push(Buffer.from(piece));
  }

  private flushCarry(final: boolean): void {
    if (this.overlongHead) {
      this.emitOverlong(this.overlongHead, this.partBytes);
    } else {
      const line = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.partBytes);
      this.emit(line, 0, line.length, final);
    }
    this.parts = [];
    this.partBytes = 0;
    this.overlongHead = null;
  }

  private emit(buf: Buffer, start: number, end: number, final: boolean): void {
    this.lineNo++;
    this.sink.line(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end, this.lineNo, final);
  }

  private emitOverlong(head: Buffer, bytes: number): void {
    this.lineNo++;
    this.sink.overlong(head, bytes, this.lineNo);
  }
}
