/**
 * A CloudWatch Logs Insights result exported as CSV (the console's "Export results › Download table (CSV)"): a
 * header `@timestamp,@message,…`, then one row per log event, its time (UTC, no zone: `2024-07-14 23:58:58.036`)
 * and the event's text as a quoted CSV field, its quotes doubled (RFC 4180), then the query's other columns. The
 * row's time has no zone, so the line's own is kept.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

/** `yyyy-mm-dd hh:mm:ss[.fff],"` at the start of the row. */
const ROW_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?,"/;

export const cloudwatchCsv: Wrapper = {
  id: 'cloudwatch-csv',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { buf, text, start, end } = line;
    const head = ROW_START.exec(text.slice(start, Math.min(end, start + 32)));
    if (!head) return false;
    const from = start + head[0].length;
    const out = line.scratchOf(end - from);
    let length = 0;
    for (let at = from; at < end; at++) {
      const c = buf[at] as number;
      if (c !== 34) {
        out[length++] = c;
        continue;
      }
      // A doubled quote is one quote of the text; a single one closes the field, which a comma or the row's end follows.
      if (buf[at + 1] === 34) {
        out[length++] = 34;
        at++;
        continue;
      }
      if (at + 1 !== end && buf[at + 1] !== 44) return false;
      line.replace(out, length);
      return true;
    }
    return false;
  },
};
