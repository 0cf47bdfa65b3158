/**
 * A line pasted into an issue or a forum as a markdown quote: `> ` before it (`>` alone on a quoted blank line). No
 * format's line starts with `>` and a blank, so the wrapper is strict; nested quotes (`> > `) lose one level each.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

const GREATER = 62;
const SPACE = 32;

export const markdownQuote: Wrapper = {
  id: 'markdown-quote',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    if (text.charCodeAt(start) !== GREATER || text.charCodeAt(start + 1) !== SPACE || end - start < 3) return false;
    line.start = start + 2;
    return true;
  },
};
