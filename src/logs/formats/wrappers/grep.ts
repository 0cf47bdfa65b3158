/**
 * Lines found with grep and pasted as grep printed them: `-H` (the default with several files) writes the file name
 * and `:` before each line, `-n` the line number and `:` (after the name when both are on): `access.log:12:<line>`,
 * `/var/log/nginx/error.log:<line>`, `12:<line>`; with `-C`, its context lines have a `-` instead (`12-<line>`). A name is taken for one only when it looks like a log file's (no
 * space or colon, and `log` in it or a text file's ending: AWS names its load balancers' log objects
 * `<account>_elasticloadbalancing_<region>_..._<ip>_<random>.txt`), and a bare number only when a colon follows. A line may begin with digits and a
 * colon itself (an IPv6 address, a time of day), so the wrapper is loose (see Wrapper).
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

/** A log file's name or path: `log` in it, or a text file's ending (`.txt`, `.out`, `.gz`, `.json`, `.jsonl`, `.csv`). */
const LOG_FILE_NAME = /^[\w./~-]*(?:log[\w./~-]*|\.(?:txt|out|gz|json|jsonl|csv))$/i;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** After a dash at `at`, one or two digits and another dash (`2019-10-14`, `14-05-2020`): the dash is a date's, no grep's. */
function dateGoesOn(text: string, at: number): boolean {
  let digits = 0;
  while (digits < 3 && isDigit(text.charCodeAt(at + 1 + digits))) digits++;
  return digits > 0 && digits < 3 && text.charCodeAt(at + 1 + digits) === 45;
}

/**
 * After `pos`: digits then `:` (a match line), or `-` (a context line of `grep -n -C`: `3236741-[2019-10-14 …`) unless
 * a date goes on after it, the position past it; else -1.
 */
function lineNumberEnd(text: string, pos: number, end: number): number {
  let at = pos;
  while (at < end && isDigit(text.charCodeAt(at))) at++;
  if (at === pos) return -1;
  const separator = text.charCodeAt(at);
  if (separator === 58) return at + 1;
  return separator === 45 && at + 1 < end && !dateGoesOn(text, at) ? at + 1 : -1;
}

export const grep: Wrapper = {
  id: 'grep',
  loose: true,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const numbered = lineNumberEnd(text, start, end);
    if (numbered > 0) {
      if (numbered >= end) return false;
      line.start = numbered;
      return true;
    }
    const colon = text.indexOf(':', start);
    if (colon < 0 || colon >= end - 1) return false;
    const name = text.slice(start, colon);
    if (!LOG_FILE_NAME.test(name)) return false;
    const after = lineNumberEnd(text, colon + 1, end);
    line.setHost(text, start, colon);
    line.start = after > 0 && after < end ? after : colon + 1;
    return true;
  },
};
