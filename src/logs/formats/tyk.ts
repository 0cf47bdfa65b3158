/**
 * Tyk Gateway's access log (since 5.8, `access_logs.enabled`), written by the gateway's logrus logger to stderr beside
 * its application log: `time="…" level=info` then `key=value` pairs in alphabetical order, values with spaces quoted
 * (`… method=GET path=/get prefix=access-log protocol=HTTP/1.1 … status=200 upstream_addr="…" upstream_latency=61`),
 * or the same keys as one JSON object when the log format is `json`. `prefix=access-log` marks an access entry; the
 * application log's entries carry other prefixes (tyk-docs api-management/logs/access-logs.mdx).
 * Who answered (same page, "Error Classification"): on an error, `error_source` names the gateway component and
 * `response_flag` the condition. `error_source=Upstream` with flag `URS` is the upstream's own 5xx passed through
 * (`upstream_status` beside it); `ReverseProxy` flags (UCF connection refused, URT response timeout, NHU no healthy
 * upstreams, CBO circuit breaker open, TL* TLS…) are Tyk's own answer, made without an upstream response; other
 * sources are middleware (auth, rate limit, validation). Entries of gateways before the classification carry no
 * flag: a 5xx there is undecided.
 * A page that shows an entry wrapped over lines (the docs do) continues it on indented `key=value` lines: the pairs
 * are gathered until `status` arrives (the keys are alphabetical, so the error fields come before it).
 */
import { parseIsoTime } from './log-time.ts';
import { firstNumber, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import type { Cause, Signal } from '../types.ts';
import { LOGFMT_PAIR, unquoteValue } from './logfmt.ts';

const CONTINUATION = /^\s+[a-z_]+=/;
/** Keys only an access entry has, for a wrapped entry's lines before its status. */
const ACCESS_KEY = /(?:^|\s)(?:(?:api_id|api_key|api_name|api_type|error_source|response_flag)=|prefix=access-log\b)/;

/** `response_flag` of Tyk's own answers ("Flag Reference" in tyk-docs api-management/custom-error-responses.mdx). */
const FLAG_CAUSES: Record<string, Cause> = {
  UCF: 'refused',
  UCT: 'connect-failed',
  URR: 'reset',
  URT: 'timeout',
  EPI: 'reset',
  CAB: 'reset',
  NRS: 'reset',
  DNS: 'dns',
  NRH: 'unreachable',
  NHU: 'no-live-upstream',
  CBO: 'load-shed',
  CDC: 'client-closed',
  UPE: 'invalid-response',
};

/** Who answered a 5xx (or 499) Tyk logged, from its error classification; null below 500 or without one. */
export function tykSignal(status: number, errorSource: string, flag: string, upstreamStatus: string): Signal | null {
  if (status < 500 && status !== 499) return null;
  const evidence = { kind: 'tyk-flags' as const, detail: `error_source=${errorSource || '-'} response_flag=${flag || '-'} status=${status}${upstreamStatus ? ` upstream_status=${upstreamStatus}` : ''}` };
  if (flag === 'URS' || errorSource === 'Upstream' || (flag === '' && upstreamStatus === String(status))) {
    return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  }
  if (flag === '' && errorSource === '') return null;
  const cause = FLAG_CAUSES[flag] ?? (flag.startsWith('TL') ? 'tls' : errorSource === 'ReverseProxy' ? 'upstream-failed' : 'proxy-config');
  return { cause, confidence: FLAG_CAUSES[flag] || flag.startsWith('TL') ? 'high' : 'medium', decisive: true, evidence };
}

/** The pairs of a JSON entry, as strings. */
function jsonPairs(obj: JsonObject): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) if (typeof value === 'string' || typeof value === 'number') pairs.set(key, String(value));
  return pairs;
}

export class TykParser extends BaseParser {
  readonly format = 'tyk' as const;
  /** The pairs of an entry wrapped over lines, until its status. */
  private pending: Map<string, string> | null = null;
  /** An entry was just read from a `time=` line: indented lines after it are its last keys. */
  private wrapped = false;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const c = text.charCodeAt(start);
    if (c === 123) {
      // Parsed only when it names the access log: other formats' JSON lines pass by unparsed.
      const mark = text.indexOf('"access-log"', start);
      return mark >= 0 && mark < end ? this.json(buf.toString('utf8', start, end)) : KIND.none;
    }
    if (text.startsWith('time=', start)) {
      const line = buf.toString('utf8', start, end);
      // Other logrus lines (Tyk's application log, other programs') carry a message; an access entry never does.
      if (!line.includes(' level=') || line.includes(' msg=')) return KIND.none;
      this.pending = new Map();
      return this.gather(line);
    }
    if ((this.pending || this.wrapped) && (c === 32 || c === 9)) {
      const line = buf.toString('utf8', start, end);
      if (CONTINUATION.test(line)) return this.pending ? this.gather(line) : KIND.other;
    }
    this.pending = null;
    this.wrapped = false;
    return KIND.none;
  }

  private gather(line: string): LineKind {
    const pairs = this.pending as Map<string, string>;
    for (const [, key, value] of line.matchAll(LOGFMT_PAIR)) pairs.set(key as string, unquoteValue(value as string));
    if (!pairs.has('status')) return ACCESS_KEY.test(line) ? KIND.other : KIND.none;
    this.pending = null;
    // The keys after the status (tls_*, upstream_*, user_agent) may still follow on indented lines.
    this.wrapped = true;
    return this.entry(pairs);
  }

  private json(line: string): LineKind {
    const obj = parseJsonObject(line);
    if (!obj || obj.prefix !== 'access-log' || Number.isNaN(firstNumber(obj, ['status']))) return KIND.none;
    return this.entry(jsonPairs(obj));
  }

  private entry(pairs: Map<string, string>): LineKind {
    const statusText = pairs.get('status') ?? '';
    if (pairs.get('prefix') !== 'access-log' || !/^\d{3}$/.test(statusText)) return KIND.none;
    const status = Number(statusText);
    const time = parseIsoTime(pairs.get('time') ?? '');
    const latency = Number(pairs.get('latency_total') ?? Number.NaN);
    return this.accessLine(
      {
        status,
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: pairs.get('client_ip') ?? '',
        method: pairs.get('method') ?? '',
        path: pairs.get('original_path') ?? pairs.get('path') ?? '',
        requestId: pairs.get('trace_id') ?? '',
        upstream: pairs.get('error_target') ?? pairs.get('upstream_addr') ?? '',
        connection: '',
        requestTime: latency >= 0 ? latency / 1000 : Number.NaN,
        signal: tykSignal(status, pairs.get('error_source') ?? '', pairs.get('response_flag') ?? '', pairs.get('upstream_status') ?? ''),
        truncatedBy: null,
      },
      false,
    );
  }
}
