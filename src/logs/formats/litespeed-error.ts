/**
 * LiteSpeed Web Server's and OpenLiteSpeed's error log: `2020-04-27 19:56:12.075803 [NOTICE] [1.2.3.4:55550#vhost]
 * message`, with the process id in brackets before the session in some releases (`[INFO] [2455] [:4773:HTTP2-1]`).
 * When LiteSpeed answers 503 itself it logs "oops! 503 Service Unavailable" for the session (HttpSession::sendHttpError):
 * that line stands for the response. Its external-app connections (LSAPI, FastCGI, proxy) log their failures:
 * "ExtConn timed out while connecting/processing", refusals and resets, which say why.
 */
import { causeOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { localTime } from './log-time.ts';
import type { Cause } from '../types.ts';

const LINE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) \[([A-Z]+)\] (?:\[\d+\] )?\[([^\]]*)\] (.*)$/;
/** The status LiteSpeed sent itself (only 503 is logged so). */
const OOPS = /^oops!\s+(\d{3})\b/;
const EXTCONN_TIMEOUT = /^ExtConn timed out while (?:connecting|processing)/;
/** The session's client address: `1.2.3.4:55550#vhost`, `[::1]:443-2#vhost`; empty before the port (`:4773:HTTP2-1`). */
const CLIENT = /^(\[[^\]]*\]|[^:#\s]*):\d+/;
/** Sessions remembered for their last failure; a long log names many, and only the last moment of each matters. */
const MAX_SESSIONS = 10_000;

export class LitespeedErrorParser extends BaseParser {
  readonly format = 'litespeed-error' as const;
  /** By session: the cause of its last external-app failure, for the "oops! 503" that follows it. */
  private readonly failures = new Map<string, Cause>();

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    // A line starts with its date and microseconds: `2020-04-27 19:56:12.075803 [`.
    if (buf[start + 4] !== 0x2d || buf[start + 19] !== 0x2e || buf[start + 27] !== 0x5b) return KIND.none;
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const session = m[9] as string;
    const message = m[10] as string;
    const time = localTime(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Math.floor(Number(m[7]) / 1000));
    const client = (CLIENT.exec(session)?.[1] ?? '').replace(/^\[(.*)\]$/, '$1');
    const oops = OOPS.exec(message);
    if (oops) {
      const cause = this.failures.get(session) ?? 'upstream-failed';
      this.failures.delete(session);
      this.errorEvent = { time, cause, phase: 'header', message, client, request: '', connection: session, upstream: '', appMessage: '', status: Number(oops[1]) };
      return KIND.proxyError;
    }
    const cause = EXTCONN_TIMEOUT.test(message) ? 'timeout' : causeOfMessage(message);
    if (!cause) return KIND.other;
    if (this.failures.size >= MAX_SESSIONS) this.failures.clear();
    this.failures.set(session, cause);
    this.errorEvent = { time, cause, phase: 'header', message, client, request: '', connection: session, upstream: '', appMessage: '' };
    return KIND.proxyError;
  }
}
