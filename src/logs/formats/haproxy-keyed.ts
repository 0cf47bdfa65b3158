/**
 * HAProxy lines written as key/value objects: JSON (a `%{+json}o` log-format, HAProxy 3.0+, or a hand-written
 * `{"status":%ST,…}`) or the same without quotes (`{haproxy_statusCode:404,…}`, as the quotes of a hand-written
 * JSON format are lost in older configurations). With the log-format given, its item names say which key holds
 * what; without it, the key names do, when they are usual names of HAProxy's fields and the line has a status and
 * a termination state (which only HAProxy logs), also nested (`{"http":{"response":{"status_code":503}}}`).
 */
import { parseJsonObject } from './json-fields.ts';

/** Nested objects' values under dotted keys (`{"http":{"response":{"status_code":503}}}` → `http.response.status_code`). */
function flatPairs(object: Record<string, unknown>, prefix: string, depth = 0): Array<[string, string]> {
  return Object.entries(object).flatMap(([key, value]): Array<[string, string]> => {
    if (typeof value === 'string' || typeof value === 'number') return [[`${prefix}${key}`, String(value)]];
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 3) return flatPairs(value as Record<string, unknown>, `${prefix}${key}.`, depth + 1);
    return [];
  });
}

/** The object's pairs, values as text; null when the line holds no `{…}`. */
export function keyedPairs(line: string): Map<string, string> | null {
  const open = line.indexOf('{');
  const close = line.lastIndexOf('}');
  if (open < 0 || close < open) return null;
  const body = line.slice(open, close + 1);
  const json = parseJsonObject(body);
  if (json) return new Map(flatPairs(json, ''));
  // Unquoted: `key:value` pairs, a pair starting at each `,` followed by a name and a colon.
  const pairs = new Map<string, string>();
  for (const part of body.slice(1, -1).split(/,(?=[A-Za-z_][\w.-]*:)/)) {
    const colon = part.indexOf(':');
    if (colon <= 0) return null;
    pairs.set(part.slice(0, colon), part.slice(colon + 1));
  }
  return pairs;
}

/**
 * Usual key names → the alias of the item they hold (configuration manual §8.2.3 field names, their camelCase
 * and short forms), compared in lower case without punctuation or a leading `haproxy`.
 */
const KEY_ALIASES: Record<string, string> = {
  statuscode: 'ST',
  status: 'ST',
  httpstatus: 'ST',
  st: 'ST',
  terminationstate: 'tsc',
  tsc: 'tsc',
  ts: 'ts',
  backend: 'b',
  backendname: 'b',
  server: 's',
  servername: 's',
  httprequest: 'r',
  request: 'r',
  clientip: 'ci',
  requestdate: 'tr',
  acceptdate: 't',
  datetime: 't',
  date: 't',
  timestamp: 't',
  time: 't',
  uniqueid: 'ID',
  requestid: 'ID',
  ta: 'Ta',
  timeactive: 'Ta',
  tt: 'Tt',
  totaltime: 'Tt',
};

function normalise(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^haproxy(?=.)/, '');
}

/** The pairs by item alias, when their key names show a HAProxy log line (a status and a termination state); else null. */
export function aliasedPairs(pairs: Map<string, string>): Map<string, string> | null {
  const fields = new Map<string, string>();
  for (const [key, value] of pairs) {
    // A nested key by its whole path, then its last two names, then its last (`connection.termination_state`,
    // `backend.name`, `http.response.status_code`, as a JSON log-format that groups its fields writes them).
    const names = key.split('.');
    const alias = [key, names.slice(-2).join('.'), names.at(-1) ?? ''].map((k) => KEY_ALIASES[normalise(k)]).find((a) => a !== undefined);
    if (alias && !fields.has(alias) && value !== '') fields.set(alias, value);
  }
  const state = fields.get('tsc') ?? fields.get('ts') ?? '';
  return /^[A-Za-z-]{2}(?:[A-Za-z-]{2})?$/.test(state) && /^-?\d{1,3}$/.test(fields.get('ST') ?? '') ? fields : null;
}
