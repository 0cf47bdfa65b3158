/**
 * The line an application server or framework writes for each request it answered, inside an app log: the
 * status it sent. Read as requests when no proxy log is given (an app log on its own, `httpwhy logs app.log`);
 * beside a proxy log the same lines are the app's side of the join.
 */
import type { AccessRecord, LoggedTime, Signal } from '../types.ts';
import { BLANKED_CLF_TIME } from './log-time.ts';

/** What one request line of an app log says. '' where it does not say. */
export interface AppRequestLine {
  method: string;
  path: string;
  status: number;
  client: string;
  /** The part of the line that carries the status, shown as evidence. */
  detail: string;
  /** A proxy's line as much as an app server's, cut before its client (isCutCombinedLine): its status decides nothing. */
  cut?: true;
}

const METHOD = '(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|CONNECT|TRACE|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK|REPORT)';
/**
 * uWSGI logs the HTTP/2 preface (`PRI *`) it got on its HTTP/1 socket as a request its application answered; in other
 * servers' lines (a proxy's access line read here by mistake) a PRI is the server refusing it, never an application.
 */
const UWSGI_METHOD = METHOD.replace('(GET|', '(GET|PRI|');
/** uWSGI's request logger's start: `[pid: 24|app: 0|req: 1/1] `. */
const UWSGI_PREFIX = String.raw`^\[pid: \d+\|app: [-\d]+\|req: [-\d]+\/\d+\] `;

interface Shape {
  pattern: RegExp;
  /** Capture group numbers; 0 for absent. */
  method: number;
  path: number;
  status: number;
  client: number;
  /** The status such a line stands for when it names none (Rails' router refusing a path: 404). */
  fixedStatus?: number;
}

/** ANSI colour codes a terminal's copy keeps, with or without their escape character. */
const ANSI = String.raw`(?:\x1b?\[\d{1,3}(?:;\d{1,3})*m)*`;

/** Each shape with the server that writes it. The first that matches reads the line. */
const SHAPES: readonly Shape[] = [
  // The quoted request line then the status, as Python's http.server and Werkzeug (`127.0.0.1 - - [date] "GET /
  // HTTP/1.1" 500 -`), Django's runserver (`[date] "GET / HTTP/1.1" 500 145`), uvicorn (`INFO: 1.2.3.4:5 - "GET /
  // HTTP/1.1" 500 Internal Server Error`), actix-web and gunicorn's custom access formats write it. Not with a
  // zoned time in brackets (CLF_TIME): such a line is more likely a proxy's access line in the same stream
  // (supervisord running nginx beside the app, a router's line cut by a paste), whose 5xx may be the proxy's own.
  // Werkzeug colours the request of a 4xx or 5xx with ANSI codes (`"\x1b[35m\x1b[1mPOST /login HTTP/1.1\x1b[0m" 500 -`),
  // kept by a copy from a terminal, or left without their escape character.
  { pattern: new RegExp(`"${ANSI}${METHOD} (\\S+) HTTP\\/[\\d.]+${ANSI}" (\\d{3})\\b`, 'i'), method: 1, path: 2, status: 3, client: 0 },
  // Uvicorn hands the HTTP/2 preface it got on its HTTP/1 port to the application (Starlette's router answers 404)
  // and logs it with its target percent-encoded: `1.2.3.4:5 - "PRI %2A HTTP/2.0" 404`.
  { pattern: /^(?:INFO:\s+)?(\S+):\d+ - "(PRI) (%2A) HTTP\/2\.0" (\d{3})\b/, method: 2, path: 3, status: 4, client: 1 },
  // uWSGI's request logger: `[pid: 24|app: 0|req: 1/1] 172.18.0.34 () {58 vars in 1233 bytes} [date] GET /x =>
  // generated 0 bytes in 0 msecs (HTTP/1.1 500) 0 headers in 0 bytes (...)`.
  // Its method is whatever the client sent, a scanner's made-up one too (`OPTION /`): the line's shape is uWSGI's alone.
  { pattern: new RegExp(String.raw`${UWSGI_PREFIX}(\S+) .*?\] ([A-Z][A-Z_-]{2,15}) (\S+) => generated .*?\(HTTP\/[\d.]+ (\d{3})\)`), method: 2, path: 3, status: 4, client: 1 },
  // uWSGI's line for a request whose variables named no method, path or protocol (a front end that passed none of the
  // usual uwsgi_params): `[pid: 8709|app: 0|req: 1/1]  () {16 vars in 489 bytes} [date]   => generated 0 bytes in 5
  // msecs ( 500)`.
  { pattern: new RegExp(String.raw`${UWSGI_PREFIX}(\S*) \(\) \{\d+ vars in \d+ bytes\} \[[^\]]+\]\s+=> generated \d+ bytes in \d+ msecs \( (\d{3})\)`), method: 0, path: 0, status: 2, client: 1 },
  // The same uWSGI line cut to its request part by a paste: `GET / => generated 143 bytes in 85 msecs (HTTP/1.1 400)`.
  { pattern: new RegExp(`^${UWSGI_METHOD} (\\S+) => generated \\d+ bytes in \\d+ msecs \\(HTTP\\/[\\d.]+ (\\d{3})\\)`), method: 1, path: 2, status: 3, client: 0 },
  // Gin's default logger: `[GIN] 2024/01/02 - 15:04:05 | 500 |   1.2ms |   127.0.0.1 | GET      "/path"`, the path
  // unquoted before Gin 1.3 (`| POST     /api/v1/users`).
  { pattern: new RegExp(`\\[GIN\\] [\\d/]+ - [\\d:]+ \\|\\s*(\\d{3}) \\|[^|]*\\|\\s*(\\S+) \\|\\s*${METHOD}\\s+"?([^"\\s]*)"?`), method: 3, path: 4, status: 1, client: 2 },
  // Express's morgan `dev` format (`:method :url :status :response-time ms - :res[content-length]`), also behind the
  // app's own words in a custom format (`API Request (port 3001): GET /api 304 3.982 ms - -`), or with a token of its
  // own after the dash (`… 200 48.767 ms - 2024-03-23T10:52:04.886Z`, `:date[iso]`).
  { pattern: new RegExp(`(?:^|\\s)${METHOD} (\\/\\S*) (\\d{3}) [\\d.]+ ms - (?:\\d+|-|\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z)$`), method: 1, path: 2, status: 3, client: 0 },
  // Grafana's router log (logfmt, logger=context): `msg="Request Completed" … method=GET path=/api/x status=403`.
  { pattern: /\bmsg="Request Completed" logger=context\b.*?\bmethod=([A-Z]+) path=(\S+) status=(\d{3})\b/, method: 1, path: 2, status: 3, client: 0 },
  // Grafana's dskit HTTP middleware (Loki, Mimir, Tempo, Pyroscope; weaveworks/common before it), in logfmt: `msg="POST
  // /ingester.v1.IngesterService/Push (200) 1.368313ms"`, the status in parentheses, then Go's duration.
  { pattern: new RegExp(`\\bmsg="${METHOD} (\\S+) \\((\\d{3})\\) \\d[\\d.]*(?:ns|µs|us|ms|s|m[\\d.]+s|h[\\dm.]+s)\\b`), method: 1, path: 2, status: 3, client: 0 },
  // morgan's `tiny` format (`:method :url :status :res[content-length] - :response-time ms`), alone, after a prefix or
  // with tokens of a custom format after it (`… 1.686 ms -IP ::1`).
  { pattern: new RegExp(`(?:^|\\s)${METHOD} (\\/\\S*) (\\d{3}) (?:\\d+|-) - [\\d.]+ ms(?:\\s.*)?$`), method: 1, path: 2, status: 3, client: 0 },
  // Tornado's access log (`RequestHandler._request_summary`, as Jupyter's servers log it too): `[E 11:19:25.167
  // LabApp] 500 POST /path (1.2.3.4) 2.93ms` under Tornado's LogFormatter, `ERROR:tornado.access:500 GET / (::1)
  // 27.54ms` under Python's default one.
  { pattern: new RegExp(`(?:tornado\\.access:|^\\[[DIWEC] [^\\]]*\\] )(\\d{3}) ${METHOD} (\\S+) \\(([^)]*)\\) [\\d.]+ms`), method: 2, path: 3, status: 1, client: 4 },
  // Gitea's and Forgejo's router logger (modules/web/routing/logger.go): `router: completed PATCH /v2/x for
  // 10.0.0.1:57674, 500 Internal Server Error in 60197.8ms @ …`.
  { pattern: new RegExp(`\\brouter: completed ${METHOD} (\\S+) for (\\S+?):\\d+, (\\d{3})\\b`), method: 1, path: 2, status: 4, client: 3 },
  // PHP's built-in web server (`php -S`): `[Fri Aug 14 03:03:50 2020] 127.0.0.1:56316 [200]: /` before PHP 7.4,
  // `… [500]: GET /public - Uncaught Error: …` since; `(null)` for a method it did not read.
  { pattern: new RegExp(`^\\[[^\\]]+\\] (\\S+):\\d+ \\[(\\d{3})\\]: (?:${METHOD} |\\(null\\) )?(\\/\\S*)`), method: 3, path: 4, status: 2, client: 1 },
  // PHP-FPM's pool access log in its default format (sapi/fpm/fpm/fpm_log.c, `%R - %u %t "%m %r" %s`): the client, an
  // empty user, the time without brackets, the method and the script's URI in quotes, then the status the script set:
  // `172.19.0.4 -  21/Oct/2018:08:41:27 +0000 "GET /index.php" 500`. Pools often log more after the status (www.conf's
  // example adds `%f %{mili}d %{kilo}M %C%%`) or start at the time: `10/May/2018:04:09:27 +0000 "GET /index.php" 404
  // 1.818ms 2048kb 0.00%`. Its time is not read: the URI it logs is the script's (`/index.php` behind a front
  // controller), so beside the proxy's log a time would make a request the proxy logged under another path look missing.
  { pattern: new RegExp(`^(?:(\\S+) - \\S* ?)?\\d{2}\\/[A-Z][a-z]{2}\\/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4} "${METHOD} (\\S+)" (\\d{3})(?:\\s+\\S+){0,6}\\s*$`), method: 2, path: 3, status: 4, client: 1 },
  // Rails' (ActionController) and Phoenix's (Plug.Logger) line at the end of a request: `Completed 500 Internal
  // Server Error in 27ms`, `Sent 500 in 12ms`; the method and path are on the request's first line.
  { pattern: /\b(?:Completed|Sent) (\d{3}) (?:[A-Za-z' -]+ )?in [\d.]+ ?(?:ms|µs|s)\b/, method: 0, path: 0, status: 1, client: 0 },
  // Rails' router refusing a path no route matches (ActionDispatch::DebugExceptions logs it at FATAL, with no Completed
  // line: the request reached no controller): `ActionController::RoutingError (No route matches [GET] "/wp-login.php"):`,
  // answered 404 by ShowExceptions.
  { pattern: new RegExp(`\\bActionController::RoutingError \\(No route matches \\[${METHOD}\\] "([^"]*)"\\)`), method: 1, path: 2, status: 0, fixedStatus: 404, client: 0 },
  // Serilog.AspNetCore's request logging (RequestLoggingMiddleware's default template, "HTTP {RequestMethod}
  // {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms"): `HTTP POST /api/x responded 500 in 1023.9135 ms`.
  { pattern: new RegExp(`\\bHTTP ${METHOD} (\\S+) responded (\\d{3}) in [\\d.]+ ms\\b`), method: 1, path: 2, status: 3, client: 0 },
  // ASP.NET Core's HostingRequestFinishedLog: `Request finished in 347.1ms 500 text/html` (2.x), `Request finished
  // HTTP/1.1 GET http://host/path - - - 500 0 - 672.1ms` (5.0, 6.0), `… - 500 - text/html 12.3ms` (7.0 and later).
  { pattern: /\bRequest finished in [\d.]+ms (\d{3})\b/, method: 0, path: 0, status: 1, client: 0 },
  { pattern: new RegExp(`\\bRequest finished HTTP\\/[\\d.]+ ${METHOD} (\\S+)(?: -){1,3} (\\d{3})\\b`), method: 1, path: 2, status: 3, client: 0 },
  // The same with the request's own content type and length before the dash (a request with a body: `… /net/Test
  // application/soap+msbin1 161 - 500 0 - 1789.7733ms`).
  { pattern: new RegExp(`\\bRequest finished HTTP\\/[\\d.]+ ${METHOD} (\\S+) [\\w.+-]+\\/[\\w.+-]+(?:;[^ ]*)? \\d+ - (\\d{3})\\b`), method: 1, path: 2, status: 3, client: 0 },
];

/**
 * A zoned time in brackets, as proxies' access logs write it: CLF's (`[05/Dec/2018:10:07:24 +0000]`) or ISO 8601's
 * with its offset (Gorouter's `[2018-12-05T10:07:24.229+0000]`, before 2017 `[18/11/2016:12:20:38.381 +0000]`), or
 * CLF's with its digits blanked out by the person who pasted it (`[---------- +0000]`).
 * Application servers' request lines carry none (Werkzeug and Django write `[05/Dec/2018 10:07:24]`).
 */
const CLF_TIME = new RegExp(
  String.raw`\[(?:\d\d\/(?:\w{3}|\d\d)\/\d{4}:\d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)|${BLANKED_CLF_TIME} [+-]\d{4})\]`,
);
/**
 * urllib3's debug line for each response it received (connectionpool.py `_make_request`): `https://host:443 "GET /x
 * HTTP/1.1" 403 898` in later 1.x releases and since, `"GET /x HTTP/1.1" 403 898` under the `urllib3.connectionpool`
 * logger before. The quoted request and status of a client's log, not of a server's. Groups: scheme, host (the
 * later form only), method, path, status.
 */
export const URLLIB3_RESPONSE = /(?:\b(https?):\/\/([^\s:/"]+):\d+ |\burllib3\.connectionpool\]?(?:\[\w+\])?:?\s*)"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d{3}) (?:\d+|None)\b/;
const group = (m: RegExpExecArray, n: number): string => (n === 0 ? '' : (m[n] ?? ''));
/**
 * The client's address where a shape has no place for it: the first IP address before the request. A time of day
 * (`17:01:11`) is no IPv6 address.
 */
const ADDRESS = /(?:^|[\s('[])(\d{1,3}(?:\.\d{1,3}){3}|(?!\d{1,2}:\d\d:\d\d(?![\da-f]*:))[\da-f]{0,4}(?::[\da-f]{0,4}){2,7})(?=[\s:',)\]]|$)/i;

/** What follows the status in the combined format: the size, then the referer and the user agent in quotes. */
const COMBINED_TAIL = /^ (?:\d+|-) "[^"]*" "[^"]*"/;

/**
 * A line that starts at its quoted request and goes on with the combined format's size, referer and user agent: a
 * proxy's access line cut before its client and time as much as an app server's (actix-web writes the same tail, after
 * its client's address). Cut so, it names no server: its request counts, and its status is nobody's in particular.
 */
function isCutCombinedLine(line: string, m: RegExpExecArray): boolean {
  return line.slice(0, m.index).trim() === '' && COMBINED_TAIL.test(line.slice(m.index + m[0].length));
}

/** The request an app-log line records, or null when the line is not one of the request lines above. */
export function appRequestLine(line: string): AppRequestLine | null {
  const clf = CLF_TIME.test(line);
  for (const shape of SHAPES) {
    if (shape === SHAPES[0] && (clf || URLLIB3_RESPONSE.test(line))) continue;
    const m = shape.pattern.exec(line);
    if (!m) continue;
    const status = shape.fixedStatus ?? Number(group(m, shape.status));
    if (status < 100) continue;
    const client = shape.client === 0 ? (ADDRESS.exec(line.slice(0, m.index))?.[1] ?? '') : group(m, shape.client);
    const request = { method: group(m, shape.method).toUpperCase(), path: group(m, shape.path), status, client, detail: m[0].trim() };
    return shape === SHAPES[0] && isCutCombinedLine(line, m) ? { ...request, cut: true } : request;
  }
  return null;
}

/**
 * The access record of an app's request line: an error status is the app's own (503 the app shedding load). The
 * analysis judges only the 5xx; a pasted line's 4xx is named the app's too (pasted-lines.ts).
 */
export function appRequestRecord(request: AppRequestLine, time: LoggedTime, requestId: string): AccessRecord {
  const signal: Signal | null =
    request.status >= 400 && request.cut !== true
      ? { cause: request.status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence: { kind: 'app-status', detail: request.detail } }
      : null;
  return {
    status: request.status,
    timeMs: time.ms,
    tzOffsetMin: 0,
    client: request.client,
    method: request.method,
    path: request.path,
    requestId,
    upstream: '',
    connection: '',
    requestTime: Number.NaN,
    signal,
    truncatedBy: null,
  };
}
