/**
 * What Logplex writes before each line of a Heroku app's log (`heroku logs`, `heroku logs --tail`, HTTPS drains'
 * text): `<time> <source>[<dyno>]: <message>`, the time RFC 3339 with microseconds, the source `app` (the app's
 * dynos and add-ons writing as it) or `heroku` (the router, the dyno manager), the dyno `web.1`, `router`, `api`,
 * `postgres`… (Dev Center, "Logging" → "Log format"). Dev Center articles also quote lines without the time.
 * Log services that a drain feeds show the same line as `<app> <source>/<dyno>` (Papertrail, with its syslog
 * time before it, which syslog.ts reads; people paste it with the colon or without, with the app's name or
 * without): the program name is the drain's `<source> <dyno>` joined by a slash.
 * The dyno is the line's origin.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

const DYNO = /^[\w.-]+$/;
/** `heroku/router`, `app/web.1`, after an app's name or not, ending with a colon or a blank. */
const SLASHED = /^(?:[\w.<>-]+ )?(?:app|heroku)\/([\w.-]+):? /;

/** Where the message starts after `<source>[<dyno>]:`, or -1; sets the dyno as the line's host. */
function bracketed(line: WrappedLine, at: number): number {
  const { text, end } = line;
  const open = text.startsWith('app[', at) ? at + 3 : text.startsWith('heroku[', at) ? at + 6 : -1;
  if (open < 0) return -1;
  const close = text.indexOf(']:', open);
  if (close < 0 || close + 2 > end || !DYNO.test(text.slice(open + 1, close))) return -1;
  // An empty message is printed without the space.
  if (close + 2 < end && text.charCodeAt(close + 2) !== 32) return -1;
  line.setHost(text, open + 1, close);
  return Math.min(close + 3, end);
}

/** Where the message starts after `[<app> ]<source>/<dyno>[:] `, or -1; sets the dyno as the line's host. */
function slashed(line: WrappedLine, at: number): number {
  const { text, end } = line;
  const match = SLASHED.exec(text.slice(at, Math.min(end, at + 160)));
  if (!match) return -1;
  const dynoEnd = at + match[0].length - (match[0].endsWith(': ') ? 2 : 1);
  line.setHost(text, dynoEnd - match[1]!.length, dynoEnd);
  return at + match[0].length;
}

export const heroku: Wrapper = {
  id: 'heroku',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const timeEnd = rfc3339End(line.buf, start, end);
    const at = timeEnd < 0 ? start : timeEnd + 1;
    if (timeEnd >= 0 && text.charCodeAt(timeEnd) !== 32) return false;
    let message = bracketed(line, at);
    if (message < 0) message = slashed(line, at);
    if (message < 0) return false;
    if (timeEnd >= 0) line.setTime(text, start, timeEnd);
    line.start = message;
    return true;
  },
};
