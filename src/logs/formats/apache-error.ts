/**
 * Apache httpd error log, 2.4 (`[Wed Oct 11 14:32:52.123456 2000] [proxy:error] [pid 1:tid 2] (111)Connection
 * refused: [client 10.0.0.1:5000] AH00957: …`) and 2.2 (`[Wed Oct 11 14:32:52 2000] [error] [client 10.0.0.1] …`).
 * mod_proxy's AH codes say what failed (apache-proxy-codes.ts); one failed request is one event, however many
 * lines it wrote. Lines without a code are read by their text (error-causes.ts). The time is the server's wall
 * clock; there is no request line, so events link to access entries by client and time.
 */
import { APACHE_PROXY_CODES, causeOfProxyError } from './apache-proxy-codes.ts';
import { causeOfErrno, causeOfMessage, phaseOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime, localTime, monthIndex } from './log-time.ts';
import type { Cause, ErrorPhase, LoggedTime } from '../types.ts';

const LINE = /^\[\w{3} (\w{3}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? (\d{4})\] \[[\w:]+\] (?:\[pid (\d+(?::tid \d+)?)\] )?(.*)$/;
/**
 * A custom ErrorLogFormat's line: the time as `%{cu}t` (`[2015-05-26 07:29:31.929471]`) or with strftime in the access
 * log's form (`[01/Mar/2021:12:00:19 +0000]`), then (CUSTOM_REST) `[%-m:%l]` (the module `-` when a core message has
 * none), then `%-a %-L` (the client and the log id, `-` when absent) as some formats put them.
 */
const CUSTOM_TIME = /^\[(?:(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?|(\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}))\] /;
const CUSTOM_REST = /^\[[\w-]*:\w+\] (?:\[pid (\d+(?::tid \d+)?)\] |(?:-|[\d.:a-f]+) (?:-|[\w@+/=-]{10,}) )?(.*)$/;
/** A line pasted without its time (people cut it as noise): `[module:level] [pid N]` still says it is Apache's. */
const UNTIMED = /^\[[\w-]*:\w+\] \[pid (\d+(?::tid \d+)?)\] (.*)$/;
/** Reads the access log's form of the time; one for the module, as its minute cache is only a speed-up. */
const CLF = new ClfTime();
const CLIENT = /\[client (\S+?)(?::\d+)?\] ?/;
/** `(111)Connection refused: ` before the message: the errno of the failed call. */
const ERRNO = /^\((-?\d+)\)/;
const CODE = /\b(AH\d{5}):/;
/** The backend: `%pI` (an address) after "failed to", a host or host:port after the other phrases. */
const UPSTREAM = /(?:connect to|remote server|backend:|failed to(?= [\d[])|connection for) \(?([^\s()]+?)\)?(?: |$)/;
/** Lines of one request come within this of each other. */
const SAME_REQUEST_MS = 1000;
/** Threads remembered; a long log names many, and only the last moment of each matters. */
const MAX_THREADS = 10_000;

function remember(map: Map<string, Recent>, thread: string, recent: Recent): void {
  if (thread === '') return;
  if (map.size >= MAX_THREADS) map.clear();
  map.set(thread, recent);
}

/** The last failure a process/thread logged: a connect attempt's cause for the line to follow, or the event it was. */
interface Recent {
  time: LoggedTime;
  cause: Cause;
  message: string;
  upstream: string;
}

/** The time, the process/thread and the rest of a line in the default format or a custom one; null for other lines. */
function readLine(line: string): { time: LoggedTime; thread: string; rest: string } | null {
  const m = LINE.exec(line);
  if (m) {
    const month = monthIndex(m[1] as string);
    if (month < 0) return null;
    const ms = m[6] ? Math.floor(Number(`0.${m[6]}`) * 1000) : 0;
    return { time: localTime(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), ms), thread: m[8] ?? '', rest: m[9] as string };
  }
  const t = line.charCodeAt(0) === 91 ? CUSTOM_TIME.exec(line) : null;
  const c = t ? CUSTOM_REST.exec(line.slice(t[0].length)) : null;
  if (!t || !c) {
    const untimed = line.charCodeAt(0) === 91 ? UNTIMED.exec(line) : null;
    return untimed ? { time: { ms: Number.NaN, local: true }, thread: untimed[1] as string, rest: untimed[2] as string } : null;
  }
  let time: LoggedTime;
  if (t[8] === undefined) {
    const ms = t[7] ? Math.floor(Number(`0.${t[7]}`) * 1000) : 0;
    time = localTime(Number(t[1]), Number(t[2]) - 1, Number(t[3]), Number(t[4]), Number(t[5]), Number(t[6]), ms);
  } else {
    if (!CLF.parseText(t[8])) return null;
    time = { ms: CLF.ms, local: false };
  }
  return { time, thread: c[1] ?? '', rest: c[2] as string };
}

export class ApacheErrorParser extends BaseParser {
  readonly format = 'apache-error' as const;
  /** By `pid[:tid]`: a connect attempt not yet claimed by its request's line. */
  private readonly attempts = new Map<string, Recent>();
  /** By `pid[:tid]`: the last event, so the summary lines of the same request are not counted again. */
  private readonly events = new Map<string, Recent>();

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const read = readLine(line);
    if (!read) return KIND.none;
    const { time, thread, rest } = read;
    const client = CLIENT.exec(rest);
    const message = client ? rest.replace(client[0], '') : rest;
    const code = CODE.exec(rest)?.[1];
    const known = code === undefined ? undefined : APACHE_PROXY_CODES[code];
    const errno = causeOfErrno(Number(ERRNO.exec(rest)?.[1]));
    const upstream = UPSTREAM.exec(rest)?.[1] ?? '';
    if (!known) {
      const cause = causeOfMessage(rest);
      return cause ? this.event(time, thread, cause, phaseOfMessage(rest) === 'body' ? 'body' : 'header', message, client?.[1] ?? '', upstream) : KIND.other;
    }
    const recent = (map: Map<string, Recent>): Recent | null => {
      const r = thread === '' ? undefined : map.get(thread);
      return r && time.ms - r.time.ms <= SAME_REQUEST_MS ? r : null;
    };
    switch (known.role) {
      case 'note':
        return KIND.other;
      case 'detail':
        remember(this.attempts, thread, { time, cause: errno ?? (known.cause as Cause), message, upstream });
        return KIND.other;
      case 'connect': {
        const attempt = recent(this.attempts);
        this.attempts.delete(thread);
        const why = attempt ? `${attempt.message}; ${message}` : message;
        return this.event(time, thread, attempt?.cause ?? (known.cause as Cause), known.phase, why, client?.[1] ?? '', attempt?.upstream || upstream);
      }
      case 'summary': {
        const cause = recent(this.events) ? null : causeOfProxyError(rest);
        return cause ? this.event(time, thread, cause, known.phase, message, client?.[1] ?? '', upstream) : KIND.other;
      }
      case 'event': {
        const cause = (known.byErrno ? errno : null) ?? (known.cause as Cause);
        return this.event(time, thread, cause, known.phase, message, client?.[1] ?? '', upstream);
      }
    }
  }

  private event(time: LoggedTime, thread: string, cause: Cause, phase: ErrorPhase, message: string, client: string, upstream: string): LineKind {
    remember(this.events, thread, { time, cause, message, upstream });
    this.errorEvent = { time, cause, phase: phase === 'body' ? 'body' : 'header', message, client, request: '', connection: '', upstream, appMessage: '', duringRequest: true };
    return KIND.proxyError;
  }
}
