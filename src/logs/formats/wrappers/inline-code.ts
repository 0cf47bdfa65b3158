/**
 * A line pasted into an issue or a chat as inline code: a backtick before it (and after it, when the paste kept the
 * closing one), as markdown shows `` `line` ``. No format's line starts with a backtick, so the wrapper is strict.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

const BACKTICK = 96;

export const inlineCode: Wrapper = {
  id: 'inline-code',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    // One backtick, not a code fence (```) or an empty pair.
    if (text.charCodeAt(start) !== BACKTICK || text.charCodeAt(start + 1) === BACKTICK || end - start < 3) return false;
    line.start = start + 1;
    if (text.charCodeAt(end - 1) === BACKTICK) line.end = end - 1;
    return true;
  },
};
