/**
 * Timestamps as logs write them. The CLF time (`10/Oct/2000:13:55:36 -0700`) is on the hot path: it is read
 * from bytes (a typed-array load costs about half of a `charCodeAt`), and the minute is cached, so most lines
 * cost seven word loads and two digits.
 */
import { Buffer } from 'node:buffer';
import type { TimeZone } from './time-zone.ts';
import type { LoggedTime } from '../types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthIndex(name: string): number {
  return MONTHS.indexOf(name);
}

function digits(bytes: Uint8Array, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Common Log Format time `dd/Mon/yyyy:HH:MM:SS[.mmm][ ±hhmm]` (nginx `$time_local`, Apache `%t`, HAProxy).
 * A time without a zone is read in `zone`, or as UTC wall clock when there is none.
 */
export class ClfTime {
  /** Epoch ms of the last parsed time. */
  ms = Number.NaN;
  /** Offset of the logged clock from UTC, in minutes. */
  offsetMin = 0;
  /**
   * The cached minute `dd/Mon/yyyy:HH:MM` (17 bytes) as four 32-bit words and a byte, and its zone `±hhmm` as a
   * word and a byte (zoneWord -1: no zone). Compared through a DataView: five loads instead of 22 byte loads.
   * -1 never equals a loaded word, so nothing matches before the first minute is read.
   */
  private minuteWords = [-1, -1, -1, -1, -1];
  private zoneWord = -1;
  private zoneByte = -1;
  private minuteMs = 0;
  private view: DataView | null = null;
  private viewOf: Uint8Array | null = null;
  private readonly zone: TimeZone | null;

  constructor(zone: TimeZone | null = null) {
    this.zone = zone;
  }

  /** Parses a time held as text (a JSON value, a regex group); returns false when it is not exactly a CLF time. */
  parseText(text: string): boolean {
    const bytes = Buffer.from(text, 'latin1');
    return this.parse(bytes, 0, bytes.length);
  }

  /** Parses bytes `[start, end)` (ASCII); returns false when they are not exactly a CLF time. */
  parse(bytes: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    const hasMs = len > 20 && bytes[start + 20] === 46;
    const zoneAt = len >= 26 && bytes[end - 6] === 32 ? end - 5 : -1;
    // Every byte is checked (parsers rely on it: nginx-format.ts guesses where a time ends).
    if (len !== 20 + (hasMs ? 4 : 0) + (zoneAt >= 0 ? 6 : 0) || bytes[start + 17] !== 58) return false;
    if (bytes !== this.viewOf) {
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.viewOf = bytes;
    }
    // The cached minute holds its `/`, `/` and `:`, so a match needs no further shape check.
    if (!this.sameMinute(this.view as DataView, start, zoneAt)) {
      if (bytes[start + 2] !== 47 || bytes[start + 6] !== 47 || bytes[start + 11] !== 58 || bytes[start + 14] !== 58) return false;
      if (!this.newMinute(bytes, start, zoneAt)) return false;
    }
    const sec = digits(bytes, start + 18, 2);
    const ms = hasMs ? digits(bytes, start + 21, 3) : 0;
    if (sec < 0 || ms < 0) return false;
    this.ms = this.minuteMs + sec * 1000 + ms;
    return true;
  }

  private sameMinute(view: DataView, start: number, zoneAt: number): boolean {
    const w = this.minuteWords;
    // The word with the minute digits first: it changes most often.
    if (view.getUint32(start + 12, true) !== w[3] || view.getUint8(start + 16) !== w[4]) return false;
    if (view.getUint32(start, true) !== w[0] || view.getUint32(start + 4, true) !== w[1] || view.getUint32(start + 8, true) !== w[2]) return false;
    if (zoneAt < 0) return this.zoneWord === -1;
    return view.getUint32(zoneAt, true) === this.zoneWord && view.getUint8(zoneAt + 4) === this.zoneByte;
  }

  private newMinute(bytes: Uint8Array, start: number, zoneAt: number): boolean {
    const day = digits(bytes, start, 2);
    const month = monthIndex(String.fromCharCode(bytes[start + 3] as number, bytes[start + 4] as number, bytes[start + 5] as number));
    const year = digits(bytes, start + 7, 4);
    const hour = digits(bytes, start + 12, 2);
    const minute = digits(bytes, start + 15, 2);
    if (day < 1 || month < 0 || year < 0 || hour < 0 || minute < 0) return false;
    const wall = Date.UTC(year, month, day, hour, minute);
    let offset = zoneAt < 0 && this.zone ? this.zone.offsetAt(wall) : 0;
    if (zoneAt >= 0) {
      const hh = digits(bytes, zoneAt + 1, 2);
      const mm = digits(bytes, zoneAt + 3, 2);
      const sign = bytes[zoneAt] === 45 ? -1 : bytes[zoneAt] === 43 ? 1 : 0;
      if (hh < 0 || mm < 0 || sign === 0) return false;
      offset = sign * (hh * 60 + mm);
    }
    this.offsetMin = offset;
    this.minuteMs = wall - offset * 60_000;
    const view = this.view as DataView;
    this.minuteWords = [view.getUint32(start, true), view.getUint32(start + 4, true), view.getUint32(start + 8, true), view.getUint32(start + 12, true), view.getUint8(start + 16)];
    this.zoneWord = zoneAt < 0 ? -1 : view.getUint32(zoneAt, true);
    this.zoneByte = zoneAt < 0 ? -1 : view.getUint8(zoneAt + 4);
    return true;
  }
}

/** ISO 8601 (`2024-05-01T10:00:00.123Z`, `2024-05-01 10:00:00,123`): a zone makes it epoch, none makes it local. */
export function parseIsoTime(text: string): LoggedTime {
  const m = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?\s*(Z|[+-]\d\d:?\d\d)?/.exec(text);
  if (!m) return { ms: Number.NaN, local: false };
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) + Math.floor(frac);
  const zone = m[8];
  if (!zone) return { ms: wall, local: true };
  if (zone === 'Z') return { ms: wall, local: false };
  const sign = zone.startsWith('-') ? -1 : 1;
  const hhmm = zone.slice(1).replace(':', '');
  return { ms: wall - sign * (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2))) * 60_000, local: false };
}

/** Epoch seconds (`1700000000.123`, Caddy `ts`, nginx `$msec`) or milliseconds (pino `time`). */
export function epochTime(value: number): LoggedTime {
  if (!Number.isFinite(value)) return { ms: Number.NaN, local: false };
  return { ms: value > 1e11 ? value : value * 1000, local: false };
}

/** Any of the above, from a JSON value. */
export function anyTime(value: unknown): LoggedTime {
  if (typeof value === 'number') return epochTime(value);
  if (typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value)) return epochTime(Number(value));
    return parseIsoTime(value);
  }
  return { ms: Number.NaN, local: false };
}

/**
 * A CLF time whose digits the person who pasted the line replaced by dashes, x's or stars (`----------`,
 * `xx/xxx/xxxx:xx:xx:xx`), before its zone if that was kept.
 */
export const BLANKED_CLF_TIME = String.raw`[-xX*]+(?:[/:][-xX*]+)*`;

/** Go's standard logger's and nginx's error log's wall clock, `2006/01/02 15:04:05`, with a fraction when one is set. */
export const SLASHED_TIME = String.raw`\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?`;

/** A time in the layout of {@link SLASHED_TIME}, as the wall clock it is (no zone); NaN when absent. */
export function slashedTime(text: string | undefined): LoggedTime {
  if (text === undefined) return { ms: Number.NaN, local: true };
  const ms = text.length > 19 ? Math.floor(Number(`0${text.slice(19)}`) * 1000) : 0;
  return localTime(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)), Number(text.slice(11, 13)), Number(text.slice(14, 16)), Number(text.slice(17, 19)), ms);
}

/** Wall-clock fields with no zone, as error logs write them. */
export function localTime(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): LoggedTime {
  return { ms: Date.UTC(year, month, day, hour, minute, second, ms), local: true };
}

/** Per unit of a duration as Go prints it, the amount is divided (below a second) or multiplied (above) by this. */
const DURATION_UNITS: Readonly<Record<string, [number, 'divide' | 'multiply']>> = {
  ns: [1e9, 'divide'],
  µs: [1e6, 'divide'],
  us: [1e6, 'divide'],
  ms: [1e3, 'divide'],
  s: [1, 'multiply'],
  m: [60, 'multiply'],
  h: [3600, 'multiply'],
};
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|µs|us|ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ns|µs|us|ms|s|m|h)/g;

/**
 * A logged duration in seconds: Go's time.Duration as Gin prints it (`8.296331ms`, `31.8µs`, `1m2.5s`), Heroku's
 * router timings (`12ms`), a protobuf Duration in JSON (`0.058927s`); NaN for anything else (an empty field, `-`).
 */
export function durationSeconds(value: string | undefined): number {
  if (value === undefined || !DURATION.test(value)) return Number.NaN;
  let seconds = 0;
  for (const [, amount, unit] of value.matchAll(DURATION_PART)) {
    // Divided, not multiplied by a fraction: 17ms is 0.017 exactly as 17 / 1000 gives it.
    const [factor, how] = DURATION_UNITS[unit as string] as [number, 'divide' | 'multiply'];
    seconds += how === 'divide' ? Number(amount) / factor : Number(amount) * factor;
  }
  return seconds;
}
