/**
 * Time zones for timestamps logged without one. HAProxy's accept date (`[21/Nov/2026:23:00:00.123]`) is
 * read in the zone of the machine running httpwhy, as GoAccess does, unless `--tz` names another: an IANA
 * zone (`Asia/Jakarta`) or a fixed offset (`+07:00`). `--tz` also places zone-less app-log times.
 */
import { HttpwhyError } from '../../errors.ts';
import type { LoggedTime } from '../types.ts';

export interface TimeZone {
  /** As given with `--tz`, or `local`. */
  readonly name: string;
  /** Offset from UTC, in minutes, of the wall-clock time `wallMs` (`Date.UTC` of the logged fields). */
  offsetAt(wallMs: number): number;
}

const OFFSET = /^([+-])(\d\d):?(\d\d)$/;
const GMT_OFFSET = /^GMT([+-])(\d\d):(\d\d)$/;

/** The zone of this machine (the TZ environment variable, else the system's). */
export function localZone(): TimeZone {
  return {
    name: 'local',
    offsetAt(wallMs) {
      const d = new Date(wallMs);
      const epoch = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
      return Math.round((wallMs - epoch.getTime()) / 60_000);
    },
  };
}

function ianaZone(name: string): TimeZone {
  // Throws a RangeError for names the runtime's time-zone database does not know.
  const format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  const offsetOf = (epochMs: number): number => {
    const m = GMT_OFFSET.exec(format.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? '');
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  // The offset at the wall clock read as UTC is at most a transition away; the second look settles it.
  return { name, offsetAt: (wallMs) => offsetOf(wallMs - offsetOf(wallMs) * 60_000) };
}

/** `--tz`: an IANA zone name or `±HH:MM` / `±HHMM` (-12:00 to +14:00). */
export function parseTimeZone(value: string): TimeZone {
  const m = OFFSET.exec(value);
  if (m) {
    const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    if (Number(m[3]) < 60 && minutes >= -720 && minutes <= 840) return { name: value, offsetAt: () => minutes };
  } else if (/^[A-Za-z][\w+/-]*$/.test(value)) {
    try {
      return ianaZone(value);
    } catch {
      // Unknown name: reported below.
    }
  }
  throw new HttpwhyError(
    'HW_ERR_LOGS_BAD_OPTION',
    `--tz must be an IANA time zone such as Europe/Berlin or UTC, or an offset from -12:00 to +14:00 such as +07:00; got "${value}".`,
    { tz: value },
  );
}

/** A zone-less time placed in `zone` (as epoch ms). Zoned times, and every time when `zone` is absent, are kept. */
export function inZone(time: LoggedTime, zone: TimeZone | undefined): LoggedTime {
  if (!zone || !time.local || Number.isNaN(time.ms)) return time;
  return { ms: time.ms - zone.offsetAt(time.ms) * 60_000, local: false };
}
