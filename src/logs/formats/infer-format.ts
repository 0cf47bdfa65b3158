/**
 * Infers an nginx `log_format` from one line that starts like the Common Log Format and goes on with
 * `key=value` pairs, quoted strings or bare fields (a very common custom style:
 * `… "$request" $status $body_bytes_sent rid=$request_id us="$upstream_status" uht="$upstream_header_time"`).
 * Well-known keys map to the nginx variables they usually hold, so the inferred format is compiled into the
 * same fast parser as a format given with --format.
 */
import { KEY_VARIABLES } from './infer-keyed-format.ts';

const PREFIX = /^\S+ (?:\S+ \S+ )?\[[^\]]+\] "(?:[^"\\]|\\.)*" \d{3} \S+/;
const TOKEN = /\s+(?:([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|\S*)|("(?:[^"\\]|\\.)*")|(\[[^\]]*\])|(\S+))/y;

/** The inferred format, or null when the line does not have that shape (or has nothing after the CLF part). */
export function inferLogFormat(line: string): string | null {
  const prefix = PREFIX.exec(line);
  if (!prefix || prefix[0].length === line.length) return null;
  const hasUser = /^\S+ \S+ \S+ \[/.test(line);
  let format = `$remote_addr${hasUser ? ' $remote_ident $remote_user' : ''} [$time_local] "$request" $status $body_bytes_sent`;
  const used = new Set<string>();
  let field = 0;
  let quoted = 0;
  const variable = (name: string | undefined): string => {
    const v = name && !used.has(name) ? name : `field_${field++}`;
    used.add(v);
    return `$${v}`;
  };
  TOKEN.lastIndex = prefix[0].length;
  while (TOKEN.lastIndex < line.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(line);
    if (!m || m.index !== at) return null;
    const gap = m[0].slice(0, m[0].search(/\S/));
    const [, key, value, string, bracket] = m;
    if (key !== undefined) {
      const v = variable(KEY_VARIABLES[key.toLowerCase().replace(/[-.]/g, '_')]);
      format += `${gap}${key}=${value?.startsWith('"') ? `"${v}"` : v}`;
    } else if (string !== undefined) {
      const names = ['http_referer', 'http_user_agent'];
      format += `${gap}"${variable(quoted < 2 && field === 0 ? names[quoted] : undefined)}"`;
      quoted++;
    } else {
      format += bracket !== undefined ? `${gap}[${variable(undefined)}]` : `${gap}${variable(undefined)}`;
    }
  }
  return format;
}
