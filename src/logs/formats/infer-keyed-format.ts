/**
 * Infers an nginx `log_format` from one access line written as labelled fields rather than the Common Log Format:
 * `key=value` pairs (`status=$status upstream_status=$upstream_status rt=$request_time …`, the style of the
 * "apm" format on nginx's blog, "Using NGINX Logging for Application Performance Monitoring") and LTSV
 * (`time:[…]<TAB>host:…<TAB>status:…`, ltsv.org's labels), or the same labels joined by `|`. The keys people choose are mapped to the nginx variables
 * they usually hold by one alias table (also used for the pairs after a CLF start, infer-format.ts), so the line is
 * read by the same compiled parser as a format given with --format.
 * A line is taken only when a key names the status (three digits) and another names the request or an upstream
 * field, and no key is an app logger's (`level`, `msg`…): an app's own logfmt lines stay app lines.
 */

/** Usual keys (lower case, `-` and `.` read as `_`) → the nginx variable. Times are decided by their value (timeVariable). */
export const KEY_VARIABLES: Record<string, string> = {
  status: 'status',
  s: 'status',
  st: 'status',
  sc: 'status',
  code: 'status',
  status_code: 'status',
  http_status: 'status',
  response_status: 'status',
  rsp_st: 'status',
  rid: 'request_id',
  reqid: 'request_id',
  req_id: 'request_id',
  request_id: 'request_id',
  requestid: 'request_id',
  x_request_id: 'request_id',
  http_x_request_id: 'request_id',
  us: 'upstream_status',
  ups: 'upstream_status',
  upstat: 'upstream_status',
  ustatus: 'upstream_status',
  ups_st: 'upstream_status',
  ups_status: 'upstream_status',
  upstream_status: 'upstream_status',
  ua: 'upstream_addr',
  u: 'upstream_addr',
  upstream: 'upstream_addr',
  upstream_addr: 'upstream_addr',
  upstream_address: 'upstream_addr',
  ups_addr: 'upstream_addr',
  uip: 'upstream_addr',
  uct: 'upstream_connect_time',
  ups_conn_t: 'upstream_connect_time',
  upstream_connect_time: 'upstream_connect_time',
  uht: 'upstream_header_time',
  ups_head_t: 'upstream_header_time',
  upstream_header_time: 'upstream_header_time',
  urt: 'upstream_response_time',
  ups_rsp_t: 'upstream_response_time',
  upstream_response_time: 'upstream_response_time',
  upstream_time: 'upstream_response_time',
  upstream_response_length: 'upstream_response_length',
  ut: 'upstream_response_time',
  rt: 'request_time',
  req_t: 'request_time',
  req_time: 'request_time',
  request_time: 'request_time',
  conn: 'connection',
  connection: 'connection',
  request: 'request',
  req: 'request',
  request_line: 'request',
  method: 'request_method',
  request_method: 'request_method',
  uri: 'request_uri',
  path: 'request_uri',
  url: 'request_uri',
  request_uri: 'request_uri',
  body_bytes_sent: 'body_bytes_sent',
  bytes_sent: 'bytes_sent',
  client: 'remote_addr',
  client_ip: 'remote_addr',
  cip: 'remote_addr',
  remote_addr: 'remote_addr',
  remote_ip: 'remote_addr',
};

/** LTSV's own labels that differ from the keys above (ltsv.org: `host` is the client there, `apptime` the upstream's time). */
const LTSV_LABELS: Record<string, string> = { host: 'remote_addr', reqtime: 'request_time', apptime: 'upstream_response_time' };
const TIME_KEYS = new Set(['time', 'ts', 'timestamp', '@timestamp', 'time_local', 'time_iso8601', 'date', 'datetime', 'msec', 'local_time']);
/** Keys of application loggers (logfmt, slog, zap…): a line with one is an app's line, not an access log's. */
const APP_KEYS = new Set(['level', 'lvl', 'msg', 'message', 'severity', 'logger', 'caller']);

const CLF_TIME = /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const EPOCH = /^\d{10}(?:\.\d+)?$/;
const REQUEST_LINE = /^[A-Z]+ \S+(?: HTTP\/[\d.]+)?$/;
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)$/i;
/** A pair; a bare value may be an upstream list (`502, 504 : 200`), as nginx writes one entry per upstream tried. */
const PAIR = /([A-Za-z_@][\w.@-]*)=("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^\s",]+(?:(?:, | : |,)[^\s",=]+)*)/y;
const UNLABELLED = /"(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S+/y;

/** The nginx variable of a time value by its shape, or null. */
function timeVariable(value: string): string | null {
  if (CLF_TIME.test(value)) return 'time_local';
  if (ISO_TIME.test(value)) return 'time_iso8601';
  return EPOCH.test(value) ? 'msec' : null;
}

/** A value without the quotes or brackets it was logged in. */
const innerOf = (raw: string): string => (raw.startsWith('"') || raw.startsWith('[') ? raw.slice(1, -1) : raw);

/** The variable a value's own shape names: a time, a request line, or the first address (the client's). */
function shapeVariable(inner: string, seen: ReadonlySet<string>): string | null {
  const time = timeVariable(inner);
  if (time) return time;
  if (REQUEST_LINE.test(inner)) return 'request';
  return ADDRESS.test(inner) && !seen.has('remote_addr') ? 'remote_addr' : null;
}

/** Builds the format one field at a time, naming each variable once (later ones of a name become `field_N`). */
class FormatBuilder {
  format = '';
  readonly variables = new Set<string>();
  private unnamed = 0;
  private appKey = false;

  private variable(name: string | null): string {
    const v = name !== null && !this.variables.has(name) ? name : `field_${this.unnamed++}`;
    this.variables.add(v);
    return `$${v}`;
  }

  /** A value as logged (quoted, bracketed or bare) with its variable; `name` null: decided by the value's shape. */
  value(raw: string, name: string | null): string {
    const v = this.variable(name ?? shapeVariable(innerOf(raw), this.variables));
    return raw.startsWith('"') || raw.startsWith('[') ? `${raw[0]}${v}${raw.at(-1)}` : v;
  }

  labelled(label: string, raw: string, aliases: Record<string, string>): string {
    const key = label.toLowerCase().replace(/[-.]/g, '_');
    if (APP_KEYS.has(key)) this.appKey = true;
    const inner = innerOf(raw);
    // Any key holding a CLF or ISO 8601 time is the time (`time_ngx:`, `ts=`), epoch seconds only under a time key.
    const shapedTime = CLF_TIME.test(inner) || ISO_TIME.test(inner) ? timeVariable(inner) : null;
    const name = TIME_KEYS.has(key) ? timeVariable(inner) : (aliases[key] ?? KEY_VARIABLES[key] ?? shapedTime);
    return this.value(raw, name ?? `field_${label.replace(/\W/g, '_')}`);
  }

  /** The format when the line reads as an access line: a status, a request or upstream field, no app logger key. */
  result(pairs: number): string | null {
    const v = this.variables;
    const access = ['request', 'request_method', 'request_uri', 'upstream_status', 'upstream_addr'].some((name) => v.has(name));
    return pairs >= 3 && v.has('status') && access && !this.appKey ? this.format : null;
  }
}

function inferLtsv(line: string, separator: string): string | null {
  const fields = line.split(separator);
  const builder = new FormatBuilder();
  const parts: string[] = [];
  let pairs = 0;
  for (const field of fields) {
    const colon = field.indexOf(':');
    if (field === '') {
      parts.push('');
      continue;
    }
    if (colon <= 0 || !/^[\w.-]+$/.test(field.slice(0, colon))) return null;
    const label = field.slice(0, colon);
    parts.push(`${label}:${builder.labelled(label, field.slice(colon + 1), LTSV_LABELS)}`);
    pairs++;
  }
  builder.format = parts.join(separator);
  return builder.result(pairs);
}

/** The inferred format, or null when the line is not an access line of labelled fields. */
export function inferKeyedLogFormat(line: string): string | null {
  if (line.includes('\t') && /^[\w.-]+:/.test(line)) return inferLtsv(line, '\t');
  // The same labels joined by `|` (a log_format of `key:$var|key:$var`), the separator people pick when a value may hold blanks.
  if (/^[\w.-]+:[^|\s]*\|[\w.-]+:/.test(line)) return inferLtsv(line, '|');
  const builder = new FormatBuilder();
  let pairs = 0;
  let pos = 0;
  while (pos < line.length) {
    const gapEnd = line.slice(pos).search(/\S/);
    if (gapEnd < 0) {
      builder.format += line.slice(pos);
      break;
    }
    builder.format += line.slice(pos, pos + gapEnd);
    pos += gapEnd;
    PAIR.lastIndex = pos;
    const pair = PAIR.exec(line);
    if (pair && (pos + pair[0].length === line.length || /\s/.test(line[pos + pair[0].length] as string))) {
      const [, key, raw] = pair as unknown as [string, string, string];
      builder.format += `${key}=${builder.labelled(key, raw, {})}`;
      pairs++;
      pos += pair[0].length;
      continue;
    }
    UNLABELLED.lastIndex = pos;
    const token = (UNLABELLED.exec(line) as RegExpExecArray)[0];
    builder.format += builder.value(token, null);
    pos += token.length;
  }
  return builder.result(pairs);
}
