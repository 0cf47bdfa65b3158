/**
 * Compiles an nginx `log_format` string into what the scanner and parser need: the format becomes literals and
 * variables, each variable ends where the next literal starts; per variable, its role for the analysis, what may
 * look like its end but is not, and the value length to try first. format-scanner.ts turns this into code;
 * nginx-format.ts parses lines with it.
 */
import { HttpwhyError } from '../../errors.ts';
import type { FormatId } from '../types.ts';

/** A literal that starts with `"` may be an escaped `\"` inside the value; one that starts with a space may be a `, ` or ` : ` inside an upstream list. */
export const CHECK = { none: 0, escapedQuote: 1, listSeparator: 2 } as const;

/** What the analysis reads from a variable's value. */
export const ROLE = {
  other: 0,
  client: 1,
  timeLocal: 2,
  timeIso: 3,
  timeMsec: 4,
  request: 5,
  method: 6,
  uri: 7,
  status: 8,
  requestId: 9,
  upstreamStatus: 10,
  upstreamAddr: 11,
  upstreamConnect: 12,
  upstreamHeader: 13,
  requestTime: 14,
  connection: 15,
  upstreamLength: 16,
} as const;
const ROLE_COUNT = 17;

const VARIABLE_ROLES: Record<string, number> = {
  remote_addr: ROLE.client,
  // ingress-nginx's (before 0.25): the client's address from X-Forwarded-For or the PROXY protocol when trusted.
  the_real_ip: ROLE.client,
  time_local: ROLE.timeLocal,
  time_iso8601: ROLE.timeIso,
  msec: ROLE.timeMsec,
  request: ROLE.request,
  request_method: ROLE.method,
  request_uri: ROLE.uri,
  uri: ROLE.uri,
  status: ROLE.status,
  request_id: ROLE.requestId,
  req_id: ROLE.requestId,
  http_x_request_id: ROLE.requestId,
  upstream_status: ROLE.upstreamStatus,
  upstream_addr: ROLE.upstreamAddr,
  upstream_connect_time: ROLE.upstreamConnect,
  upstream_header_time: ROLE.upstreamHeader,
  upstream_response_length: ROLE.upstreamLength,
  request_time: ROLE.requestTime,
  connection: ROLE.connection,
};

/** Presets, written as nginx would (`$remote_ident` stands for Apache's `%l`, usually "-"). */
export const PRESET_FORMATS = {
  combined: '$remote_addr $remote_ident $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  common: '$remote_addr $remote_ident $remote_user [$time_local] "$request" $status $body_bytes_sent',
  'nginx-main':
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"',
  // Nginx Proxy Manager's proxy hosts (docker/rootfs/etc/nginx/conf.d/include/log-proxy.conf, `log_format proxy`).
  'nginx-proxy-manager':
    '[$time_local] $upstream_cache_status $upstream_status $status - $request_method $scheme $host "$request_uri" [Client $remote_addr] [Length $body_bytes_sent] [Gzip $gzip_ratio] [Sent-to $server] "$http_user_agent" "$http_referer"',
  // NPMplus, Nginx Proxy Manager's fork (ZoeyVid/NPMplus rootfs/usr/local/nginx/conf/nginx.conf, `log_format log`,
  // written to /data/nginx/access.log when its access log is on): the host first, no upstream fields.
  npmplus: '[$time_local] $host $remote_addr $request_time "$request" $status $body_bytes_sent $bytes_sent $http_referer $http_user_agent',
  // Elastic Beanstalk's enhanced health log, which its nginx writes for the health agent to every instance's
  // /var/log/nginx/healthd/application.log.<yyyy-mm-dd-hh> (`log_format healthd`, documented in "Enhanced health log
  // format": https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced-serverlogs.html): double quotes
  // between the fields, no method, no upstream status.
  'aws-eb-healthd': '$msec"$uri"$status"$request_time"$upstream_response_time"$http_x_forwarded_for',
  // Confluence's and Jira's Tomcat access log in Atlassian's AccessLogValve pattern (`%t %{X-AUSERNAME}o %I %h %r %s %Dms
  // %b %{Referer}i %{User-Agent}i`; from Confluence 7.11 `%{X-Forwarded-For}i` after the time), as plaso's parsers
  // read it (log2timeline/plaso@4ea03ef9a48dad5284c371ac9b537a184b3eea9c plaso/parsers/text_plugins/confluence_access.py):
  // the request, the referer and the user agent unquoted, the thread's name before the client, the time in ms.
  'atlassian-access':
    '[$time_local] $remote_user $thread $remote_addr $request_method $request_uri $server_protocol $status ${request_ms}ms $body_bytes_sent $http_referer $http_user_agent',
  'atlassian-access-xff':
    '[$time_local] $http_x_forwarded_for $remote_user $thread $remote_addr $request_method $request_uri $server_protocol $status ${request_ms}ms $body_bytes_sent $http_referer $http_user_agent',
  // Apache APISIX's default `nginx_config.http.access_log_format` (conf/config-default.yaml, the same from 2.x to 3.x:
  // apache/apisix@0028b08d4e8c10c06a65d353cd8a3c8e7ccd3903): the Host after the time, the upstream's fields at the end.
  // Its last field, `"$upstream_scheme://$upstream_host$upstream_uri"`, joins two variables nothing separates, so it
  // is read here as one (the analysis reads none of the three).
  apisix:
    '$remote_addr - $remote_user [$time_local] $http_host "$request" $status $body_bytes_sent $request_time "$http_referer" "$http_user_agent" $upstream_addr $upstream_status $upstream_response_time "$upstream_scheme://$upstream_target"',
  // Apache's `vhost_combined` (Debian's and Ubuntu's apache2.conf, for other_vhosts_access.log):
  // `%v:%p %h %l %u %t "%r" %>s %O "%{Referer}i" "%{User-Agent}i"`, the virtual host and its port first.
  'apache-vhost-combined':
    '$server_name:$server_port $remote_addr $remote_ident $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  // BunkerWeb's default LOG_FORMAT (src/common/settings.json at bunkerity/bunkerweb@2ae80bbbe46e7253fd080df807dceb9d20a60a77):
  // nginx-proxy's with its request id between the dash and the user.
  bunkerweb: '$host $remote_addr - $request_id $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  // nginx-proxy (jwilder/nginx-proxy, nginx.tmpl `log_format vhost`): the virtual host first. Its releases since 2021
  // add ` "$upstream_addr"` at the end, which a line of this preset may carry (fields after the last one read are not checked).
  'nginx-proxy': '$host $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  'ingress-nginx':
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id',
} as const satisfies Partial<Record<FormatId, string>>;

export interface CompiledFormat {
  source: string;
  /** The format writes one JSON object per line (`log_format … escape=json '{"status":$status,…}'`): format `nginx-json`. */
  json: boolean;
  variables: string[];
  /** Per variable, what may look like its end but is not (CHECK); decided once here, not per line. */
  checks: Uint8Array;
  /** Per variable, the value length to check for before searching (0: search at once); see `guessLengths`. */
  guesses: Uint8Array;
  /** literals[0] precedes the first variable; literals[i + 1] follows variable i (as latin1 bytes, like line text). */
  literals: string[];
  /** Variable index per role, -1 when absent. */
  byRole: Int8Array;
  /** Last variable the analysis reads; later ones are skipped outside strict mode. */
  lastUsed: number;
}

/** Lines are scanned as latin1 text, so literals are compared as their UTF-8 bytes read the same way. */
function asLineText(s: string): string {
  return Buffer.from(s).toString('latin1');
}

/** Accepts the string as written in nginx.conf, with or without `log_format <name>`, the `'…' '…'` quoting and `escape=`. */
function unquote(text: string): string {
  const body = text
    .trim()
    .replace(/^log_format\s+\w+\s+/, '')
    .replace(/^escape=\w+\s+/, '')
    .replace(/;$/, '');
  const segments = [...body.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  return segments.length > 0 && body.startsWith("'") ? segments.join('') : body;
}

export function compileLogFormat(text: string): CompiledFormat {
  const source = unquote(text);
  const variables: string[] = [];
  const literals: string[] = [];
  let last = 0;
  for (const m of source.matchAll(/\$(?:\{(\w+)\}|(\w+))/g)) {
    const literal = source.slice(last, m.index);
    if (variables.length > 0 && literal === '') {
      throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', `Variables $${variables.at(-1)} and $${m[1] ?? m[2]} touch: nothing separates them, so the log cannot be split.`);
    }
    literals.push(asLineText(literal));
    variables.push(m[1] ?? m[2] ?? '');
    last = m.index + m[0].length;
  }
  literals.push(asLineText(source.slice(last)));
  const roles = Int8Array.from(variables, (v) => VARIABLE_ROLES[v] ?? ROLE.other);
  const byRole = new Int8Array(ROLE_COUNT).fill(-1);
  roles.forEach((role, i) => {
    if (role !== ROLE.other && byRole[role] === -1) byRole[role] = i;
  });
  if (byRole[ROLE.status] === -1) {
    throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', 'The log format has no $status variable, so statuses cannot be counted.', { format: source });
  }
  const lastUsed = roles.findLastIndex((role) => role !== ROLE.other);
  const checks = Uint8Array.from(variables, (_, v) => {
    const next = (literals[v + 1] as string) || ' ';
    if (next.startsWith('"')) return CHECK.escapedQuote;
    // `$upstream_*` values may hold `, ` and ` : ` separators (one entry per upstream tried).
    return (variables[v] as string).startsWith('upstream_') && next.startsWith(' ') ? CHECK.listSeparator : CHECK.none;
  });
  return { source, json: source.startsWith('{'), variables, checks, guesses: guessLengths(variables, literals, byRole), literals, byRole, lastUsed };
}

/** Chars of a `$time_local` value (`10/Oct/2000:13:55:36 -0700`), which ClfTime checks one by one. */
const CLF_CHARS = /[\w/: +.-]/;
export const CLF_LENGTH = 26;

/**
 * Most values have a usual length: `$status` three digits, `$time_local` 26 chars, most others a lone `-`.
 * The scanner checks for the next literal there before searching. A guess is only taken when no earlier match
 * can exist: a lone char must not start the literal; time and status are validated after the scan, and their
 * literal starts with a char those values never hold (the parser searches again when validation fails).
 */
function guessLengths(variables: string[], literals: string[], byRole: Int8Array): Uint8Array {
  return Uint8Array.from(variables, (_, v) => {
    const next = (literals[v + 1] as string)[0];
    if (next === undefined) return 0;
    if (v === byRole[ROLE.status]) return /\d/.test(next) ? 0 : 3;
    if (v === byRole[ROLE.timeLocal]) return CLF_CHARS.test(next) ? 0 : CLF_LENGTH;
    return 1;
  });
}
