/**
 * A line pasted into an issue or a chat as inline code: a backtick before it (and after it, when the paste kept the
 * closing one), as markdown shows `` `line` ``; or the whole line in single quotes, as a shell or a test printed it
 * (`'[2024-06-20T01:29:57.087Z] "CONNECT - HTTP/2" 200 …'`). No format's line starts with a backtick or a single
 * quote, so the wrapper is strict.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

const BACKTICK = 96;
const QUOTE = 39;

export const inlineCode: Wrapper = {
  id: 'inline-code',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    // A line in single quotes: both of them, around something.
    if (text.charCodeAt(start) === QUOTE) {
      if (end - start < 3 || text.charCodeAt(end - 1) !== QUOTE) return false;
      line.start = start + 1;
      line.end = end - 1;
      return true;
    }
    // One backtick, not a code fence (```) or an empty pair.
    if (text.charCodeAt(start) !== BACKTICK || text.charCodeAt(start + 1) === BACKTICK || end - start < 3) return false;
    line.start = start + 1;
    if (text.charCodeAt(end - 1) === BACKTICK) line.end = end - 1;
    return true;
  },
};
