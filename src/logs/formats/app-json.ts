/**
 * Application logs as JSON lines: pino, bunyan, winston, Python JSON logging, structlog, or any JSON with
 * the field names given in `AppFieldOptions`. Field names are found per line from the lists below.
 */
import { appRequestRecord } from './app-request-line.ts';
import { emptyStack, stackOf, StackGroup } from './app-stack.ts';
import { firstNumber, firstString, getPath, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { anyTime } from './log-time.ts';
import { inZone, type TimeZone } from './time-zone.ts';

/** Field paths (dots for nesting) that override auto-detection. */
export interface AppFieldOptions {
  requestId?: string;
  message?: string;
}

const ID_FIELDS = [
  'request_id',
  'requestId',
  'requestID',
  'x_request_id',
  'x-request-id',
  'correlation_id',
  'correlationId',
  'req.headers.x-request-id',
  'req.id',
  'reqId',
  'req_id',
  'rid',
  'request.id',
  'http.request_id',
  'trace_id',
  'traceId',
];
const MESSAGE_FIELDS = ['err.message', 'error.message', 'exception.message', 'msg', 'message', 'event', 'error'];
const LEVEL_FIELDS = ['level', 'levelname', 'severity', 'log.level', 'lvl', 'loglevel'];
const TIME_FIELDS = ['time', 'timestamp', 'ts', '@timestamp', 'asctime', 'datetime', 'date'];
// express-winston nests its request and response under meta (meta.req.method, meta.res.statusCode).
// Last, the fields of an object logged as winston's message (`logger.info({ method, url, status })`).
const STATUS_FIELDS = ['res.statusCode', 'meta.res.statusCode', 'statusCode', 'status_code', 'status', 'res.status', 'http.status_code', 'response.status', 'http.response.status_code', 'response_status', 'message.status', 'message.statusCode'];
const METHOD_FIELDS = ['req.method', 'meta.req.method', 'method', 'request.method', 'http.method', 'http.request.method', 'message.method'];
const PATH_FIELDS = ['req.url', 'meta.req.originalUrl', 'meta.req.url', 'url', 'path', 'request.path', 'request.url', 'request_uri', 'http.target', 'http.url', 'url.path', 'uri', 'message.url', 'message.path'];
const STACK_FIELDS = ['err.stack', 'error.stack', 'stack', 'exc_info', 'exception', 'stack_trace', 'error.stack_trace', 'exception.stacktrace'];
const ERROR_LEVELS = new Set(['error', 'err', 'fatal', 'critical', 'crit', 'alert', 'emerg', 'emergency', 'panic', 'severe']);

function isErrorLevel(obj: JsonObject): boolean {
  for (const path of LEVEL_FIELDS) {
    const level = getPath(obj, path);
    if (typeof level === 'number') return level >= 50;
    if (typeof level === 'string') return ERROR_LEVELS.has(level.toLowerCase());
  }
  return false;
}

/** The message, with the last line of a Python `exc_info` traceback when there is one. */
function messageOf(obj: JsonObject, field: string | undefined): string {
  const message = firstString(obj, field ? [field] : MESSAGE_FIELDS);
  const exc = firstString(obj, ['exc_info', 'exception', 'stack_trace']);
  const last = exc.trimEnd().split('\n').at(-1)?.trim() ?? '';
  return last !== '' && !message.includes(last) ? `${message} (${last})` : message;
}

/** Requests whose opening record waits for its closing one, at most. */
const MAX_OPENED = 4096;

export class AppJsonParser extends BaseParser {
  readonly format = 'app-json' as const;
  private readonly fields: AppFieldOptions;
  private readonly group = new StackGroup();
  private readonly zone: TimeZone | undefined;
  private readonly requests: boolean;
  /**
   * Requests logged in two records (Fastify's and pino-http's defaults: "incoming request" with `req`, then "request
   * completed" with `res.statusCode` and the same `reqId`): the method and path of the first, by request id, until the
   * second comes. Bounded: the oldest are dropped first.
   */
  private readonly opened = new Map<string, { method: string; path: string }>();

  /**
   * `zone` (`--tz`) places times logged without a zone; without it they are matched on the proxy's wall clock.
   * With `requests`, a record with a method, a path and a status (pino-http, Echo…) is read as an access line.
   */
  constructor(fields: AppFieldOptions = {}, zone?: TimeZone, requests = false) {
    super();
    this.fields = fields;
    this.zone = zone;
    this.requests = requests;
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    // A stack trace printed as plain lines after the JSON line (stderr of the same process, console.error).
    if (this.group.continues(line)) return KIND.continuation;
    const obj = parseJsonObject(line);
    if (!obj) {
      if (line.trim() !== '') this.group.close();
      return KIND.none;
    }
    const status = firstNumber(obj, STATUS_FIELDS);
    const time = TIME_FIELDS.map((f) => getPath(obj, f)).find((v) => v !== undefined);
    const stackText = firstString(obj, STACK_FIELDS);
    const requestId = firstString(obj, this.fields.requestId ? [this.fields.requestId] : ID_FIELDS);
    const code = status >= 100 && status <= 999 ? status : 0;
    const { method, path } = this.requestOf(obj, requestId, code);
    if (this.requests && method !== '' && path !== '' && code !== 0) {
      this.group.start(line, null);
      return this.accessLine(appRequestRecord({ method, path, status: code, client: '', detail: `${method} ${path} ${code}` }, inZone(anyTime(time), this.zone), requestId), false);
    }
    this.appEvent = {
      time: inZone(anyTime(time), this.zone),
      requestId,
      method,
      path,
      status: code,
      isError: isErrorLevel(obj) || status >= 500,
      message: messageOf(obj, this.fields.message),
      stack: stackText === '' ? emptyStack() : stackOf(stackText),
    };
    this.group.start(line, this.appEvent);
    return KIND.app;
  }

  /** The record's method and path, or those its request id's opening record logged when it has a status and none. */
  private requestOf(obj: JsonObject, requestId: string, code: number): { method: string; path: string } {
    const method = firstString(obj, METHOD_FIELDS);
    const path = firstString(obj, PATH_FIELDS);
    if (!this.requests || requestId === '') return { method, path };
    if (method !== '' && path !== '' && code === 0) {
      if (this.opened.size >= MAX_OPENED) this.opened.delete(this.opened.keys().next().value as string);
      this.opened.set(requestId, { method, path });
      return { method, path };
    }
    // A record with all three closes the request too: Fastify logs an error's record with `req`, `res` and `err`,
    // then its "request completed" for the same id, one request.
    if (method !== '' && path !== '') {
      this.opened.delete(requestId);
      return { method, path };
    }
    const opened = method === '' && path === '' && code !== 0 ? this.opened.get(requestId) : undefined;
    if (!opened) return { method, path };
    this.opened.delete(requestId);
    return opened;
  }
}
