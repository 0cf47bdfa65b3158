/**
 * nginx error log (fingerprints.md §1b):
 * `YYYY/MM/DD HH:MM:SS [level] PID#TID: *CONN message[, client: ip][, server: name][, request: "…"][, upstream: "…"][, host: "…"]`.
 * The time is the server's wall clock with no zone (a line pasted without it has none). Lines about request failures become events; start-up
 * notices and the like are recognised and counted as parsed.
 */
import { causeOfMessage, phaseOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { SLASHED_TIME, slashedTime } from './log-time.ts';

/** nginx's levels; a line pasted without its date (people cut it as noise) still starts with one and `PID#TID:`. */
const LINE = new RegExp(String.raw`^(?:(${SLASHED_TIME}) )?\[(debug|info|notice|warn|error|crit|alert|emerg)\] \d+#\d+: (?:\*(\d+) )?(.*)$`);
/**
 * A line pasted from its message on (date, level and `PID#TID:` cut): nginx's words start it (`connect() failed`,
 * `upstream timed out`, OpenSSL's `SSL_do_handshake() failed`), taken only with the context nginx itself appends to a
 * request's error (`, client: <address>, server: <name>`) and only for a message of a known failure. A line that still
 * has a level in brackets is another shape (a wrapper's or a redaction's start), read as such or not at all.
 */
const MESSAGE_ONLY = /^(?:\*(\d+) )?([A-Za-z][^,[]*?, client: [^\s,]+, server: .*)$/;

/** `GET /x HTTP/1.1` → `GET /x`, the key error events and access entries share. */
/** A request target in absolute form (`http://host:80/x`, a proxy request or a scanner's), as its path. */
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

export function requestKey(method: string, path: string): string {
  if (method === '' && path === '') return '';
  // The access line's path and the error line's request may name the same target in two forms.
  const target = ABSOLUTE_FORM.test(path) ? path.replace(ABSOLUTE_FORM, '') || '/' : path;
  return `${method} ${target}`;
}

function requestLineKey(line: string): string {
  const sp1 = line.indexOf(' ');
  const sp2 = line.lastIndexOf(' ');
  if (sp1 < 0) return '';
  return requestKey(line.slice(0, sp1), sp2 > sp1 ? line.slice(sp1 + 1, sp2) : line.slice(sp1 + 1));
}

function contextValue(tail: string, name: string): string {
  const at = tail.indexOf(`, ${name}: `);
  if (at < 0) return '';
  const from = at + name.length + 4;
  const quoted = tail[from] === '"';
  const stop = quoted ? tail.indexOf('"', from + 1) : tail.indexOf(',', from);
  return tail.slice(quoted ? from + 1 : from, stop < 0 ? undefined : stop);
}

export class NginxErrorParser extends BaseParser {
  readonly format = 'nginx-error' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const text = buf.toString('utf8', start, end);
    const m = LINE.exec(text);
    const bare = m ? null : MESSAGE_ONLY.exec(text);
    if (!m && !bare) return KIND.none;
    // A debug line traces what nginx does ("recv: -2, eof=0"), reports no failure; nginx reports a client closing or
    // timing out at info, which explains its 499s.
    if (m?.[2] === 'debug') return KIND.other;
    const rest = (m ? m[4] : bare?.[2]) as string;
    const contextAt = rest.search(/, (?:client|server|request|upstream|host): /);
    const message = contextAt < 0 ? rest : rest.slice(0, contextAt);
    const cause = causeOfMessage(message);
    if (!cause) return m ? KIND.other : KIND.none;
    const tail = contextAt < 0 ? '' : rest.slice(contextAt);
    const fastcgi = /FastCGI sent in stderr: "(.*?)"(?: while|$)/.exec(message);
    this.errorEvent = {
      time: slashedTime(m?.[1]),
      cause,
      phase: phaseOfMessage(message),
      message,
      client: contextValue(tail, 'client'),
      request: requestLineKey(contextValue(tail, 'request')),
      connection: (m ? m[3] : bare?.[1]) ?? '',
      upstream: contextValue(tail, 'upstream'),
      appMessage: cause === 'app-error' && fastcgi ? (fastcgi[1] as string) : '',
    };
    return KIND.proxyError;
  }
}
