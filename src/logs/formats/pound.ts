/**
 * Pound's log (graygnuorg/pound, 4.x), mostly read from syslog. When Pound answers an error itself it logs it as
 * `(<thread>) e<status>: <client> "<request>": <message>` (`e503: 34.202.88.37 "GET /robots.txt HTTP/1.1": no
 * backend found (0.001 sec)`; the request is left out when Pound could not read it: `e500: 84.214.145.66: error
 * reading request: Operation timed out`); its request log's `regular` format is `<client> <request> - <response
 * status line>` (`84.214.145.66  - HTTP/1.0 500 Internal Server Error`), and its other messages start with the
 * thread id. An error line is read as the request Pound answered; the request log's line for the same client and
 * status after it is the same request, not another. A 5xx request line with no error line before it is left
 * undecided (the backend's, unless the error lines were logged elsewhere).
 */
import type { Cause, Signal } from '../types.ts';
import { causeOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';

const OWN_ERROR = /^\([0-9a-fx]+\) e(\d{3}): (\S+?)(?: "([^"]*)")?: (.+)$/;
/**
 * Pound 2.x's wording of the same (http.c): `e500 for <client> error copy client cont to <backend>/<request>: <error>
 * (<seconds> sec)`, `e503 no back-end "<request>" from <client>`, after the thread id (which a paste may leave out).
 */
const OLD_ERROR = /^(?:\([0-9a-fx]+\) )?e(\d{3}) (?=.*\b(?:for|from) )(.+)$/;
const OLD_CLIENT = /\b(?:for|from) (\S+)/;
const OLD_REQUEST = /\b([A-Z]+) (\S+) HTTP\/\d(?:\.\d)?\b/;
const REQUEST_LINE = /^(\S+) (?:(\S+) (\S+) HTTP\/\d(?:\.\d)?)? ?- HTTP\/\d(?:\.\d)? (\d{3})\b/;
const THREAD_LINE = /^\([0-9a-fx]+\) /;
/** Error lines whose request line has not been seen yet; Pound's threads interleave only a few. */
const MAX_PENDING = 64;

function causeOf(status: number, message: string): Cause {
  if (/no backend found|no back-end/.test(message)) return 'no-live-upstream';
  // 2.x: Pound could not pass the client's request body on (the client stopped sending it).
  if (/error copy client cont/.test(message)) return 'client-closed';
  // Pound could not read the client's request (it timed out sending it, or went away): Pound's own answer.
  if (/error reading request/.test(message)) return 'client-closed';
  return causeOfMessage(message) ?? (status === 504 ? 'timeout' : 'upstream-failed');
}

/** Pound's own answer for a 5xx its error line names; null below 500. */
function ownErrorSignal(status: number, message: string, detail: string): Signal | null {
  return status >= 500 ? { cause: causeOf(status, message), confidence: 'high', decisive: true, evidence: { kind: 'error-log', detail } } : null;
}

export class PoundParser extends BaseParser {
  readonly format = 'pound' as const;
  /** `client status` of the error lines read as requests, until the request log's line for each. */
  private readonly pending: string[] = [];

  /** A request Pound logged: it writes no time of its own (syslog's, when there is one, is the wrapper's). */
  private request(status: number, client: string, method: string, path: string, signal: Signal | null): LineKind {
    return this.accessLine({ status, timeMs: Number.NaN, tzOffsetMin: 0, client, method, path, requestId: '', upstream: '', connection: '', requestTime: Number.NaN, signal, truncatedBy: null }, false);
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const own = OWN_ERROR.exec(line);
    if (own) {
      const [, statusText = '', client = '', request = '', message = ''] = own;
      const status = Number(statusText);
      this.pending.push(`${client} ${status}`);
      if (this.pending.length > MAX_PENDING) this.pending.shift();
      const [method = '', path = ''] = request.split(' ');
      return this.request(status, client, method, path, ownErrorSignal(status, message, line.slice(line.indexOf(' ') + 1)));
    }
    const old = OLD_ERROR.exec(line);
    if (old) {
      const [, statusText = '', message = ''] = old;
      const status = Number(statusText);
      const client = OLD_CLIENT.exec(message)?.[1] ?? '';
      const request = OLD_REQUEST.exec(message);
      return this.request(status, client, request?.[1] ?? '', request?.[2] ?? '', ownErrorSignal(status, message, line));
    }
    const logged = REQUEST_LINE.exec(line);
    if (!logged) return THREAD_LINE.test(line) ? KIND.other : KIND.none;
    const [, client = '', method = '', path = '', statusText = ''] = logged;
    const status = Number(statusText);
    const answered = this.pending.indexOf(`${client} ${status}`);
    if (answered >= 0) {
      this.pending.splice(answered, 1);
      return KIND.other;
    }
    return this.request(status, client, method, path, null);
  }
}
