/**
 * Caddy's console log encoding (`format console`, and Caddy's default on a terminal): zap's console encoder writes
 * the time, the level, the logger's name (none for the root logger), the message and then the other fields as one
 * JSON object, separated by tabs (caddyserver/caddy modules/logging/encoders.go; logging.go
 * `newDefaultProductionLogEncoder`). The time is `wall_milli` (`2006/01/02 15:04:05.000`, UTC) unless `time_format`
 * says otherwise; the level is colored (ANSI) by default. Read into the object the JSON encoder would have written.
 */
import { parseJsonObject, type JsonObject } from './json-fields.ts';
import { anyTime } from './log-time.ts';

// The level in ANSI color codes, as Caddy writes it by default.
// oxlint-disable-next-line no-control-regex
const LEVEL = /^(?:\u001b\[\d+m)?(debug|info|warn|error|dpanic|panic|fatal)(?:\u001b\[0m)?$/i;
const WALL = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?$/;
/** Loggers of Caddy's own apps and modules; a console line of another zap logger is not Caddy's. */
const CADDY_LOGGER = /^(?:admin|http|tls|pki|events)(?:\.|$)/;

/** zap's `EpochTimeEncoder` (`unix_seconds_float`, the console default before `wall_milli`) writes `1.576867456328023e+09`. */
const EPOCH_FLOAT = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** Epoch seconds of a console time: the `wall` layouts in UTC, an epoch float, or an ISO 8601 / RFC 3339 time. */
function consoleSeconds(text: string): number {
  if (EPOCH_FLOAT.test(text)) return Number(text);
  const m = WALL.exec(text);
  if (!m) return anyTime(text).ms / 1000;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return ms / 1000 + (m[7] ? Number(`0.${m[7]}`) : 0);
}

/** The record of a console line written by one of Caddy's loggers, or null. */
export function caddyConsoleRecord(line: string): JsonObject | null {
  const fields = line.split('\t');
  if (fields.length < 4) return null;
  const level = LEVEL.exec(fields[1] as string)?.[1];
  const logger = fields[2] as string;
  if (level === undefined || !CADDY_LOGGER.test(logger)) return null;
  const ts = consoleSeconds(fields[0] as string);
  if (Number.isNaN(ts)) return null;
  const rest = fields.slice(4).join('\t');
  const extra = rest === '' ? {} : parseJsonObject(rest);
  if (!extra) return null;
  return { ...extra, level: level.toLowerCase(), ts, logger, msg: fields[3] };
}
