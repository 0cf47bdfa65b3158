/**
 * Syslog as files and the journal show it. RFC 3164 (BSD syslog, §4.1, example in §5.4:
 * `<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8`), which syslog daemons write to
 * files without the `<PRI>` and `journalctl` prints as its default `short` output (`Apr 03 23:40:56 terve
 * sh[22948]: …`); the host may be missing (HAProxy sends none unless `log-send-hostname`). `journalctl -o
 * short-iso` and rsyslog's RFC 3339 file format put an ISO 8601 time with a zone first, then the same
 * `host tag[pid]: ` (a tag without its pid only behind a host name with a dot). RFC 5424 (§6, examples in
 * §6.5): `<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.`,
 * structured data `[id k="v"]…` or `-` before the message, which
 * may start with a BOM. Only times with a date and a zone are kept; RFC 3164's has no year.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

/** `<PRI>` at `at`: the position after it, else `at`. */
function skipPri(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== 60) return at;
  let pos = at + 1;
  while (pos < end && pos < at + 5 && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
  return pos > at + 1 && text.charCodeAt(pos) === 62 ? pos + 1 : at;
}

/** RFC 3164's `Mmm dd hh:mm:ss` (day space- or zero-padded, journalctl's `short-precise` adds a fraction): its end, else -1. */
const BSD_TIME = /^[A-Z][a-z]{2} [ 0-3]\d \d\d:\d\d:\d\d(?:\.\d{1,6})?(?= )/;

/** `[host ]tag[pid]: ` at `at`, the host optional: the positions of host and message, else null. `pid` demands the `[pid]`. */
function hostAndTag(text: string, at: number, end: number, pid: boolean): { host: [number, number] | null; message: number } | null {
  const first = text.indexOf(' ', at);
  const firstEnd = first < 0 || first > end ? end : first;
  if (isTag(text, at, firstEnd, pid)) return { host: null, message: Math.min(firstEnd + 1, end) };
  if (first < 0 || first >= end) return null;
  const second = text.indexOf(' ', first + 1);
  const secondEnd = second < 0 || second > end ? end : second;
  return isTag(text, first + 1, secondEnd, pid) ? { host: [at, first], message: Math.min(secondEnd + 1, end) } : null;
}

/**
 * After an ISO time, a tag without `[pid]` (rsyslog's RFC 3339 file format; Squid logs as `(squid-1):`) only behind a
 * host name with a dot: an app's own `2024-05-14T10:00:00Z ERROR api: …` has a level there.
 */
function qualifiedHostTag(text: string, at: number, end: number): ReturnType<typeof hostAndTag> {
  const found = hostAndTag(text, at, end, false);
  return found?.host && text.slice(found.host[0], found.host[1]).includes('.') ? found : null;
}

/**
 * After an ISO time, a host and an empty tag: rsyslog's RFC 3339 file format for a message that came with no tag (a
 * CDN's syslog endpoint sending the log line alone, as Fastly's "blank" line format does) leaves two blanks there.
 */
function untaggedHost(text: string, at: number, end: number): ReturnType<typeof hostAndTag> {
  const space = text.indexOf(' ', at);
  return space > at && space + 2 < end && text.charCodeAt(space + 1) === 32 && text.charCodeAt(space + 2) !== 32 ? { host: [at, space], message: space + 2 } : null;
}

/** `tag:` or `tag[pid]:`, the tag without spaces, brackets or colons. */
function isTag(text: string, from: number, to: number, pid: boolean): boolean {
  if (to - from < 2 || text.charCodeAt(to - 1) !== 58) return false;
  let nameEnd = to - 1;
  if (text.charCodeAt(nameEnd - 1) === 93) {
    const open = text.lastIndexOf('[', nameEnd);
    if (open <= from || open < nameEnd - 12) return false;
    for (let i = open + 1; i < nameEnd - 1; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
    nameEnd = open;
  } else if (pid) {
    return false;
  }
  for (let i = from; i < nameEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 93 || c === 58) return false;
  }
  return nameEnd > from;
}

export const syslog: Wrapper = {
  id: 'syslog',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, end } = line;
    const at = skipPri(text, line.start, end);
    let timeEnd = rfc3339End(line.buf, at, end);
    const iso = timeEnd >= 0;
    if (!iso) {
      const bsd = BSD_TIME.exec(text.slice(at, at + 32));
      if (!bsd) return false;
      timeEnd = at + bsd[0].length;
    }
    if (text.charCodeAt(timeEnd) !== 32) return false;
    const found = hostAndTag(text, timeEnd + 1, end, iso) ?? (iso ? (qualifiedHostTag(text, timeEnd + 1, end) ?? untaggedHost(text, timeEnd + 1, end)) : null);
    if (!found) return false;
    if (iso) line.setTime(text, at, timeEnd);
    if (found.host) line.setHost(text, found.host[0], found.host[1]);
    line.start = found.message;
    return true;
  },
};

/**
 * The end of RFC 5424 structured data (`-` or `[id param="value"]…`, `\"` `\\` `\]` escaped in values) at `at`,
 * -1 when malformed, null when absent: Heroku's drains send none ("Log drains": `<40>1 2012-11-30T06:45:29+00:00
 * host app web.3 - State changed from starting to up`).
 */
function structuredDataEnd(text: string, at: number, end: number): number | null {
  if (text.charCodeAt(at) === 45 && (at + 1 === end || text.charCodeAt(at + 1) === 32)) return at + 1;
  if (text.charCodeAt(at) !== 91) return null;
  let pos = at;
  while (pos < end && text.charCodeAt(pos) === 91) {
    let quoted = false;
    for (pos++; pos < end; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 92 && quoted) pos++;
      else if (c === 34) quoted = !quoted;
      else if (c === 93 && !quoted) break;
    }
    if (pos >= end) return -1;
    pos++;
  }
  return pos > at ? pos : -1;
}

/** After the octet count an HTTPS drain's body puts before each message (`83 <40>1 …`, RFC 6587 §3.4.1): else `at`. */
function octetCountEnd(text: string, at: number, end: number): number {
  let pos = at;
  while (pos < end && pos < at + 6 && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
  return pos > at && text.charCodeAt(pos) === 32 && text.charCodeAt(pos + 1) === 60 ? pos + 1 : at;
}

/** The next space-separated header field at `at`: its end, else -1. */
function fieldEnd(text: string, at: number, end: number): number {
  const space = text.indexOf(' ', at);
  return space > at && space < end ? space : -1;
}

export const syslog5424: Wrapper = {
  id: 'syslog-5424',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, end } = line;
    const at = skipPri(text, octetCountEnd(text, line.start, end), end);
    if (text.charCodeAt(at) !== 49 || text.charCodeAt(at + 1) !== 32) return false;
    const timeStart = at + 2;
    const timeEnd = text.charCodeAt(timeStart) === 45 ? timeStart + 1 : rfc3339End(line.buf, timeStart, end);
    if (timeEnd < 0 || text.charCodeAt(timeEnd) !== 32) return false;
    const hostEnd = fieldEnd(text, timeEnd + 1, end);
    const appEnd = hostEnd < 0 ? -1 : fieldEnd(text, hostEnd + 1, end);
    const procEnd = appEnd < 0 ? -1 : fieldEnd(text, appEnd + 1, end);
    const msgIdEnd = procEnd < 0 ? -1 : fieldEnd(text, procEnd + 1, end);
    const sdEnd = msgIdEnd < 0 ? -1 : (structuredDataEnd(text, msgIdEnd + 1, end) ?? msgIdEnd);
    if (sdEnd < 0 || (sdEnd < end && text.charCodeAt(sdEnd) !== 32)) return false;
    let message = Math.min(sdEnd + 1, end);
    if (text.startsWith('\u00ef\u00bb\u00bf', message)) message += 3;
    if (timeEnd > timeStart + 1) line.setTime(text, timeStart, timeEnd);
    if (hostEnd !== timeEnd + 2 || text.charCodeAt(timeEnd + 1) !== 45) line.setHost(text, timeEnd + 1, hostEnd);
    line.start = message;
    return true;
  },
};
