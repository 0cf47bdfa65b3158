/**
 * KrakenD (the API gateway built on the Lura framework) logs each request with Gin's logger, the same line a plain
 * Gin application writes: `[GIN] 2022/03/28 - 11:10:39 | 500 | 8.29ms | 172.17.0.1 | POST "/users/verifyOTP"`. What
 * tells the gateway's file from an app's is KrakenD's own: its logger's `[KRAKEND] <time> ▶ ERROR [ENDPOINT: /x] …`
 * lines (2.x: `<time> KRAKEND ERROR: [ENDPOINT: /x] …`), and Lura's error for a backend that answered outside 200/201, `Invalid status code` (`invalid status code`
 * since 2.0, transport/http/client/status.go).
 * Who answered (lura router/gin/endpoint.go): when the backend proxy fails, the endpoint handler records the error
 * on Gin's context (`c.Error(err)`) and answers the status its error names, 500 for Lura's own errors; Gin's logger
 * then writes the error right under the request's line, `Error #01: Invalid status code`. So a 5xx followed by
 * such an error is KrakenD's own answer, with the cause its error gives; a 5xx with none (a no-op endpoint relays the
 * backend's status), or with an error that is the backend's own text (`return_error_details`), stays undecided.
 */
import type { Cause, LoggedTime } from '../types.ts';
import { causeOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { durationSeconds, localTime } from './log-time.ts';
import { requestKey } from './nginx-error.ts';
import { inZone, type TimeZone } from './time-zone.ts';

/**
 * Gin's default logger line (gin logger.go defaultLogFormatter), its colour codes off; before Gin 1.3 the path was not
 * quoted, and a request that got no status (Lura's early releases on an invalid backend status) logs 0.
 */
const GIN_LINE = /^\[GIN\] (\d{4})\/(\d\d)\/(\d\d) - (\d\d):(\d\d):(\d\d) \|\s*(\d{1,3})\s*\|\s*(\S+)\s*\|\s*(\S*)\s*\|\s*([A-Z]+)\s+(?:"([^"]*)"|([^\s"]+))$/;
/** The errors Gin's logger appends under the line (gin errors.go: `Error #%02d: %s`). */
const GIN_ERROR = /^Error #\d+: (.+)$/;
/** Lura's error for a backend status outside 200/201: the gateway's own 500. */
const INVALID_STATUS = /^invalid status code$/i;
/** KrakenD's logger: `[KRAKEND] <time> ▶ ERROR …` (1.x), `2024/01/17 11:24:25 KRAKEND ERROR: [ENDPOINT: /x] …` (2.x). */
const KRAKEND_LINE = /^(?:\[KRAKEND\] |\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d KRAKEND [A-Z]+: )/;

/** Whether a line is KrakenD's own: its logger's, or Lura's error for a backend's status under a Gin line. */
export function isKrakendMark(line: string): boolean {
  if (KRAKEND_LINE.test(line)) return true;
  const error = GIN_ERROR.exec(line);
  return error !== null && INVALID_STATUS.test((error[1] as string).trim());
}

/** Why KrakenD answered with an error itself, from the error Gin logged; null for text that is not Lura's (a backend's body). */
function causeOfError(message: string): Cause | null {
  return INVALID_STATUS.test(message) ? 'upstream-failed' : causeOfMessage(message);
}

export class KrakendParser extends BaseParser {
  readonly format = 'krakend' as const;
  private readonly zone: TimeZone;
  /** The last request line read, until the next line: Gin writes a request's errors right under it. */
  private last: { status: number; time: LoggedTime; client: string; request: string } | null = null;

  constructor(zone: TimeZone) {
    super();
    this.zone = zone;
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end).trimEnd();
    const last = this.last;
    const error = GIN_ERROR.exec(line);
    if (error) return this.error(line, (error[1] as string).trim(), last);
    this.last = null;
    if (KRAKEND_LINE.test(line)) return KIND.other;
    const m = GIN_LINE.exec(line);
    if (!m) return KIND.none;
    const n = (i: number): number => Number(m[i]);
    const wall = localTime(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
    const time = inZone(wall, this.zone);
    const target = (m[11] ?? m[12]) as string;
    const [method, path] = [m[10] as string, target.split('?')[0] as string];
    this.last = { status: n(7), time, client: m[9] as string, request: requestKey(method, path) };
    return this.accessLine(
      {
        status: n(7),
        timeMs: time.ms,
        tzOffsetMin: this.zone.offsetAt(wall.ms),
        client: m[9] as string,
        method,
        path: target,
        requestId: '',
        upstream: '',
        connection: '',
        requestTime: durationSeconds(m[8]),
        // The line alone does not say who made a 5xx: the error under it does (see above).
        signal: null,
        truncatedBy: null,
      },
      false,
    );
  }

  /** An error under a request line: for a 5xx, KrakenD's own answer when the error is one of its own. */
  private error(line: string, message: string, last: { status: number; time: LoggedTime; client: string; request: string } | null): LineKind {
    const cause = last && last.status >= 500 ? causeOfError(message) : null;
    if (!last || !cause) return KIND.other;
    // Its other errors, if any, are about the same response.
    this.last = null;
    this.errorEvent = { time: last.time, cause, phase: 'header', message: line, client: last.client, request: last.request, connection: '', upstream: '', appMessage: '' };
    return KIND.proxyError;
  }
}
