/**
 * A line pasted into an issue in bold: `**` before it and after it, as markdown writes `**line**`. No format's line
 * starts with two asterisks, so the wrapper is strict: both pairs, around something that does not start with a blank.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

const STAR = 42;
const SPACE = 32;

export const markdownBold: Wrapper = {
  id: 'markdown-bold',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    if (end - start < 5 || text.charCodeAt(start) !== STAR || text.charCodeAt(start + 1) !== STAR) return false;
    if (text.charCodeAt(end - 1) !== STAR || text.charCodeAt(end - 2) !== STAR) return false;
    const first = text.charCodeAt(start + 2);
    if (first === STAR || first === SPACE) return false;
    line.start = start + 2;
    line.end = end - 2;
    return true;
  },
};
