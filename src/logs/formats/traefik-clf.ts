/**
 * Traefik's own Common Log Format (its default access-log format), 1.x to 3.x. Traefik writes it with one Fprintf
 * (traefik/traefik pkg/middlewares/accesslog/logger_formatters.go; middlewares/accesslog in 1.x):
 * `<client> - <user> [<time>] "<method> <path> <protocol>" <status> <size> "<referer>" "<user agent>" <request count>
 * "<router or 1.x frontend>" "<service or 1.x backend URL>" <duration>ms`. The router and service default to `-`,
 * unquoted before 2.1.7, and values were quoted without escaping inner quotes before then. Until 2.10.4 the status
 * and size are the origin fields captured around the router (Traefik's own answers included), since 2.10.5 the
 * downstream ones; both are what the client got.
 * Who answered: the service URL is set only once a server was picked (`AddServiceFields`), so `-` means Traefik
 * answered itself. With a server picked, Traefik's proxy error handler (pkg/proxy/httputil/proxy.go, 1.x: oxy's)
 * answers 502 for a connection error or EOF, 504 for a timeout, 499 when the client left and 500 otherwise, each
 * with its status text as the whole body; any other body is the service's.
 * A status of `0`: a hijacked connection (a WebSocket), a plain TCP stream once upgraded, which logs no HTTP status
 * (traefik/traefik#10064, "as websocket connections are plain TCP connections, this behavior is expected"): a
 * request read, with nothing to explain. So is a status of `-` (no origin status logged, before 2.10.5).
 */
import type { AccessRecord, Cause, Signal } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime } from './log-time.ts';
import { splitRequestLine } from './split-fields.ts';

const LINE = /^(\S+) - (\S+) \[([^\]]*)\] "([^"]*)" (\d{3}|0|-|%!d\(<nil>\)) (\d+|-|%!d\(<nil>\)) (.*) (\d+|-) ("(?:[^"\\]|\\.)*"?|-) ("(?:[^"\\]|\\.)*"|-) (\d+)ms$/;
const NIL = '%!d(<nil>)';
/** Traefik's own status when no server was picked. */
const OWN: Record<number, Cause> = { 500: 'proxy-config', 502: 'upstream-failed', 503: 'no-live-upstream', 504: 'timeout' };
/** Bodies of the proxy error handler: the status text, e.g. "Bad Gateway". */
const HANDLER_BODY_LENGTH: Record<number, number> = { 500: 21, 502: 11, 504: 15 };
const HANDLER_CAUSE: Record<number, Cause> = { 500: 'upstream-failed', 502: 'upstream-failed', 504: 'timeout' };

/**
 * What Traefik's proxy error handler's statuses and its body size say, where both Traefik and the service may have
 * sent the status: the handler's own answer (its status text as the whole body); a 500 whose body is "Internal Server
 * Error" alone, which the handler writes for errors it has no other status for and so do many applications
 * (Express's sendStatus(500), Starlette's default 500); or, with no size logged, nothing to tell them apart. Null when
 * the status is none the handler sends or the size rules the handler out.
 */
export function errorHandlerSignal(status: number, size: number, evidence: Signal['evidence']): Signal | null {
  const handlerLength = HANDLER_BODY_LENGTH[status];
  if (handlerLength === undefined) return null;
  if (Number.isNaN(size) || (status === 500 && size === handlerLength)) return { cause: 'unknown', confidence: 'low', decisive: false, evidence, reason: 'ambiguous-upstream-status' };
  return size === handlerLength ? { cause: HANDLER_CAUSE[status] as Cause, confidence: 'medium', decisive: true, evidence } : null;
}

export function traefikClfSignal(status: number, router: string, service: string, size: number): Signal | null {
  if (status < 500 && status !== 499) return null;
  const evidence = { kind: 'traefik-service' as const, detail: `router=${router || '-'} service=${service || '-'} size=${Number.isNaN(size) ? '-' : size}` };
  if (status === 499) return { cause: 'client-closed', confidence: 'high', decisive: true, evidence };
  if (service === '') return { cause: OWN[status] ?? 'proxy-config', confidence: 'high', decisive: true, evidence };
  const handler = errorHandlerSignal(status, size, evidence);
  if (handler) return handler;
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
}

/**
 * A quoted field without its quotes (a missing closing quote, as some lines have, is tolerated); `-` is empty, bare
 * (before 2.1.7) or quoted (`"-"`: since then the default value is quoted like any other).
 */
function unquote(field: string): string {
  const value = field === '-' ? '' : field.slice(1, field.endsWith('"') && field.length > 1 ? -1 : undefined).replaceAll('\\"', '"');
  return value === '-' ? '' : value;
}

/** The line is scanned as latin1 text; fields are decoded as UTF-8 only when a record is asked for. */
const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

export class TraefikClfParser extends BaseParser {
  readonly format = 'traefik-clf' as const;
  private readonly clf = new ClfTime();
  private match: RegExpExecArray | null = null;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    // Every line ends in the duration: "…ms".
    this.match = null;
    if (end - start < 40 || text.charCodeAt(end - 1) !== 115 || text.charCodeAt(end - 2) !== 109) return KIND.none;
    const m = LINE.exec(text.slice(start, end));
    if (!m) return KIND.none;
    const timeAt = start + (m[1] as string).length + 3 + (m[2] as string).length + 2;
    // A line published with its time taken out (`[]`, Traefik's own blog) is read without one.
    const timed = m[3] !== '';
    if (timed && !this.clf.parse(buf, timeAt, timeAt + (m[3] as string).length)) return KIND.none;
    // A status of "-": Traefik logged no origin status (before 2.10.5), as 1.4 did for a missing one the way Go's fmt
    // prints a nil for %d (traefik/traefik#2112): a request all the same, counted as one that logged no status.
    this.match = m;
    this.record = null;
    this.status = m[5] === '-' || m[5] === NIL ? 0 : Number(m[5]);
    this.timeMs = timed ? this.clf.ms : Number.NaN;
    this.tzOffsetMin = timed ? this.clf.offsetMin : 0;
    this.flagged = false;
    return KIND.access;
  }

  override access(): AccessRecord {
    const m = this.match;
    if (!m) return super.access();
    const request = splitRequestLine(utf8(m[4] as string));
    const service = utf8(unquote(m[10] as string));
    this.record ??= {
      status: this.status,
      timeMs: this.timeMs,
      tzOffsetMin: this.tzOffsetMin,
      client: m[1] as string,
      method: request.method,
      path: request.path,
      requestId: '',
      upstream: service,
      connection: '',
      requestTime: Number(m[11]) / 1000,
      signal: traefikClfSignal(this.status, utf8(unquote(m[9] as string)), service, m[6] === '-' ? Number.NaN : Number(m[6])),
      truncatedBy: null,
      ...(this.status === 0 ? { tcp: true as const } : {}),
    };
    return this.record;
  }
}
