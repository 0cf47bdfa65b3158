/**
 * HAProxy's own messages, which it writes to stderr (`[WARNING]  (301) : …`, before 2.3 with the day of the year and
 * the time: `[ALERT] 035/080447 (1) : …`) and to its log (under syslog, `haproxy[59014]: …` then the message alone):
 * a server its health checks took out (`Server be/srv is DOWN, reason: Layer4 connection problem, info: "Connection
 * refused", …`), a failed check (`Health check for server be/srv failed, reason: Layer4 timeout, …`), and a backend
 * left with no server (`backend 'be' has no server available!`), for which HAProxy answers 503 itself (src/check.c,
 * src/server.c, src/backend.c). They name no request: each is an event of the path, linked to access entries by
 * time, and a file of them alone reads as upstream failures with no access entry.
 */
import { causeOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import type { Cause } from '../types.ts';

/** The level and, before 2.3, the day of the year and time, then the process id (`[WARNING] 124/210930 (59014) : `). */
const LEVEL_PREFIX = /^\[(?:ALERT|WARNING|NOTICE|EMERG)\] +(?:\d{3}\/\d{6} +)?\(\d+\) : /;
const SERVER_DOWN = /^(?:Backup )?Server (\S+?)\/(\S+) is DOWN(?:, reason: ([^,]+)(?:, info: "([^"]*)")?)?/;
const CHECK_FAILED = /^Health check for (?:backup )?server (\S+?)\/(\S+) failed, reason: ([^,]+)(?:, info: "([^"]*)")?/;
const NO_SERVER = /^(?:backend|proxy) '?([^'\s]+)'? has no server available!/;
/** Other messages of the same writer: a server back up or put in maintenance, a worker forked, a proxy started. */
const OWN_NOTE = /^(?:(?:Backup )?Server \S+ is (?:UP|going DOWN for maintenance|DOWN for maintenance)|Health check for |Proxy \S+ (?:started|stopped)|New worker|Loading success|Connect from )/;

/** The check's reason (src/check.c's descriptions) and its info, as a cause. */
function causeOfCheck(reason: string, info: string): Cause {
  if (/timeout/i.test(reason) || /timeout/i.test(info)) return 'timeout';
  if (reason.startsWith('Layer4 connection problem')) return causeOfMessage(info) ?? 'connect-failed';
  // "Health analyze": errors HAProxy saw on live traffic (`observe layer4|layer7`), the last one named in the info.
  if (/L4 unsuccessful connection/.test(info)) return 'connect-failed';
  if (/^Layer[67] invalid response|^Socket error/.test(reason)) return causeOfMessage(info) ?? 'invalid-response';
  return causeOfMessage(info) ?? 'upstream-failed';
}

export class HaproxyAlertParser extends BaseParser {
  readonly format = 'haproxy-alert' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const prefixed = LEVEL_PREFIX.exec(line);
    const message = prefixed ? line.slice(prefixed[0].length) : line;
    const failed = SERVER_DOWN.exec(message) ?? CHECK_FAILED.exec(message);
    const none = failed ? null : NO_SERVER.exec(message);
    if (!failed && !none) return prefixed !== null || OWN_NOTE.test(message) ? KIND.other : KIND.none;
    const cause: Cause = failed ? causeOfCheck(failed[3] ?? '', failed[4] ?? '') : 'no-live-upstream';
    const upstream = failed ? `${failed[1]}/${failed[2]}` : (none?.[1] as string);
    this.errorEvent = { time: { ms: Number.NaN, local: true }, cause, phase: 'header', message, client: '', request: '', connection: '', upstream, appMessage: '' };
    return KIND.proxyError;
  }
}
