/**
 * What Logplex writes before each line of a Heroku app's log (`heroku logs`, `heroku logs --tail`, HTTPS drains'
 * text): `<time> <source>[<dyno>]: <message>`, the time RFC 3339 with microseconds, the source `app` (the app's
 * dynos and add-ons writing as it) or `heroku` (the router, the dyno manager), the dyno `web.1`, `router`, `api`,
 * `postgres`… (Dev Center, "Logging" → "Log format"). Dev Center articles also quote lines without the time.
 * The dyno is the line's origin.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

const DYNO = /^[\w.-]+$/;

export const heroku: Wrapper = {
  id: 'heroku',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const timeEnd = rfc3339End(line.buf, start, end);
    const at = timeEnd < 0 ? start : timeEnd + 1;
    if (timeEnd >= 0 && text.charCodeAt(timeEnd) !== 32) return false;
    const open = text.startsWith('app[', at) ? at + 3 : text.startsWith('heroku[', at) ? at + 6 : -1;
    if (open < 0) return false;
    const close = text.indexOf(']:', open);
    if (close < 0 || close + 2 > end || !DYNO.test(text.slice(open + 1, close))) return false;
    // An empty message is printed without the space.
    if (close + 2 < end && text.charCodeAt(close + 2) !== 32) return false;
    if (timeEnd >= 0) line.setTime(text, start, timeEnd);
    line.setHost(text, open + 1, close);
    line.start = Math.min(close + 3, end);
    return true;
  },
};
