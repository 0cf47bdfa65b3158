/**
 * HAProxy HTTP logs (fingerprints.md §2c), with or without a syslog prefix: `option httplog` (and `httpslog`, and
 * the default format extended with fields before the timers or after the request), `option httplog clf`, a
 * `log-format` given with --format (text or `%{+json}o`), and, without one, JSON or `{key:value}` lines whose keys
 * name HAProxy's fields (haproxy-keyed.ts) or any other line that shows HAProxy's timers, termination state and
 * backend/server (haproxy-invariants.ts):
 * `10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {hdrs} {hdrs} "GET / HTTP/1.1"`.
 * The termination state says who ended the session and in which phase. Dates without a zone (`%tr`, `%t`) are
 * read in the given zone (`--tz`, by default this machine's, as HAProxy logs its own local time).
 */
import { HAPROXY_PRESETS, type HaproxyFormat } from './haproxy-log-format.ts';
import { invariantFields } from './haproxy-invariants.ts';
import { aliasedPairs, keyedPairs } from './haproxy-keyed.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { anyTime, ClfTime } from './log-time.ts';
import { splitRequestLine } from './split-fields.ts';
import type { TimeZone } from './time-zone.ts';
import type { AccessRecord, Cause, Signal } from '../types.ts';

/** Termination-state pairs (cause char + phase char) that name the failure; `c`/`s` are timeouts. */
const PAIRS: Record<string, Cause> = {
  SC: 'refused',
  sC: 'timeout',
  SH: 'reset',
  sH: 'timeout',
  PH: 'invalid-response',
  sQ: 'load-shed',
  RC: 'load-shed',
};
const FIRST: Record<string, Cause> = { C: 'client-closed', c: 'client-closed', P: 'proxy-config', I: 'proxy-config', K: 'proxy-config', R: 'load-shed', D: 'no-live-upstream', U: 'no-live-upstream' };

/**
 * `responseMs`: %Tr, the time to the server's full response headers, -1 when none came (NaN when the line has no timers).
 * A 5xx with no response headers from the server is HAProxy's own answer, whatever the state's letters (HAProxy 1.3's
 * `SL` on its 204-byte 502 page); a status of 0 with `----` is a session that ended with nothing to answer (a
 * `<BADREQ>` from a client speaking another protocol), no failure of the path.
 */
export function haproxySignal(status: number, state: string, server: string, responseMs = Number.NaN): Signal | null {
  const detail = `${state} ${server}`;
  const evidence = { kind: 'haproxy-termination' as const, detail };
  const pair = state.slice(0, 2);
  // A 4xx whose state's first letter says HAProxy ended the session itself (P: a deny rule or a bad request, R: a
  // resource limit, I: an internal error, c: the client's timeout, answered 408) is its own refusal; the log analyzer
  // explains 5xx only, a pasted line's 4xx is named by it.
  if (status >= 400 && status < 500) {
    const own = 'PRIc'.includes(state[0] ?? '-') ? FIRST[state[0] as string] : undefined;
    return own ? { cause: own, confidence: 'high', decisive: true, evidence } : null;
  }
  if (status < 500 && status !== 0) return null;
  if (status === 0 && pair === '--') return null;
  if (server === '<NOSRV>' && (pair === '--' || pair === 'SC')) return { cause: 'no-live-upstream', confidence: 'high', decisive: true, evidence };
  const cause = PAIRS[pair] ?? FIRST[pair[0] as string];
  if (cause) return { cause, confidence: 'high', decisive: true, evidence };
  if (status >= 500 && responseMs === -1) return { cause: status === 504 ? 'timeout' : 'invalid-response', confidence: 'high', decisive: true, evidence };
  // `----` or a data-phase state with a real server: the server sent this status itself.
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
}

/**
 * `option tcplog` (manual §8.2.2): `%ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq`, a TCP
 * session with no HTTP status: three timers, then the bytes read (which the HTTP presets would take for a status).
 */
const TCP_LOG = /(?:^|\s)(\S+):\d+ \[([^\]]+)\] \S+ (\S+)\/(\S+) -?\d+\/-?\d+\/\+?-?\d+ \+?\d+ ([-A-Za-z]{2}) \d+\/\d+\/\d+\/\d+\/\+?\d+ \d+\/\d+\s*$/;

/** A line's items by alias (`ST`, `tsc`, `r`…; `extra` for text after the format's end). */
type Fields = Map<string, string>;

function textFields(format: HaproxyFormat, line: string): Fields | null {
  const m = (format.pattern as RegExp).exec(line);
  if (!m) return null;
  const fields: Fields = new Map();
  format.groups.forEach((alias, i) => {
    const value = m[i + 1];
    if (value !== undefined && !fields.has(alias)) fields.set(alias, value);
  });
  return fields;
}

function keyedFields(keys: Map<string, string>, line: string): Fields | null {
  const pairs = keyedPairs(line);
  if (!pairs) return null;
  const fields: Fields = new Map();
  for (const [key, alias] of keys) {
    const value = pairs.get(key);
    if (value !== undefined) fields.set(alias, value);
  }
  return fields.has('ST') ? fields : null;
}

/** A number of milliseconds or bytes as HAProxy writes it (`+30` with logasap, `-1` for a phase never reached). */
const count = (value: string | undefined): number => (value === undefined || !/^[+-]?\d+$/.test(value) ? Number.NaN : Number(value.replace('+', '')));

/** A request id among the captured headers (`{a|b}`) or the fields after the format (`id=…`). */
function requestIdOf(fields: Fields): string {
  const captured = [fields.get('hr') ?? '', fields.get('hs') ?? ''].flatMap((h) => h.replace(/^\{|\}$/g, '').split('|'));
  const after = (fields.get('extra') ?? '').split(/\s+/).map((t) => t.replace(/^\w*id=/i, ''));
  return [...captured, ...after].find((h) => /^[0-9a-f-]{16,}$/i.test(h)) ?? '';
}

export class HaproxyParser extends BaseParser {
  readonly format = 'haproxy' as const;
  private readonly clf: ClfTime;
  private readonly formats: readonly HaproxyFormat[];
  /** Read JSON and `{key:value}` lines by their key names: only without a given format. */
  private readonly byKeyNames: boolean;
  /** A log-format was given (--format): only it reads lines. */
  private readonly given: boolean;

  /** `format`: the log-format given with --format (see `compileHaproxyFormat`); without it, the presets and key names. */
  constructor(zone: TimeZone, format?: HaproxyFormat) {
    super();
    this.clf = new ClfTime(zone);
    this.formats = format ? [format] : HAPROXY_PRESETS;
    this.byKeyNames = format === undefined;
    this.given = format !== undefined;
  }

  /** A `tcplog` session: no status; a verdict only when its termination state says it failed. */
  private tcpSession(m: RegExpExecArray): LineKind {
    if (!this.clf.parseText(m[2] as string)) return KIND.none;
    const [backend, server, state] = [m[3] as string, m[4] as string, m[5] as string];
    this.record = null;
    return this.accessLine(
      {
        status: 0,
        timeMs: this.clf.ms,
        tzOffsetMin: this.clf.offsetMin,
        client: m[1] as string,
        method: '',
        path: '',
        requestId: '',
        upstream: `${backend}/${server}`,
        connection: '',
        requestTime: Number.NaN,
        // The client ending a session, or idling past `timeout client` (`cD`, a pooled database connection), is how
        // many TCP sessions end, not a failure of the path.
        signal: state === '--' || state[0] === 'C' || state[0] === 'c' ? null : haproxySignal(0, state, server),
        truncatedBy: null,
        tcp: true,
      },
      false,
    );
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    if (!this.given) {
      const tcp = TCP_LOG.exec(line);
      if (tcp) return this.tcpSession(tcp);
    }
    const fields = this.fieldsOf(line);
    const status = count(fields?.get('ST'));
    if (!fields || Number.isNaN(status)) return KIND.none;
    const time = this.timeOf(fields);
    if (time === null) return KIND.none;
    return this.recordOf(fields, Math.max(0, status), time);
  }

  private fieldsOf(line: string): Fields | null {
    for (const format of this.formats) {
      const fields = (format.pattern && textFields(format, line)) ?? (format.keys && keyedFields(format.keys, line));
      if (fields) return fields;
    }
    if (!this.byKeyNames) return null;
    const pairs = keyedPairs(line);
    return (pairs && aliasedPairs(pairs)) ?? invariantFields(line);
  }

  /** Epoch ms and the logged clock's offset (NaN when the line has no date), or null when a date is there but unreadable. */
  private timeOf(fields: Fields): { ms: number; offsetMin: number } | null {
    const date = fields.get('tr') ?? fields.get('t') ?? fields.get('trg') ?? fields.get('trl') ?? fields.get('T') ?? fields.get('Tl');
    if (date === undefined) return { ms: fields.has('Ts') ? Number(fields.get('Ts')) * 1000 : Number.NaN, offsetMin: 0 };
    if (this.clf.parseText(date)) return { ms: this.clf.ms, offsetMin: this.clf.offsetMin };
    const other = anyTime(date);
    return Number.isNaN(other.ms) ? null : { ms: other.ms, offsetMin: 0 };
  }

  private recordOf(fields: Fields, status: number, time: { ms: number; offsetMin: number }): LineKind {
    const state = fields.get('tsc') ?? fields.get('ts') ?? '';
    const server = fields.get('s') ?? '';
    const backend = fields.get('b');
    const requestLine = fields.get('r');
    const request = requestLine === undefined ? { method: fields.get('HM') ?? '', path: fields.get('HU') ?? fields.get('HP') ?? '' } : splitRequestLine(requestLine);
    const active = count(fields.get('Ta') ?? fields.get('Tt'));
    const truncatedBy = status < 400 && /^[sS][DL]/.test(state) ? { kind: 'haproxy-termination' as const, detail: `${state} ${server}` } : null;
    const record: AccessRecord = {
      status,
      timeMs: time.ms,
      tzOffsetMin: time.offsetMin,
      client: fields.get('ci') ?? '',
      method: request.method,
      path: request.path,
      requestId: fields.has('ID') ? (fields.get('ID') as string).replace(/^-$/, '') : requestIdOf(fields),
      upstream: backend === undefined ? server : `${backend}/${server}`,
      connection: '',
      requestTime: active >= 0 ? active / 1000 : Number.NaN,
      signal: state === '' ? null : haproxySignal(status, state, server, count(fields.get('Tr'))),
      truncatedBy,
    };
    return this.accessLine(record, truncatedBy !== null);
  }
}
