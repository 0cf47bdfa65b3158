/**
 * IIS logs in the W3C extended format: the `#Fields:` directive that opens each log file (and comes again whenever
 * IIS restarts logging, possibly with other fields) names the space-separated columns (`date time s-ip cs-method
 * cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status
 * time-taken`…). A line met before any `#Fields:` (a pasted excerpt) is read by the order IIS writes its fields in
 * (headerlessFieldsOf). Times are UTC ("the time stamp for each W3C Extended Logging log record is UTC-based", IIS's
 * `logFile` settings reference).
 *
 * HTTP.sys's own error log (HTTPERR, with `s-reason`) is read the same way, each of its 5xx HTTP.sys's (httpSysSignal).
 * Who made a 5xx follows from `sc-substatus` (iisSignal): IIS and its modules (ARR, the ASP.NET Core Module, URL
 * Rewrite) set their own sub-statuses, while the status a handler or the application sets is logged with
 * sub-status 0.
 */
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { w3cDirective, W3cFields, w3cRequest, w3cValues } from './w3c-fields.ts';
import type { Cause, Signal } from '../types.ts';

/**
 * The sub-statuses IIS and its modules set on the 5xx they make. Microsoft Learn, "HTTP status codes in IIS"
 * (KB 943891): 500.11-500.24, 500.50-500.53, 500.100, 502.1-502.4, 503.2-503.4; "Troubleshoot ASP.NET Core on Azure
 * App Service and IIS": the ASP.NET Core Module's 500.30-500.38 and 502.5. 502.3 is read from `sc-win32-status`.
 */
const SUB_STATUS: Record<string, Cause> = {
  '500.11': 'no-live-upstream', // Application is shutting down on the web server.
  '500.12': 'no-live-upstream', // Application is busy restarting on the web server.
  '500.13': 'load-shed', // Web server is too busy.
  '500.15': 'proxy-config', // Direct requests for Global.asax aren't allowed.
  '500.19': 'proxy-config', // Configuration data is invalid.
  '500.21': 'proxy-config', // Module not recognized.
  '500.22': 'proxy-config', // An ASP.NET httpModules configuration doesn't apply in Managed Pipeline mode.
  '500.23': 'proxy-config', // An ASP.NET httpHandlers configuration doesn't apply in Managed Pipeline mode.
  '500.24': 'proxy-config', // An ASP.NET impersonation configuration doesn't apply in Managed Pipeline mode.
  '500.30': 'app-start-failed', // ANCM In-Process Start Failure.
  '500.31': 'proxy-config', // ANCM Failed to Find Native Dependencies.
  '500.32': 'proxy-config', // ANCM Failed to Load dll.
  '500.33': 'proxy-config', // ANCM Request Handler Load Failure.
  '500.34': 'proxy-config', // ANCM Mixed Hosting Models Not Supported.
  '500.35': 'proxy-config', // ANCM Multiple In-Process Applications in same Process.
  '500.36': 'proxy-config', // ANCM Out-Of-Process Handler Load Failure.
  '500.37': 'app-start-failed', // ANCM Failed to Start Within Startup Time Limit.
  '500.38': 'proxy-config', // ANCM Application DLL Not Found.
  '500.50': 'proxy-config', // A rewrite error occurred during RQ_BEGIN_REQUEST notification handling.
  '500.51': 'proxy-config', // A rewrite error occurred during GL_PRE_BEGIN_REQUEST notification handling.
  '500.52': 'proxy-config', // A rewrite error occurred during RQ_SEND_RESPONSE notification handling.
  '500.53': 'proxy-config', // A rewrite error occurred during RQ_RELEASE_REQUEST_STATE notification handling.
  '500.100': 'app-error', // Internal ASP error: the page's script failed.
  '502.1': 'timeout', // CGI application timeout.
  '502.2': 'reset', // Bad gateway: Premature Exit (the CGI application ended before its response).
  '502.4': 'no-live-upstream', // Bad gateway: No Server (ARR).
  '502.5': 'upstream-failed', // ARR: WebSocket failure; ANCM out-of-process: Process Failure. Both the module's.
  '503.2': 'load-shed', // Concurrent request limit exceeded.
  '503.3': 'load-shed', // ASP.NET queue full.
  '503.4': 'load-shed', // FastCGI queue full.
};

/**
 * 502.3 "Bad Gateway: Forwarder Connection Error" (ARR, the ASP.NET Core Module): `sc-win32-status` holds the
 * forwarder's error ("Troubleshooting 502 errors in ARR": 12002 is ERROR_WINHTTP_TIMEOUT). WinHTTP codes from
 * winhttp.h; 64 is the system error ERROR_NETNAME_DELETED ("The specified network name is no longer available").
 */
const FORWARDER_ERRORS: Record<string, Cause> = {
  '12002': 'timeout', // ERROR_WINHTTP_TIMEOUT
  '12007': 'dns', // ERROR_WINHTTP_NAME_NOT_RESOLVED
  '12029': 'refused', // ERROR_WINHTTP_CANNOT_CONNECT
  '12030': 'reset', // ERROR_WINHTTP_CONNECTION_ERROR
  '12152': 'invalid-response', // ERROR_WINHTTP_INVALID_SERVER_RESPONSE
  '12175': 'tls', // ERROR_WINHTTP_SECURE_FAILURE
  '64': 'reset', // ERROR_NETNAME_DELETED
};

/** Who made a 4xx or 5xx, from IIS's `sc-status`, `sc-substatus` and `sc-win32-status` ('' when not logged). */
export function iisSignal(status: number, subStatus: string, win32Status: string): Signal | null {
  if (status < 400 || subStatus === '') return null;
  const code = `${status}.${subStatus}`;
  const evidence = { kind: 'iis-status' as const, detail: win32Status === '' ? code : `${code} sc-win32-status=${win32Status}` };
  // A 4xx with a sub-status is a refusal of IIS's own modules ("The HTTP status code in IIS": 401.1-401.5
  // authentication, 403.x access and SSL settings such as 403.7 "client certificate required", 404.x request filtering
  // and the static file handler): its configuration decided, not the application. The analyzer explains only 5xx; a
  // pasted line's 4xx is named by it.
  if (status < 500) return subStatus === '0' ? null : { cause: 'proxy-config', confidence: 'high', decisive: true, evidence };
  // Sub-status 0: the status came from the handler, the application in most cases (a module may also set x.0). Not
  // for 503: 503.0 is IIS's own "Application pool unavailable" (a stopped or rapid-fail-protected pool) and the ASP.NET
  // Core Module's "503.0 - Server has been shutdown" (dotnet/aspnetcore#41771), as often as an application's 503.
  if (subStatus === '0' && status === 503) return { cause: 'unknown', confidence: 'low', decisive: false, evidence, reason: 'no-signals' };
  if (subStatus === '0') return { cause: 'app-error', confidence: 'medium', decisive: true, evidence };
  const cause = code === '502.3' ? (FORWARDER_ERRORS[win32Status] ?? 'upstream-failed') : SUB_STATUS[code];
  if (!cause) return { cause: 'unknown', confidence: 'low', decisive: false, evidence, reason: 'no-signals' };
  return { cause, confidence: 'high', decisive: true, evidence };
}

/**
 * HTTP.sys's own error log (HTTPERR, `#Software: Microsoft HTTP API 2.0`, the `s-reason` field): every line is a
 * request the kernel driver in front of IIS answered or dropped itself, its reason named ("Troubleshoot HTTP.sys's
 * error logging", Microsoft): a full queue or the connection limit, an application pool that is offline or disabled.
 */
const HTTP_SYS_REASONS: Record<string, Cause> = {
  ConnLimit: 'load-shed',
  QueueFull: 'load-shed',
  AppOffline: 'app-start-failed',
  AppShutdown: 'app-start-failed',
  AppPoolTimer: 'app-start-failed',
  Disabled: 'no-live-upstream',
};

/** Who made a 5xx in HTTP.sys's error log: HTTP.sys itself, for the reason it names. */
export function httpSysSignal(status: number, reason: string): Signal | null {
  if (status < 500) return null;
  return { cause: HTTP_SYS_REASONS[reason] ?? 'proxy-config', confidence: 'high', decisive: true, evidence: { kind: 'iis-status', detail: `${status} s-reason=${reason}` } };
}

/**
 * A line met before any `#Fields:` directive (a pasted excerpt) is read by the order IIS always writes its fields in,
 * whichever the site selected: `date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port
 * cs-username c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) cs-host sc-status sc-substatus sc-win32-status
 * sc-bytes cs-bytes time-taken` (IIS Manager's "W3C Logging Fields" list). The request's fields are found by their
 * shape (a method, then a path); the statuses by the run of numbers that ends the line, read only where the run's
 * length names its fields: `sc-status time-taken` (2), the default `sc-status sc-substatus sc-win32-status
 * time-taken` (4), or with `sc-bytes cs-bytes` (6); one custom field after them (X-Forwarded-For: an address, a list
 * of them or `-`) is left unread.
 */
const TRAILING_FIELDS: Record<number, string[]> = {
  2: ['sc-status', 'time-taken'],
  4: ['sc-status', 'sc-substatus', 'sc-win32-status', 'time-taken'],
  6: ['sc-status', 'sc-substatus', 'sc-win32-status', 'sc-bytes', 'cs-bytes', 'time-taken'],
};
const METHOD = /^(?:GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|TRACE|CONNECT|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK|SEARCH|REPORT|RPC_IN_DATA|RPC_OUT_DATA|BITS_POST)$/;
const DIGITS = /^\d+$/;
const IP = String.raw`\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*`;
const IP_ADDRESS = new RegExp(`^(?:${IP})$`);
/** A custom field's value read as such: a forwarded-for address or list (IIS writes `, ` as `,+`), or `-` for none. */
const FORWARDED_VALUE = new RegExp(`^(?:-|(?:${IP})(?:,(?:\\+|%20)?(?:${IP}))*)$`);
const headerlessLayouts = new Map<string, W3cFields>();

/** The fields of a line read before any `#Fields:` directive, or null when its shape names none. */
function headerlessFieldsOf(values: readonly string[]): W3cFields | null {
  // date, time, up to three of s-sitename s-computername s-ip, then the method and its path.
  const method = values.findIndex((value, i) => i >= 2 && i <= 5 && METHOD.test(value));
  if (method < 0 || !/^[/*]/.test(values[method + 1] ?? '') || !DIGITS.test(values[method + 3] ?? '')) return null;
  // A custom field (IIS 8.5's "Add Field", most often X-Forwarded-For) is written after the standard ones.
  const last = values.at(-1) ?? '';
  const custom = DIGITS.test(last) ? 0 : FORWARDED_VALUE.test(last) ? 1 : -1;
  if (custom < 0) return null;
  let run = 0;
  while (run + custom < values.length && DIGITS.test(values[values.length - 1 - custom - run] as string)) run++;
  const trailing = TRAILING_FIELDS[run];
  const middle = values.length - custom - run - (method + 4);
  if (!trailing || middle < 0) return null;
  // After s-port: cs-username (when selected), then c-ip; the values after them are not read.
  const clientAt = [0, 1].find((i) => i < middle && IP_ADDRESS.test(values[method + 4 + i] as string)) ?? -1;
  const key = `${method} ${middle} ${run} ${clientAt} ${custom}`;
  let fields = headerlessLayouts.get(key);
  if (!fields) {
    const between = Array.from({ length: middle }, (_, i) => (i === clientAt ? 'c-ip' : i < clientAt ? 'cs-username' : `x-field-${i}`));
    const before = Array.from({ length: method - 2 }, (_, i) => `x-server-${i}`);
    const after = Array.from({ length: custom }, (_, i) => `x-custom-${i}`);
    fields = new W3cFields(['date', 'time', ...before, 'cs-method', 'cs-uri-stem', 'cs-uri-query', 's-port', ...between, ...trailing, ...after]);
    headerlessLayouts.set(key, fields);
  }
  return fields;
}

const STARTS_WITH_DATE = /^\d{4}-\d\d-\d\d /;

/**
 * An entry a paste broke over two lines (an issue's text wrapped at a user agent): the first part's values and the
 * rest's make up the fields, the break standing for a blank between two values or falling inside one.
 */
function joinedEntry(first: readonly string[], rest: readonly string[], count: number): string[] | null {
  if (first.length + rest.length === count) return [...first, ...rest];
  if (first.length + rest.length !== count + 1) return null;
  return [...first.slice(0, -1), `${first.at(-1) ?? ''}${rest[0] ?? ''}`, ...rest.slice(1)];
}

export class IisW3cParser extends BaseParser {
  readonly format = 'iis-w3c' as const;
  /** The last `#Fields:` directive; null before any. */
  private fields: W3cFields | null = null;
  /** The fields name `s-reason`: HTTP.sys's own error log (HTTPERR), known once per `#Fields:` directive. */
  private httpErr = false;
  /** The date of the last `#Date:` directive, for fields without `date`. */
  private directiveDate = '';
  /** The values of the line before, when it was an entry cut short (left unread unless this line completes it). */
  private cutShort: string[] | null = null;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const first = buf[start] as number;
    const cutShort = this.cutShort;
    this.cutShort = null;
    if (first === 0x23) return this.directive(buf.toString('utf8', start, end));
    // An entry starts with a value that is a number (its date, time or client address), quoted or not.
    if ((first < 0x30 || first > 0x39) && !(first === 0x22 && this.fields)) return KIND.none;
    const line = buf.toString('utf8', start, end);
    let values = w3cValues(line);
    const fields = this.fields ?? headerlessFieldsOf(values);
    if (this.fields && values.length < this.fields.names.length) {
      const joined = cutShort && !STARTS_WITH_DATE.test(line) ? joinedEntry(cutShort, values, this.fields.names.length) : null;
      if (!joined) {
        if (STARTS_WITH_DATE.test(line)) this.cutShort = values;
        return KIND.none;
      }
      values = joined;
    }
    if (!fields || values.length !== fields.names.length) return KIND.none;
    // The Advanced Logging module's `date-local` and `time-local` name no zone: read as UTC wall clock, as app logs are.
    const date = fields.value(values, 'date', 'date-local') || this.directiveDate;
    const request = w3cRequest(fields, values, date, fields.value(values, 'time', 'time-local'));
    if (!request) return KIND.none;
    // `TimeTakenMS` is the Advanced Logging module's name for time-taken (milliseconds too).
    const taken = fields.value(values, 'time-taken', 'timetakenms');
    return this.accessLine(
      {
        ...request,
        tzOffsetMin: 0,
        requestId: fields.value(values, 'cs(x-request-id)', 'x-request-id'),
        upstream: '',
        connection: '',
        requestTime: taken === '' ? Number.NaN : Number(taken) / 1000,
        signal: this.httpErr
          ? httpSysSignal(request.status, fields.value(values, 's-reason'))
          : iisSignal(request.status, fields.value(values, 'sc-substatus'), fields.value(values, 'sc-win32-status')),
        truncatedBy: null,
      },
      false,
    );
  }

  private directive(line: string): LineKind {
    const directive = w3cDirective(line);
    if (!directive) return KIND.none;
    if (directive.name === 'Fields') {
      const fields = W3cFields.parse(directive.value);
      // CloudFront's fields (x-edge-…) are cloudfront.ts's to read.
      this.fields = fields.names.some((name) => name.startsWith('x-edge-')) ? null : fields;
      this.httpErr = this.fields !== null && fields.names.includes('s-reason');
      if (!this.fields) return KIND.none;
    } else if (directive.name === 'Date') {
      this.directiveDate = directive.value.slice(0, 10);
    }
    return KIND.other;
  }
}
