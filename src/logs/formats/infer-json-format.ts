/**
 * Infers an nginx `log_format` from one JSON access-log line (`log_format x escape=json '{"time":"$time_iso8601",…}'`):
 * the line's own structure (braces, keys, quotes, spacing) becomes the format's literals and each value a variable, so
 * the file is read by the same generated scanner as a format given with --format. Values nginx wrote unquoted
 * (`"rt":$upstream_response_time`, which is `-` or `0.001, 0.002` at times and then no valid JSON) read the same.
 * Top-level keys name their variable when they are a usual name for it, compared without case and punctuation
 * (`status`, `request_uri` / `uri` / `url`, `upstream_status`, `remote_addr` / `clientIp`, `time_iso8601` /
 * `timestamp`…), and so do the keys of an `httpRequest` (or `request`, `http`) object, Google Cloud Logging's names for
 * the request's fields that ingress-nginx users log in (`requestMethod`, `requestUrl`, `status`, `remoteIp`). A line is taken for nginx's
 * only with a status, a request or URI, and two more keys that are nginx variable names (`body_bytes_sent`,
 * `request_time`, `http_referer`…): app loggers write JSON with a status too.
 */

/** Usual key names (normalised: lower case, letters and digits only) → the nginx variable they hold. */
const NAMED: Record<string, string> = {
  status: 'status',
  statuscode: 'status',
  httpstatus: 'status',
  httpcode: 'status',
  request: 'request',
  requestmethod: 'request_method',
  method: 'request_method',
  httpmethod: 'request_method',
  requesturi: 'request_uri',
  url: 'request_uri',
  requesturl: 'request_uri',
  uri: 'uri',
  path: 'uri',
  requestpath: 'uri',
  remoteaddr: 'remote_addr',
  remoteip: 'remote_addr',
  clientip: 'remote_addr',
  clientaddr: 'remote_addr',
  client: 'remote_addr',
  requestid: 'request_id',
  reqid: 'req_id',
  xrequestid: 'http_x_request_id',
  httpxrequestid: 'http_x_request_id',
  upstreamstatus: 'upstream_status',
  upstreamaddr: 'upstream_addr',
  upstream: 'upstream_addr',
  upstreamhost: 'upstream_addr',
  upstreamconnecttime: 'upstream_connect_time',
  upstreamheadertime: 'upstream_header_time',
  upstreamresponsetime: 'upstream_response_time',
  requesttime: 'request_time',
  connection: 'connection',
};

/** Keys that hold the request time; the value's shape says which variable. */
const TIME_KEYS = new Set(['timelocal', 'timeiso8601', 'msec', 'time', 'timestamp', 'datetime', 'date']);

/** nginx variables an access log carries, by normalised name (ngx_http_core_module, ngx_http_log_module, ngx_http_upstream_module). */
const NGINX_VARIABLES = new Map(
  (
    'remote_addr remote_user time_local time_iso8601 msec request request_method request_uri uri args query_string status ' +
    'body_bytes_sent bytes_sent request_length request_time http_referer http_user_agent http_x_forwarded_for http_host host ' +
    'server_name server_protocol scheme connection connection_requests request_id req_id upstream_addr upstream_status ' +
    'upstream_connect_time upstream_header_time upstream_response_time upstream_response_length upstream_cache_status ' +
    'proxy_upstream_name ssl_protocol ssl_cipher'
  )
    .split(' ')
    .map((v) => [normalise(v), v]),
);
/** Keys that count toward the nginx evidence only with two others: every JSON access log has them. */
const COMMON = new Set(['status', 'request', 'request_method', 'request_uri', 'uri', 'remote_addr']);

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const CLF_TIME = /^\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}$/;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
const REQUEST_LINE = /^[A-Z]+ \S+(?: HTTP\/\d(?:\.\d)?)?$/;

/**
 * The variable a top-level key's value is read into, or undefined when its name or value says nothing. A usual
 * name gives way to the variable's own name elsewhere in the line (`"client_ip":"$http_x_forwarded_for"` beside
 * `"remote_addr"`).
 */
function variableOf(key: string, value: string, line: string): string | undefined {
  const n = normalise(key);
  if (TIME_KEYS.has(n)) {
    if (CLF_TIME.test(value)) return 'time_local';
    if (ISO_TIME.test(value)) return 'time_iso8601';
    return /^\d{10}(?:\.\d+)?$/.test(value) ? 'msec' : undefined;
  }
  const own = NGINX_VARIABLES.get(n);
  const named = own ?? (NAMED[n] !== undefined && !line.includes(`"${NAMED[n]}"`) ? NAMED[n] : undefined);
  if (named === 'status' && !/^\d{3}$/.test(value)) return undefined;
  if (named === 'request' && !REQUEST_LINE.test(value)) return undefined;
  return named;
}

/**
 * Objects inside the line whose keys name the request's fields: Google Cloud Logging's `httpRequest`, and the same
 * fields under `request` or `http` (ingress-nginx users' GCP-style formats, kubernetes/ingress-nginx#10847).
 */
const REQUEST_OBJECTS = new Set(['httprequest', 'request', 'http']);

const WS = /\s*/y;
const STRING = /"((?:[^"\\]|\\.)*)"/y;
/** A value nginx wrote without quotes: up to the `,` before the next key or the closing brace. */
const BARE = /(?:[^,}]|,(?!\s*"))+?(?=\s*(?:,\s*"|\}))/y;

class Template {
  private readonly line: string;
  pos = 0;
  text = '';
  private readonly used = new Set<string>();
  private field = 0;
  /** Variables given by key name, and how many of them are nginx's. */
  readonly named = new Set<string>();
  evidence = 0;

  constructor(line: string) {
    this.line = line;
  }

  /** Copies what `pattern` matches at the position into the format; null when it does not match. */
  take(pattern: RegExp, copy = true): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.line);
    if (!m) return null;
    this.pos = pattern.lastIndex;
    if (copy) this.text += m[0];
    return m;
  }

  char(c: string): boolean {
    if (this.line[this.pos] !== c) return false;
    this.text += c;
    this.pos++;
    return true;
  }

  variable(name: string | undefined): string {
    const v = name !== undefined && !this.used.has(name) ? name : `field_${this.field++}`;
    this.used.add(v);
    if (v === name) {
      this.named.add(v);
      if (!COMMON.has(v) && NGINX_VARIABLES.has(normalise(v))) this.evidence++;
    }
    return `$${v}`;
  }

  /**
   * One object; `top` names variables by key (the line's own object, and a request object inside it).
   * False when the line is not an object nginx could write.
   */
  object(top: boolean): boolean {
    if (!this.char('{')) return false;
    this.take(WS);
    if (this.char('}')) return true;
    for (;;) {
      const key = this.take(STRING);
      if (!key || key[0].includes('$')) return false;
      this.take(WS);
      if (!this.char(':')) return false;
      this.take(WS);
      if (!this.value(top ? key[1] : undefined, top && REQUEST_OBJECTS.has(normalise(key[1] ?? '')))) return false;
      this.take(WS);
      if (this.char('}')) return true;
      if (!this.char(',')) return false;
      this.take(WS);
    }
  }

  private value(key: string | undefined, namedInside = false): boolean {
    const c = this.line[this.pos];
    if (c === '{') return this.object(namedInside);
    if (c === '[') return false;
    const quoted = c === '"';
    const m = this.take(quoted ? STRING : BARE, false);
    if (!m) return false;
    const raw = quoted ? (m[1] as string) : m[0];
    // Apache's `%t` keeps its brackets inside the quotes (`"time":"[03/Dec/2025:14:25:56 +0000]"`).
    const bracketed = quoted && key !== undefined && TIME_KEYS.has(normalise(key)) && /^\[.*\]$/.test(raw);
    const v = this.variable(key === undefined ? undefined : variableOf(key, bracketed ? raw.slice(1, -1) : raw, this.line));
    this.text += bracketed ? `"[${v}]"` : quoted ? `"${v}"` : v;
    return true;
  }
}

/** The inferred format, or null when the line is no JSON object or not evidently nginx's. */
export function inferJsonLogFormat(line: string): string | null {
  const t = new Template(line);
  if (!t.object(true) || !/^\s*$/.test(line.slice(t.pos))) return null;
  const request = t.named.has('request') || t.named.has('request_uri') || t.named.has('uri');
  return t.named.has('status') && request && t.evidence >= 2 ? t.text + line.slice(t.pos) : null;
}
