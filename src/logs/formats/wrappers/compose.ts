/**
 * `docker compose logs` / `up` output: the service's container name padded to the longest one, then `| ` (compose
 * v2's `presenter.setPrefix`, `%-{width}s | `; v1 wrote `name |` then a space), the prefix in one ANSI colour when
 * the output was a terminal: `web-1  | <line>`, `\x1b[36mweb-1  | \x1b[0m<line>`. Process managers in a container
 * (forego) write the same shape, so a line may carry two: `nginx-proxy  | nginx.1    | <line>`. A log level in
 * that place (`ERROR | …`) is the app's own layout, not a service.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

/** An SGR colour sequence `ESC [ digits;… m` at `at`: its end, else `at`. */
function skipColour(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== 27 || text.charCodeAt(at + 1) !== 91) return at;
  let pos = at + 2;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === 109) return pos + 1;
    if ((c < 48 || c > 57) && c !== 59) return at;
    pos++;
  }
  return at;
}

const LEVELS = new Set(['TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'ERR', 'FATAL', 'CRITICAL', 'CRIT', 'ALERT', 'EMERG', 'PANIC', 'SEVERE']);

/** Container, service and process names: letters, digits, `_`, `.`, `-`. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

export const compose: Wrapper = {
  id: 'compose',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, end } = line;
    const nameStart = skipColour(text, line.start, end);
    let pos = nameStart;
    while (pos < end && isNameChar(text.charCodeAt(pos))) pos++;
    const nameEnd = pos;
    while (pos < end && text.charCodeAt(pos) === 32) pos++;
    if (nameEnd === nameStart || pos === nameEnd || text.charCodeAt(pos) !== 124) return false;
    if (nameEnd - nameStart <= 8 && LEVELS.has(text.slice(nameStart, nameEnd).toUpperCase())) return false;
    pos = skipColour(text, pos + 1, end);
    if (pos < end && text.charCodeAt(pos) !== 32) return false;
    line.setHost(text, nameStart, nameEnd);
    line.start = skipColour(text, Math.min(pos + 1, end), end);
    return true;
  },
};
