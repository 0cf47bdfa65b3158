/**
 * `docker compose logs` / `up` output (and `docker service logs`, whose task names end `@<node>`): the service's
 * container name padded to the longest one, then `| ` (compose
 * v2's `presenter.setPrefix`, `%-{width}s | `; v1 wrote `name |` then a space), the prefix in one ANSI colour when
 * the output was a terminal: `web-1  | <line>`, `\x1b[36mweb-1  | \x1b[0m<line>`. Process managers in a container
 * (forego) write the same shape, so a line may carry two: `nginx-proxy  | nginx.1    | <line>`. A log level in
 * that place (`ERROR | …`) is the app's own layout, not a service. With `-t`, each line's time follows the prefix.
 * Procfile runners (foreman, goreman, honcho) write the same prefix after the time of day, the name right-aligned by
 * goreman: `23:55:50        nginx | <line>`.
 */
import { rfc3339End, skipControls, type WrappedLine, type Wrapper } from './wrapped-line.ts';

/**
 * `docker compose logs -t` writes the engine's time of each line after the prefix, in UTC with a fraction
 * (`web-1  | 2024-04-25T05:32:35.584725130Z <line>`): it is the wrapper's, like CRI's, not the line's own.
 */
function skipTimestamp(line: WrappedLine): void {
  const { buf, text, start, end } = line;
  const timeEnd = rfc3339End(buf, start, end);
  if (timeEnd < 0 || buf[timeEnd - 1] !== 90 || buf[start + 19] !== 46 || buf[timeEnd] !== 32) return;
  line.setTime(text, start, timeEnd);
  line.start = skipControls(text, Math.min(timeEnd + 1, end), end);
}

const LEVELS = new Set(['TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'ERR', 'FATAL', 'CRITICAL', 'CRIT', 'ALERT', 'EMERG', 'PANIC', 'SEVERE']);

/**
 * Container, service and process names: letters, digits, `_`, `.`, `-`, and `@` before the node of a swarm task
 * (`docker service logs`: `stack_web.1.of166iz3i553@node1    | <line>`).
 */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 || c === 64;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * A process runner's name of several words before ` | ` (Hoppscotch's all-in-one image writes
 * `App/Admin Dashboard Caddy | <line>`): up to four words, each starting with a letter, `/` allowed inside.
 */
const WORDS = /[A-Za-z][\w.@/-]*(?: [A-Za-z][\w.@/-]*){1,3}(?= +\|)/y;

/** A Procfile runner's time of day and the blanks after it, before the process name. */
const RUNNER_TIME = /\d\d:\d\d:\d\d +/y;

/** Where the name starts: after a Procfile runner's time of day, when the line has one. */
function afterRunnerTime(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (!(first >= 48 && first <= 57)) return at;
  RUNNER_TIME.lastIndex = at;
  return RUNNER_TIME.test(text) ? RUNNER_TIME.lastIndex : at;
}

/** Where a name of several words ends, or `firstEnd` (the first word's end) when the line has none. */
function wordsEnd(text: string, nameStart: number, firstEnd: number): number {
  WORDS.lastIndex = nameStart;
  return WORDS.test(text) ? WORDS.lastIndex : firstEnd;
}

export const compose: Wrapper = {
  id: 'compose',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, end } = line;
    const nameStart = afterRunnerTime(text, skipControls(text, line.start, end));
    let pos = nameStart;
    while (pos < end && isNameChar(text.charCodeAt(pos))) pos++;
    // Only a blank before a letter or a `/` may go on into a name of several words (compose pads names with blanks).
    if (text.charCodeAt(pos) === 47 || (text.charCodeAt(pos) === 32 && isLetter(text.charCodeAt(pos + 1)))) pos = wordsEnd(text, nameStart, pos);
    const nameEnd = pos;
    while (pos < end && text.charCodeAt(pos) === 32) pos++;
    if (nameEnd === nameStart || pos === nameEnd || text.charCodeAt(pos) !== 124) return false;
    if (nameEnd - nameStart <= 8 && LEVELS.has(text.slice(nameStart, nameEnd).toUpperCase())) return false;
    pos = skipControls(text, pos + 1, end);
    if (pos < end && text.charCodeAt(pos) !== 32) return false;
    line.setHost(text, nameStart, nameEnd);
    line.start = skipControls(text, Math.min(pos + 1, end), end);
    skipTimestamp(line);
    return true;
  },
};
