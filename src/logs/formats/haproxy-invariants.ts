/**
 * HAProxy lines written with a custom `log-format` that was not given (--format): read by what only HAProxy logs,
 * whatever the order of the fields and whatever separates them (spaces, commas, `|`, `;`). The configuration manual
 * (§8.2.3 and §8.2.4 "HTTP log format", §8.5 "Session state at disconnection") fixes the shape of three items:
 * - the timers `%TR/%Tw/%Tc/%Tr/%Ta` (legacy `Tq/Tw/Tc/Tr/Tt`, sometimes with `%Tq` or `%Th` added): five or six
 *   integers joined by `/`, `-1` for a phase never reached, `+` before the last one with `option logasap`. The first
 *   such field is the timers: the connection counts (`%ac/%fc/%bc/%sc/%rc`) have the same shape and come after them
 *   in every published format that has both;
 * - the termination state `%tsc` (`%ts`): two chars, cause `-CSPLRIDUKcs` then phase `-RQCHDLT`, and with cookies two
 *   more (`-NIDVEO`, `-NIUDRP`);
 * - `%b/%s`: the backend and the server (`<NOSRV>` when none was picked).
 * A line is read when it has the timers, a termination state or a backend/server pair, and a status that is not
 * ambiguous: the three digits right after the timers (every preset's order), else a status opening the line (a
 * format that starts with `%ST`), else the only three-digit field in 100-599 on the line. Any doubt leaves the line
 * unread rather than read wrong. Fields may be quoted one by one.
 */

/** A line's items by HAProxy alias (`ST`, `tsc`, `b`, `s`, `r`, `ci`, `tr`, `Ts`, `Ta`), as haproxy.ts reads them. */
export type HaproxyFields = Map<string, string>;

const TOKEN = /"(?:[^"\\]|\\.)*"?|\{[^}]*\}?|\[[^\]]*\]?|[^\s,;|"{[]+/g;
const TIMERS = /^(?:-1|\d+)(?:\/(?:-1|\d+)){3,4}\/\+?(?:-1|\d+)$/;
/** `[%Ts.%ms]`: the accept date as epoch seconds. */
const EPOCH = /^\[(\d{10})(?:\.\d+)?\]$/;
const STATE = /^[-CSPLRIDUKcs][-RQCHDLT](?:[-NIDVEO][-NIUDRP])?$/;
const BACKEND_SERVER = /^([A-Za-z_][\w.:~-]*)\/(<NOSRV>|<STATS>|[\w.:-]+)$/;
const STATUS = /^(?:-1|[1-5]\d\d)$/;
const HTTP_STATUS = /^[1-5]\d\d$/;
const REQUEST = /^"(?:[A-Z]+ \S|<BADREQ>)/;
const DATE = /^\[?(\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}(?:\.\d+)?(?: [+-]\d{4})?)\]?$/;
const CLIENT = /^(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]+|-)?:(\d{1,5})$/;

/** The fields of a line by HAProxy's invariants, or null when it does not show them unambiguously. */
export function invariantFields(line: string): HaproxyFields | null {
  // Cheap refusal first: the timers need four slashes.
  if (line.split('/', 5).length < 5) return null;
  // Some configurations pad a timer to a width (`26848/   0/-1/-1/26849`): the blanks after a slash are no separator.
  const raw = line.replace(/\/ +(?=[+-]?\d)/g, '/').match(TOKEN) ?? [];
  // CSV-like formats quote every field (`"%ci","%b/%s","%TR/%Tw/%Tc/%Tr/%Ta","%ST"`): a quoted field without a
  // space is read as its value; a request line keeps its quotes.
  const tokens = raw.map((t) => (/^"[^"\s]*"$/.test(t) ? t.slice(1, -1) : t));
  const timersAt = tokens.findIndex((t) => TIMERS.test(t));
  if (timersAt < 0) return null;
  const fields: HaproxyFields = new Map();
  const timers = tokens[timersAt] as string;
  fields.set('Ta', timers.slice(timers.lastIndexOf('/') + 1).replace('+', ''));
  for (const token of tokens) {
    if (!fields.has('tsc') && STATE.test(token) && token.length > 1) fields.set('tsc', token);
    const pair = BACKEND_SERVER.exec(token);
    if (pair && !fields.has('b')) {
      fields.set('b', pair[1] as string);
      fields.set('s', pair[2] as string);
    }
    if (!fields.has('r') && REQUEST.test(token)) fields.set('r', token.slice(1, token.endsWith('"') ? -1 : undefined));
    const date = DATE.exec(token);
    if (date && !fields.has('tr')) fields.set('tr', date[1] as string);
    const epoch = EPOCH.exec(token);
    if (epoch && !fields.has('Ts')) fields.set('Ts', epoch[1] as string);
    const client = CLIENT.exec(token);
    if (client && !fields.has('ci')) fields.set('ci', client[1] ?? '');
  }
  if (!fields.has('tsc') && !fields.has('b')) return null;
  const next = tokens[timersAt + 1];
  // A format may also open with the status (`%ST %b %s ...`): a line's first field is never a count or a port.
  const leading = tokens[0] !== undefined && HTTP_STATUS.test(tokens[0]) ? tokens[0] : null;
  const status = next !== undefined && STATUS.test(next) ? next : (leading ?? onlyStatus(tokens));
  if (status === null) return null;
  fields.set('ST', status);
  return fields;
}

/** The one bare three-digit field in 100-599, or null when there is none or more than one. */
function onlyStatus(tokens: readonly string[]): string | null {
  const found = tokens.filter((t) => HTTP_STATUS.test(t));
  return found.length === 1 ? (found[0] as string) : null;
}
