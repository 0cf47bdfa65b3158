/**
 * What `fly logs` (flyctl) writes before each line of a Fly.io app's log: `<time> <source>[<machine>] <region>
 * [<level>]<message>`, the source `app` (the Machine's own output), `proxy` (Fly Proxy, which routes every request
 * to the Machines), `runner`, `health`…, the region a three-letter code (`lhr`, `sin`). Releases differ in what they
 * print: a blank after the level or none (`[info]POST /…`), the time with or without its zone
 * (`2023-02-16T03:02:27.348 app[…]`), `proxy lhr [warn]` without a Machine. The source and Machine are the line's
 * origin, so the proxy's lines stay told apart from the app's.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

/** After the time: `app[5683970eae6308] sin [info]`, `proxy lhr [warn] `. Sources without a Machine are Fly's own. */
const PREFIX = /^ ((?:[a-z]+)\[[0-9a-f]{6,}\]|proxy|runner|health) [a-z]{3} \[(?:trace|debug|info|warn|error)\] ?/;
/** A time without a zone, as some flyctl releases print it: `2023-02-16T03:02:27.348`. */
const LOCAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?= )/;

export const fly: Wrapper = {
  id: 'fly',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const zoned = rfc3339End(line.buf, start, end);
    const local = zoned < 0 ? LOCAL_TIME.exec(text.slice(start, Math.min(end, start + 40))) : null;
    if (zoned < 0 && !local) return false;
    const timeEnd = local ? start + local[0].length : zoned;
    const m = PREFIX.exec(text.slice(timeEnd, Math.min(end, timeEnd + 60)));
    if (!m) return false;
    if (zoned >= 0) line.setTime(text, start, zoned);
    line.setHost(text, timeEnd + 1, timeEnd + 1 + (m[1] as string).length);
    line.start = timeEnd + m[0].length;
    return true;
  },
};
