/**
 * lighttpd 1.4's error log (`server.errorlog`): `2023-01-18 18:35:26: (gw_backend.c.939) message`, the time in the
 * server's wall clock, then the source file and line in parentheses. Its FastCGI, SCGI and proxy backends
 * (gw_backend.c, mod_proxy.c) say when a backend failed: lighttpd then answers 503 itself while no backend is usable
 * ("all handlers for … are down"), 504 for a backend's timeout, 502 for other failures (error-status.ts). The lines
 * name no client and no request, so events link to access entries by time.
 */
import { causeOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { localTime } from './log-time.ts';
import type { Cause } from '../types.ts';

/** Under syslog, lighttpd writes no time of its own (the wrapper's is taken): the line starts at the source file. */
const LINE = /^(?:(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d): )?\(([\w-]+\.c)\.\d+\) (.*)$/;
/** lighttpd's own words for a backend's failure, most specific first. */
const BACKEND_FAILURES: Array<[RegExp, Cause]> = [
  // Every backend of the extension is disabled: lighttpd answers 503 without trying one.
  [/\ball handlers for .* are down\b/, 'no-live-upstream'],
  [/\b(?:read|write|connect)[- ]timeout\b|\btimeout\b.*\bbackend\b|\bbackend\b.*\btimeout\b/i, 'timeout'],
];
/** `establishing connection failed: socket: unix:/tmp/php.socket-0: Connection refused`: the error's text last. */
const CONNECT_FAILED = /\b(?:establishing connection failed|connect (?:failed|delayed))\b/;
/** The backend's address in lighttpd's words (`socket: unix:/path`, `tcp:127.0.0.1:9000`). */
const BACKEND = /\b(unix:\S+?|tcp:\S+?)(?::? |$)/;
/** What lighttpd says of a backend that is back, or of one it disables for a while: no request failed on that line. */
const NOTE = /\bgw-server re-enabled\b|\bbackend error; we'll disable\b|\bbackend is overloaded; we'll disable\b/;

export class LighttpdErrorParser extends BaseParser {
  readonly format = 'lighttpd-error' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    // A line starts with its date (`2023-01-18 18:35:26: (`) or, under syslog, with the source file's `(`.
    if (buf[start] !== 0x28 && (buf[start + 4] !== 0x2d || buf[start + 19] !== 0x3a)) return KIND.none;
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const message = m[8] as string;
    if (NOTE.test(message)) return KIND.other;
    // A failed connect names its error last (`…: Connection refused`); any other (a missing socket, a timeout) is a
    // backend lighttpd could not use, which it answers with 503.
    const cause = CONNECT_FAILED.test(message) ? (causeOfMessage(message) ?? 'connect-failed') : (BACKEND_FAILURES.find(([pattern]) => pattern.test(message))?.[1] ?? causeOfMessage(message));
    if (!cause) return KIND.other;
    const time = m[1] === undefined ? { ms: Number.NaN, local: true } : localTime(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), 0);
    const upstream = BACKEND.exec(message)?.[1] ?? '';
    this.errorEvent = { time, cause, phase: 'header', message: `(${m[7]}) ${message}`, client: '', request: '', connection: '', upstream, appMessage: '' };
    return KIND.proxyError;
  }
}
