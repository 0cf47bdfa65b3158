/**
 * Timestamps as logs write them. The CLF time (`10/Oct/2000:13:55:36 -0700`) is on the hot path: it is read
 * from bytes (a typed-array load costs about half of a `charCodeAt`), and the minute is cached, so most lines
 * cost a 22-byte comparison and two digits.
 */
import type { TimeZone } from './time-zone.ts';
import type { LoggedTime } from './types.ts';

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
  /** Char codes of the cached minute (17) and zone (5, -1 when none). */
  private readonly key = new Int32Array(22).fill(-1);
  private minuteMs = 0;
  private readonly zone: TimeZone | null;

  constructor(zone: TimeZone | null = null) {
    this.zone = zone;
  }

  /** Parses bytes `[start, end)` (ASCII); returns false when they are not a CLF time. */
  parse(bytes: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    if (len < 20 || bytes[start + 2] !== 47 || bytes[start + 6] !== 47 || bytes[start + 11] !== 58) return false;
    const zoneAt = len >= 26 && bytes[end - 6] === 32 ? end - 5 : -1;
    if (!this.sameMinute(bytes, start, zoneAt) && !this.newMinute(bytes, start, zoneAt)) return false;
    const sec = digits(bytes, start + 18, 2);
    if (sec < 0) return false;
    const ms = bytes[start + 20] === 46 ? digits(bytes, start + 21, 3) : 0;
    this.ms = this.minuteMs + sec * 1000 + (ms > 0 ? ms : 0);
    return true;
  }

  private sameMinute(bytes: Uint8Array, start: number, zoneAt: number): boolean {
    const key = this.key;
    // Minute digits first: they change most often.
    for (let i = 16; i >= 0; i--) if (bytes[start + i] !== key[i]) return false;
    if (zoneAt < 0) return key[17] === -1;
    for (let i = 0; i < 5; i++) if (bytes[zoneAt + i] !== key[17 + i]) return false;
    return true;
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
    for (let i = 0; i < 17; i++) this.key[i] = bytes[start + i] as number;
    for (let i = 0; i < 5; i++) this.key[17 + i] = zoneAt < 0 ? -1 : (bytes[zoneAt + i] as number);
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

/** Wall-clock fields with no zone, as error logs write them. */
export function localTime(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): LoggedTime {
  return { ms: Date.UTC(year, month, day, hour, minute, second, ms), local: true };
}
