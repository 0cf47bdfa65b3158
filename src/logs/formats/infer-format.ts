/**
 * Infers an nginx `log_format` from one line that has the Common Log Format's core and more: fields after it as
 * `key=value` pairs, quoted strings or bare fields (a very common custom style:
 * `… "$request" $status $body_bytes_sent rid=$request_id us="$upstream_status" uht="$upstream_header_time"`), the
 * virtual host in front of the address (Apache's `vhost_combined`, `%v %h %l %u`), or bare fields between the time and
 * the request (Apache's `(%T s)`). Well-known keys map to the nginx variables they usually hold, so the inferred format
 * is compiled into the same fast parser as a format given with --format.
 */
import { isIP } from 'node:net';
import { KEY_VARIABLES } from './infer-keyed-format.ts';

/** Who (one to four fields), the time, up to three bare fields, the request, the status and the size. */
const PREFIX = /^(\S+(?: \S+){0,3}) \[[^\]]+\]((?: [^"\s[]\S*){0,3}) "(?:[^"\\]|\\.)*" \d{3} \S+/;
const WHO: Record<number, string> = {
  1: '$remote_addr',
  // `$remote_addr - [$time_local]`: a format that dropped `$remote_user` or one of CLF's two dashes.
  2: '$remote_addr $remote_user',
  3: '$remote_addr $remote_ident $remote_user',
  4: '$host $remote_addr $remote_ident $remote_user',
};
const ISO_IN_BRACKETS = /^ \[\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]/;
/**
 * One field after the CLF part, after blanks; a `key=` pair may also follow a quoted string with none: nginx's blog's
 * upstream-timing format joins `"$http_user_agent"` and `'rt=$request_time …'` with no space between the two strings.
 */
const TOKEN = /(?:\s+|(?<=")(?=[A-Za-z_][\w.-]*=))(?:([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|\S*)|("(?:[^"\\]|\\.)*")|(\[[^\]]*\])|(\S+))/y;

/** The inferred format, or null when the line does not have that shape (or has nothing after the CLF part). */
export function inferLogFormat(line: string): string | null {
  const prefix = PREFIX.exec(line);
  const whoFields = (prefix?.[1] ?? '').split(' ');
  // Two fields only as an address and a dash: a host name there is another layout's (Gorouter's `host - [time]`).
  const who = prefix && (whoFields.length !== 2 || (isIP(whoFields[0] as string) !== 0 && whoFields[1] === '-')) ? WHO[whoFields.length] : undefined;
  const between = prefix?.[2] ?? '';
  // The virtual host first is inferred only with fields before the request: nginx-proxy's and Apache's vhost presets
  // read that start, and a wrapper's time in front of a CLF line would pass for a host.
  if (!prefix || !who || (between === '' && (who.startsWith('$host') || prefix[0].length === line.length))) return null;
  const used = new Set<string>();
  let field = 0;
  let quoted = 0;
  const variable = (name: string | undefined): string => {
    const v = name && !used.has(name) ? name : `field_${field++}`;
    used.add(v);
    return `$${v}`;
  };
  const betweenFields = between === '' ? '' : ` ${between.trim().split(' ').map(() => variable(undefined)).join(' ')}`;
  // Apache's `%{%Y-%m-%d %H:%M:%S}t` after `%h %l %u` writes an ISO time in the brackets, read as nginx's. Not after
  // one field: that is a wrapper's time before another proxy's ISO-stamped line (Envoy's under kubectl).
  const iso = who !== WHO[1] && ISO_IN_BRACKETS.test(line.slice((prefix[1] as string).length));
  const time = iso ? '$time_iso8601' : '$time_local';
  let format = `${who} [${time}]${betweenFields} "$request" $status $body_bytes_sent`;
  const fieldsBefore = field;
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
      format += `${gap}"${variable(quoted < 2 && field === fieldsBefore ? names[quoted] : undefined)}"`;
      quoted++;
    } else {
      format += bracket !== undefined ? `${gap}[${variable(undefined)}]` : `${gap}${variable(undefined)}`;
    }
  }
  return format;
}
