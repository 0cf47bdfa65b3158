/**
 * Traefik's own log (not its access log), at debug level. When forwarding a request fails, Traefik's error handler
 * answers with the status it computes from the Go error (502 for EOF and other network errors, 504 for a timeout,
 * 499 when the client went away, 500 otherwise) and logs it:
 * - Traefik 1.x (vulcand/oxy's utils) and 2.x (pkg/proxy/httputil, logrus): `time="2019-07-11T14:13:53Z"
 *   level=debug msg="'504 Gateway Timeout' caused by: dial tcp 10.255.2.192:8080: i/o timeout"`;
 * - Traefik 3.x (zerolog's console): `2025-08-14T03:55:08Z DBG github.com/traefik/traefik/v3/pkg/proxy/httputil/
 *   proxy.go:121 > 502 Bad Gateway error="dial tcp 10.76.0.36:8080: connect: connection refused"` (traefik/traefik
 *   @ab00ed0564820c8cfedbf51d72c70c4e92c82bc8 pkg/proxy/httputil/proxy.go, ErrorHandlerWithContext).
 * Each such line is read as an error event that stands for the response Traefik made. Traefik 1.x also logs oxy's
 * line for every round trip, `vulcand/oxy/forward/http: Round trip: <backend>, code: 502, Length: 11, duration: …`:
 * that is the request, and the error line just before it, at the same time, says why.
 * Traefik's retry middleware logs `New attempt <n> for request: <path>` after an attempt that failed: that attempt's
 * error line is a failure of the upstream, not a response the client got, so its event gives up its status.
 */
import type { Cause, LoggedTime, ProxyErrorEvent } from '../types.ts';
import { causeOfMessage, goErrorAddress } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { durationSeconds, parseIsoTime } from './log-time.ts';

/** The statuses ErrorHandler computes, with the text it writes (Go's StatusText, Traefik's own for 499). */
const OWN_STATUS = "(502 Bad Gateway|504 Gateway Timeout|499 Client Closed Request|500 Internal Server Error)";
const LOGRUS = /^time="([^"]+)" level=[a-z]+ msg="((?:[^"\\]|\\.)*)"/;
/** Any of Traefik 3's lines (zerolog's console: time, level, caller, `>` and the message). */
const ZEROLOG_LINE = /^(?:\d{4}-\d\d-\d\dT\S+ )?(?:TRC|DBG|INF|WRN|ERR|FTL|PNC) /;
const CAUSED_BY = new RegExp(`^'${OWN_STATUS}' caused by: (.*)$`);
const ROUND_TRIP = /^vulcand\/oxy\/forward\/http: Round trip: (\S+?), code: (\d{3}), Length: -?\d+, duration: (\S+)/;
const NEW_ATTEMPT = /(?:msg="|> )New attempt \d+ for request: /;
// The error field as zerolog's console writes it (`error="…"`), or after a `|` unquoted, as a reporter's copy shows it.
const ZEROLOG = new RegExp(`^(?:(\\d{4}-\\d\\d-\\d\\dT\\S+) )?(?:DBG|ERR) (?:\\S+ )?> ${OWN_STATUS}(?: error="((?:[^"\\\\]|\\\\.)*)"| \\| error=(.+)$)`);

/** Lines of Traefik's own that no other program writes. */
const MARKS: readonly RegExp[] = [
  // Its start-up line (cmd/traefik/traefik.go, "Traefik version %s built on %s", in 2.x's logrus and 3.x's zerolog
  // alike): a log of Traefik's own that may hold no failure at all.
  /(?:msg="| INF (?:\S+ > )?)Traefik version \S+ built on /,
  // The providerName and entryPointName fields of its warnings and errors (`providerName=kubernetes`: "Skipping
  // service: no endpoints found", the cause of Traefik's own 503s; `entryPointName=https`: a listener that failed).
  /^(?:time="[^"]+" level=(?:error|warning) msg=|(?:\d{4}-\d\d-\d\dT\S+ )?(?:WRN|ERR) ).* (?:providerName|entryPointName)=[a-z]/,
  // Its providers' configuration at debug (1.x and 2.x: "Configuration received from provider docker: {…}"), and 1.x's
  // wiring of each frontend ("Wiring frontend frontend-x to entryPoint http"): a configuration log with no request.
  /msg="(?:Configuration received from provider [a-z][\w.-]*: |Wiring frontend \S+ to entryPoint )/,
  // 1.x's and 2.x's proxy error, and oxy's round trip.
  /msg="'\d{3} [^']*' caused by: |msg="vulcand\/oxy\/forward\/http: Round trip: /,
  // Traefik 3's proxy error: with its caller's path, for any status its ErrorHandler writes (a 500 for a backend's TLS
  // certificate it could not verify, traefik/traefik#11373); without the path (or with its short form,
  // `httputil/proxy.go:121`), only 502 and 504 name Traefik.
  new RegExp(String.raw` (?:DBG|ERR) (?:github\.com\/traefik\/traefik\/\S+ > ${OWN_STATUS}|(?:\S*httputil\/proxy\.go:\d+ )?> (?:502 Bad Gateway|504 Gateway Timeout))(?: error="| \| error=)`),
];
const MARK = new RegExp(MARKS.map((mark) => mark.source).join('|'));

export const isTraefikLogMark = (line: string): boolean => MARK.test(line);

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

function causeOf(status: number, error: string): Cause {
  if (status === 499) return 'client-closed';
  return causeOfMessage(error) ?? (status === 504 ? 'timeout' : 'upstream-failed');
}

export class TraefikLogParser extends BaseParser {
  readonly format = 'traefik-log' as const;
  /** The last error event read, until a line says its request was tried again. */
  private lastFailure: ProxyErrorEvent | null = null;

  /** The error event for the response Traefik made: the status it computed, the Go error it logged. */
  private failed(time: LoggedTime, statusText: string, error: string): LineKind {
    const status = Number(statusText.slice(0, 3));
    this.errorEvent = this.lastFailure = {
      time,
      cause: causeOf(status, error),
      phase: 'header',
      message: `${statusText}: ${error}`,
      client: '',
      request: '',
      connection: '',
      upstream: goErrorAddress(error),
      appMessage: '',
      status,
    };
    return KIND.proxyError;
  }

  /** Whether the line says the last failed attempt's request was tried again; that attempt then made no response. */
  private retried(line: string): boolean {
    if (!NEW_ATTEMPT.test(line)) return false;
    if (this.lastFailure) delete this.lastFailure.status;
    this.lastFailure = null;
    return true;
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const logrus = LOGRUS.exec(line);
    if (!logrus) {
      const zerolog = ZEROLOG.exec(line);
      if (!zerolog) return this.retried(line) || ZEROLOG_LINE.test(line) ? KIND.other : KIND.none;
      const time = zerolog[1] === undefined ? { ms: Number.NaN, local: false } : parseIsoTime(zerolog[1]);
      return this.failed(time, zerolog[2] as string, zerolog[3] === undefined ? (zerolog[4] as string) : unescape(zerolog[3]));
    }
    const time = parseIsoTime(logrus[1] as string);
    const message = unescape(logrus[2] as string);
    const caused = CAUSED_BY.exec(message);
    if (caused) return this.failed(time, caused[1] as string, caused[2] as string);
    const trip = ROUND_TRIP.exec(message);
    if (!trip) {
      this.retried(line);
      return KIND.other;
    }
    return this.accessLine(
      {
        status: Number(trip[2]),
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: '',
        method: '',
        path: '',
        requestId: '',
        upstream: (trip[1] as string).replace(/^[a-z]+:\/\//, ''),
        connection: '',
        requestTime: durationSeconds(trip[3]),
        signal: null,
        truncatedBy: null,
      },
      false,
    );
  }
}
