/**
 * Plain-text application logs. A request id is found by `idPattern` (first capture group) or, by default,
 * `request_id=…`-style pairs, 32-hex ids (nginx `$request_id`) and UUIDs. Levels, statuses, a leading
 * timestamp and `METHOD /path` are picked up when present. Stack-trace lines join the entry above them.
 */
import { appRequestLine, appRequestRecord } from './app-request-line.ts';
import { emptyStack, StackGroup } from './app-stack.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { localTime, monthIndex, parseIsoTime } from './log-time.ts';
import { StartedRequests } from './started-requests.ts';
import { inZone, type TimeZone } from './time-zone.ts';
import type { LoggedTime } from '../types.ts';

export const DEFAULT_ID_PATTERN =
  /(?:request[_-]?id|req[_-]?id|rid|trace[_-]?id|correlation[_-]?id)["']?\s*[=:]\s*["']?([\w.:-]{6,})|\b([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;
// uWSGI's own failures (core/master_checks.c, plugins/http): its socket's backlog full (`*** uWSGI listen queue of
// socket … full !!! (101/100) ***`, connections refused, the proxy's 502s), a worker killed for a request that ran too
// long (`*** HARAKIRI ON WORKER 1 …`), a request whose headers exceed its buffer (`invalid request block size`).
const LEVEL =
  /\b(?:ERROR|FATAL|CRITICAL|CRIT|ALERT|EMERG|SEVERE|PANIC)\b|\blevel=["']?(?:error|fatal|critical)|Traceback \(most recent call last\)|Unhandled|Exception\b|\buWSGI listen queue of socket .{1,200} full !!!|\bHARAKIRI ON WORKER \d+|^invalid request block size: \d+/;
/**
 * `status=500`, Rails' `Completed 500`, ASP.NET Core's request-finished line (Microsoft.AspNetCore.Hosting,
 * HostingRequestFinishedLog): `Request finished in 347.108ms 200 text/html` (2.x) and
 * `Request finished HTTP/1.1 GET http://host/path - - - 401 0 - 672.1ms` (5.0, 6.0) or `… - 200 - text/html 12.3ms` (7.0 and later).
 */
const STATUS = /\bstatus(?:[_-]?code)?["']?\s*[=:]\s*(\d{3})\b|\bCompleted (\d{3}) |\bRequest finished in [\d.]+ms (\d{3})\b|\bRequest finished HTTP\/[\d.]+ [A-Z]+ \S+(?: -){1,3} (\d{3})\b/i;
// Gin's logger pads the method and quotes the path (`POST     "/api/generate"`); its route list at start-up pads it
// too, with the path bare (`[GIN-debug] GET    /ping --> main.func1`), and names no request.
const REQUEST = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?: | +")(\/[^\s"]*)/;
const PATH = /\bpath=["']?(\/[^\s"']*)/;
const TIME = /^\[?(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?)\]?\s*/;
/**
 * The local time app servers put in brackets inside their request lines, with no zone: uWSGI's C asctime (`[Sat Jun
 * 10 17:18:43 2017]`), Werkzeug's and Django runserver's (`[10/Jun/2017 17:18:43]`). Groups: month, day, clock, year;
 * day, month, year, clock.
 */
const BRACKET_TIME = /\[(?:[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})|(\d\d)\/([A-Z][a-z]{2})\/(\d{4})[ :](\d\d):(\d\d):(\d\d))\]/;

/** The time a line logs: its ISO 8601 start (`TIME`'s match), else a request line's bracketed local time; NaN when none. */
function timeOf(line: string, iso: RegExpExecArray | null, zone: TimeZone | undefined): LoggedTime {
  if (iso) return inZone(parseIsoTime(iso[1] as string), zone);
  const b = BRACKET_TIME.exec(line);
  const month = b ? monthIndex((b[1] ?? b[8]) as string) : -1;
  if (!b || month < 0) return { ms: Number.NaN, local: false };
  const [day, hour, minute, second, year] = b[1] === undefined ? [b[7], b[10], b[11], b[12], b[9]] : [b[2], b[3], b[4], b[5], b[6]];
  return inZone(localTime(Number(year), month, Number(day), Number(hour), Number(minute), Number(second)), zone);
}
const MAX_MESSAGE = 300;

/** The line without the parts already shown elsewhere: leading level, request id, request line, status. */
function messageOf(line: string, known: Array<string | undefined>): string {
  let message = line.replace(/^\[?(?:ERROR|FATAL|CRITICAL|CRIT|WARN(?:ING)?|INFO|DEBUG|SEVERE|PANIC)\]?:?\s+/i, '');
  for (const part of known) if (part) message = message.replace(part, '');
  return message.replace(/\s{2,}/g, ' ').trim().slice(0, MAX_MESSAGE);
}

export class AppTextParser extends BaseParser {
  readonly format = 'app-text' as const;
  private readonly idPattern: RegExp;
  private readonly group = new StackGroup();
  private readonly zone: TimeZone | undefined;
  private readonly requests: boolean;
  /** Rails' Started lines waiting for the line with their status (read as requests only). */
  private readonly started = new StartedRequests();

  /**
   * `zone` (`--tz`) places times logged without a zone; without it they are matched on the proxy's wall clock.
   * With `requests`, a line that records a request the app answered is read as an access line.
   */
  constructor(idPattern: RegExp = DEFAULT_ID_PATTERN, zone?: TimeZone, requests = false) {
    super();
    this.idPattern = idPattern;
    this.zone = zone;
    this.requests = requests;
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    if (line.trim() === '') return KIND.none;
    if (this.group.continues(line)) return KIND.continuation;
    const id = this.idPattern.exec(line);
    const time = TIME.exec(line);
    const request = REQUEST.exec(line);
    // Only a line that names a request or a protocol may be a server's request line (app-request-line.ts): the
    // shapes are not tried on every line of an app log.
    const served = this.requests || request || line.includes('HTTP/') ? appRequestLine(line) : null;
    const logged = timeOf(line, time, this.zone);
    const requestId = id ? (id.slice(1).find((g) => g !== undefined) ?? '') : '';
    if (served && this.requests) {
      this.group.start(line, null);
      // The Started line it ends gives what a Completed line does not: the method, the path, the client.
      const opened = this.started.ends(served, requestId);
      const whole = opened ? { ...served, method: served.method || opened.method, path: served.path || opened.path, client: served.client || opened.client } : served;
      return this.accessLine(appRequestRecord(whole, Number.isNaN(logged.ms) && opened ? opened.time : logged, requestId), false);
    }
    if (this.requests) this.started.started(line, logged, requestId);
    const status = STATUS.exec(line);
    // A server's request line names its status where the generic patterns may not see it (a 200 after the request).
    const statusCode = served?.status ?? (status ? Number(status.slice(1).find((g) => g !== undefined)) : 0);
    const isError = LEVEL.test(line) || statusCode >= 500;
    // A line that names the request, its id or its status is the app's record of a request.
    if (!requestId && !request && !isError && statusCode === 0) {
      this.group.start(line, null);
      return KIND.other;
    }
    this.appEvent = {
      time: logged,
      requestId,
      method: request?.[1] ?? served?.method ?? '',
      path: request?.[2] ?? served?.path ?? PATH.exec(line)?.[1] ?? '',
      status: statusCode,
      isError,
      message: messageOf(time ? line.slice(time[0].length) : line, [id?.[0], request?.[0], status?.[0]]),
      stack: emptyStack(),
    };
    this.group.start(line, this.appEvent);
    return KIND.app;
  }

  /** A Started line whose status line never came: a request that logged no status. */
  nextHeldRequest(): boolean {
    const s = this.started.unfinished();
    if (!s) return false;
    const record = appRequestRecord({ method: s.method, path: s.path, status: 0, client: s.client, detail: '' }, s.time, s.requestId);
    this.accessLine({ ...record, tcp: true }, false);
    return true;
  }
}
