/**
 * What `cf logs` (the Cloud Foundry CLI) writes before each message of an app's log stream: the time Loggregator
 * stamped it (centiseconds and a zone, `2017-04-21T18:03:55.46+0200`), the source in brackets (`[RTR/0]` the
 * Gorouter, `[APP/PROC/WEB/0]` or before Diego `[App/0]` the app, `[CELL/0]`, `[STG/0]`, `[API/0]`…), padded with
 * spaces to a column by older CLIs and not at all by long tags, then `OUT` or `ERR` (the message type, stdout or
 * stderr) and a space: `2017-04-21T18:03:55.46+0200 [RTR/0]      OUT <message>`. Docs and terminals often indent it.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

const SOURCE = /^[A-Za-z]+(?:\/[\w.-]+)*$/;

export const cfLogs: Wrapper = {
  id: 'cf-logs',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, end } = line;
    let at = line.start;
    while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    const timeEnd = rfc3339End(line.buf, at, end);
    if (timeEnd < 0 || !text.startsWith(' [', timeEnd)) return false;
    const close = text.indexOf(']', timeEnd + 2);
    if (close < 0 || close >= end || !SOURCE.test(text.slice(timeEnd + 2, close))) return false;
    let type = close + 1;
    while (type < end && text.charCodeAt(type) === 32) type++;
    const stream = text.slice(type, type + 4);
    if (stream !== 'OUT ' && stream !== 'ERR ') return false;
    line.setTime(text, at, timeEnd);
    line.setHost(text, timeEnd + 2, close);
    line.stream = stream === 'OUT ' ? 'stdout' : 'stderr';
    line.start = type + 4;
    return true;
  },
};
