/**
 * Lines indented as a whole: copied out of a markdown list or a quoted block, a document's example, a viewer that pads
 * them. The blanks before a line are no format's (Squid's right-aligned time is read bare as well, so on a tie the bare
 * reading wins: the wrapper is loose).
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

export const indent: Wrapper = {
  id: 'indent',
  loose: true,
  strip(line: WrappedLine): boolean {
    const { text, end } = line;
    let at = line.start;
    while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    if (at === line.start || at >= end) return false;
    line.start = at;
    return true;
  },
};
