/**
 * Heroku's router log line, as Heroku's Dev Center documents it ("HTTP Routing" → "Heroku router log format"):
 * `key=value` pairs, values with spaces quoted: `at=info method=GET path="/" host=… request_id=… fwd="…" dyno=web.1
 * connect=1ms service=18ms status=200 bytes=13 protocol=https tls_version=…`, and for the router's own errors
 * `at=error code=H12 desc="Request timeout" … status=503`, some after `sock=client` or `sock=backend`. Logplex puts
 * `<time> heroku[router]: ` before it (wrappers/heroku.ts); a syslog drain its RFC 5424 header.
 * Who answered: `code=Hxx` is the router's own answer, each code a cause ("Heroku Error Codes",
 * devcenter.heroku.com/articles/error-codes); without one the status is the dyno's (the router passes it through).
 */
import type { AccessRecord, Cause, Signal } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { LOGFMT_PAIR, unquoteValue } from './logfmt.ts';
import { durationSeconds } from './log-time.ts';

/**
 * The router's error line before 2013 (quoted in issues of that time: `Error H12 (Request timeout) -> POST
 * host/path dyno=web.1 queue= wait= service=30000ms status=503 bytes=0`): code, description, method, host and path.
 */
const LEGACY_ERROR = /^Error (H\d\d) \(([^)]*)\) -> ([A-Z]+) ([^/\s]+)(\/\S*) /;
/**
 * The router's line for a request it passed on, before 2013 (`GET host/path dyno=web.1 queue=0 wait=0ms service=103ms
 * status=500 bytes=822`, in committed `heroku logs` dumps of 2012): method, host and path, then the pairs.
 */
const LEGACY_REQUEST = /^([A-Z]+) ([^/\s]+)(\/\S*) (?=dyno=|queue=)/;

/** The router's error codes ("Heroku Error Codes") by what they say happened. */
const CODE_CAUSES: Record<string, Cause> = {
  H10: 'app-start-failed', // App crashed: the web dyno crashed or did not boot.
  H11: 'load-shed', // Backlog too deep.
  H12: 'timeout', // Request timeout: no response within 30 s.
  H13: 'reset', // Connection closed without response.
  H14: 'no-live-upstream', // No web dynos running.
  H15: 'timeout', // Idle connection: no data from the dyno for 55 s.
  H16: 'proxy-config', // Redirect to herokuapp.com (retired).
  H17: 'invalid-response', // Poorly formatted HTTP response.
  H18: 'reset', // Server request interrupted: the dyno closed the socket mid-request or mid-response.
  H19: 'timeout', // Backend connection timeout: the dyno did not accept the connection within 5 s.
  H20: 'app-start-failed', // App boot timeout: the web process did not bind $PORT within 60 s.
  H21: 'refused', // Backend connection refused.
  H22: 'load-shed', // Connection limit reached.
  H23: 'proxy-config', // Endpoint misconfigured.
  H24: 'timeout', // Forced close: the connection was open longer than the router allows.
  H25: 'proxy-config', // HTTP restriction.
  H26: 'proxy-config', // Request error: the request could not be routed.
  H27: 'client-closed', // Client request interrupted.
  H28: 'client-closed', // Client connection idle.
  H31: 'proxy-config', // Misdirected request.
  H80: 'proxy-config', // Maintenance mode.
  H81: 'no-live-upstream', // Blank app: no code deployed.
  H82: 'load-shed', // Free or eco dyno hours exhausted.
  H83: 'proxy-config', // Planned service degradation.
  H99: 'upstream-failed', // Platform error: Heroku's own failure.
};

/**
 * Who answered a 5xx (or 499): the router, by its H code, else the dyno; null below 500. `sock` is the side whose
 * socket closed: an H18 with `sock=client` (the router's "Request Interrupted" before 2015, when H18 covered both
 * sides) is the client going away, which Heroku's support called safe to ignore; since then H18 is "Server Request
 * Interrupted", `sock=backend`, the dyno's side.
 */
export function herokuSignal(status: number, code: string, desc: string, sock = ''): Signal | null {
  // The client going away (H27, H28, H18 on the client's socket) after the dyno answered below 500: the router logs
  // the dyno's status, not its own 499 or 503 (a Rails 404 whose browser hung up mid-response), and nothing failed.
  const clientGone = code === 'H27' || code === 'H28' || (code === 'H18' && sock === 'client');
  if (clientGone && status > 0 && status < 499) return null;
  if (code !== '') {
    const evidence = { kind: 'heroku-code' as const, detail: `${sock === '' ? '' : `sock=${sock} `}code=${code} desc="${desc}" status=${status}` };
    if (code === 'H18' && sock === 'client') return { cause: 'client-closed', confidence: 'high', decisive: true, evidence };
    return { cause: CODE_CAUSES[code] ?? 'upstream-failed', confidence: CODE_CAUSES[code] ? 'high' : 'medium', decisive: true, evidence };
  }
  if (status < 500) return null;
  const evidence = { kind: 'heroku-code' as const, detail: `at=info status=${status}` };
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
}

/** Whether the line at `start` begins as a router record does: its pairs, an `Error H…` or a legacy request's method. */
function startsRecord(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  return (first >= 65 && first <= 90) || text.startsWith('at=', start) || text.startsWith('sock=', start);
}

export class HerokuRouterParser extends BaseParser {
  readonly format = 'heroku-router' as const;
  /**
   * A router line cut before its status, as a terminal or a paste wraps one (`… dyno=web.1 c` then `onnect=31ms
   * service=66ms status=200 bytes=3905`): kept for one line, which completes it when it starts no record of its own.
   */
  private cut: string | null = null;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const cut = this.cut;
    this.cut = null;
    const record = startsRecord(text, start);
    if (cut !== null && !record) return this.read(cut + buf.toString('utf8', start, end), false);
    return record ? this.read(buf.toString('utf8', start, end), true) : KIND.none;
  }

  /** One router line's record; `whole` when the line may be cut (then held for the next). */
  private read(line: string, whole: boolean): LineKind {
    const legacy = line.startsWith('Error H');
    const first = line.charCodeAt(0);
    const legacyRequest = !legacy && first >= 65 && first <= 90;
    const pairs = new Map<string, string>();
    if (legacy) {
      const m = LEGACY_ERROR.exec(line);
      if (!m) return KIND.none;
      pairs.set('code', m[1] as string).set('desc', m[2] as string).set('method', m[3] as string).set('host', m[4] as string).set('path', m[5] as string);
    } else if (legacyRequest) {
      const m = LEGACY_REQUEST.exec(line);
      if (!m) return KIND.none;
      pairs.set('method', m[1] as string).set('host', m[2] as string).set('path', m[3] as string);
    }
    for (const [, key, value] of line.matchAll(LOGFMT_PAIR)) pairs.set(key as string, value as string);
    const statusText = pairs.get('status') ?? '';
    const method = pairs.get('method');
    if (statusText === '' && whole && line.startsWith('at=')) this.cut = line;
    if (method === undefined || !/^\d{3}$/.test(statusText)) return KIND.none;
    const status = Number(statusText);
    const code = pairs.get('code') ?? '';
    const service = durationSeconds(pairs.get('service'));
    const record: AccessRecord = {
      status,
      timeMs: Number.NaN,
      tzOffsetMin: 0,
      client: (unquoteValue(pairs.get('fwd') ?? '').split(',')[0] ?? '').trim(),
      method: unquoteValue(method),
      path: unquoteValue(pairs.get('path') ?? ''),
      requestId: pairs.get('request_id') ?? '',
      upstream: pairs.get('dyno') ?? '',
      connection: '',
      requestTime: Number.isNaN(service) ? service : service + (durationSeconds(pairs.get('connect')) || 0),
      signal: herokuSignal(status, code, unquoteValue(pairs.get('desc') ?? ''), pairs.get('sock') ?? ''),
      truncatedBy: null,
    };
    return this.accessLine(record, false);
  }
}
