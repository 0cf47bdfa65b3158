/**
 * The contract of a wrapper family, and the line it works on: a `[start, end)` view of `text` (the latin1 view of
 * `buf`, as line parsers take it) that each wrapper stripped moves inward, with the facts the wrappers told.
 */
import { parseIsoTime } from '../log-time.ts';
import type { LineOrigin, LoggedTime, WrapperId } from '../../types.ts';

export interface Wrapper {
  readonly id: WrapperId;
  /**
   * A wrapper whose shape a format's own first field may have (an RFC 3339 time): on a tie at detection the
   * bare reading wins, where for the others the unwrapped one does.
   */
  readonly loose: boolean;
  /** Strips the wrapper from the line and notes its facts; false, leaving the line as it was, when it has none. */
  strip(line: WrappedLine): boolean;
}

/** Facts are kept as `[from, to)` of a string and decoded only when a record needs them. */
export class WrappedLine {
  buf: Buffer = Buffer.alloc(0);
  text = '';
  start = 0;
  end = 0;
  /** The record continues in the next line (CRI `P`, docker json-file without its `\n`). */
  partial = false;
  stream: LineOrigin['stream'] = '';
  private hostText = '';
  private hostFrom = 0;
  private hostTo = 0;
  private timeText = '';
  private timeFrom = 0;
  private timeTo = 0;
  /** Decoded lines (docker json-file escapes) are written here, reused from line to line. */
  private scratch = Buffer.alloc(0);

  reset(buf: Buffer, text: string, start: number, end: number): void {
    this.buf = buf;
    this.text = text;
    this.start = start;
    this.end = end;
    this.partial = false;
    this.stream = '';
    this.hostTo = this.hostFrom;
    this.timeTo = this.timeFrom;
  }

  /** Points the line at other bytes (decoded or joined), `[0, bytes)` of `buf`. */
  replace(buf: Buffer, bytes: number): void {
    this.buf = buf;
    this.text = buf.toString('latin1', 0, bytes);
    this.start = 0;
    this.end = bytes;
  }

  /** A buffer of at least `bytes` for a decoded line; valid until the next line. */
  scratchOf(bytes: number): Buffer {
    if (this.scratch.length < bytes) this.scratch = Buffer.allocUnsafe(Math.max(bytes, 2 * this.scratch.length, 4096));
    return this.scratch;
  }

  /** Notes `[from, to)` of `text` as the container, service or host name; an inner wrapper's replaces an outer one's. */
  setHost(text: string, from: number, to: number): void {
    this.hostText = text;
    this.hostFrom = from;
    this.hostTo = to;
  }

  /** Notes `[from, to)` of `text` as the wrapper's time: RFC 3339 / ISO 8601 with a zone. */
  setTime(text: string, from: number, to: number): void {
    this.timeText = text;
    this.timeFrom = from;
    this.timeTo = to;
  }

  get host(): string {
    return this.hostText.slice(this.hostFrom, this.hostTo);
  }

  /** The wrapper's time; NaN when no wrapper gave one with a date and a zone. */
  get time(): LoggedTime {
    if (this.timeTo === this.timeFrom) return { ms: Number.NaN, local: false };
    const time = parseIsoTime(this.timeText.slice(this.timeFrom, this.timeTo));
    return time.local ? { ms: Number.NaN, local: false } : time;
  }

  /** Where the line came from, or undefined when its wrappers told nothing. */
  get origin(): LineOrigin | undefined {
    const host = this.host;
    return host === '' && this.stream === '' ? undefined : { host, stream: this.stream };
  }
}

/** `count` ASCII digits at `at`. */
function digitsAt(bytes: Uint8Array, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) {
    const c = bytes[i] as number;
    if (!(c >= 48 && c <= 57)) return false;
  }
  return true;
}

/** Position after the RFC 3339 time starting at `at` (`2024-05-14T00:00:00[.fraction](Z|±hh:mm|±hhmm)`), or -1. */
export function rfc3339End(bytes: Uint8Array, at: number, end: number): number {
  if (at + 20 > end || bytes[at + 4] !== 45 || bytes[at + 7] !== 45 || bytes[at + 10] !== 84 || bytes[at + 13] !== 58 || bytes[at + 16] !== 58) return -1;
  if (!digitsAt(bytes, at, 4) || !digitsAt(bytes, at + 5, 2) || !digitsAt(bytes, at + 8, 2) || !digitsAt(bytes, at + 11, 2) || !digitsAt(bytes, at + 14, 2) || !digitsAt(bytes, at + 17, 2)) {
    return -1;
  }
  let pos = at + 19;
  if (bytes[pos] === 46) {
    const from = ++pos;
    while (pos < end && digitsAt(bytes, pos, 1)) pos++;
    if (pos === from) return -1;
  }
  const zone = pos < end ? bytes[pos] : 0;
  if (zone === 90) return pos + 1;
  if (zone !== 43 && zone !== 45) return -1;
  const colon = bytes[pos + 3] === 58 ? 1 : 0;
  const zoneEnd = pos + 5 + colon;
  return zoneEnd <= end && digitsAt(bytes, pos + 1, 2) && digitsAt(bytes, pos + 3 + colon, 2) ? zoneEnd : -1;
}

/**
 * Terminal control sequences at `at` (`ESC [ parameters final-byte`): SGR colours (`…m`), and the erase-line
 * (`ESC[2K`) compose writes before each line while its progress display is on. Returns the end of the run, else `at`.
 */
export function skipControls(text: string, at: number, end: number): number {
  let next = at;
  while (text.charCodeAt(next) === 27 && text.charCodeAt(next + 1) === 91) {
    let pos = next + 2;
    // Parameter and intermediate bytes (0x20-0x3f), then one final byte (0x40-0x7e).
    while (pos < end && text.charCodeAt(pos) >= 0x20 && text.charCodeAt(pos) <= 0x3f) pos++;
    const final = text.charCodeAt(pos);
    if (pos >= end || final < 0x40 || final > 0x7e) return next;
    next = pos + 1;
  }
  return next;
}
