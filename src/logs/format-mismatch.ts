/**
 * A format given with `--format` (or `--app-format`) that reads none of an input's lines is bad input, not an
 * empty report: the error shows the input's first lines, what the format expects, and what detection reads there.
 * A format that fits the lines with text left over (`combined` on nginx's `main`) is no mismatch, though its
 * parser leaves those lines to the format that reads them whole (file-sink.ts).
 */
import { HttpwhyError } from '../errors.ts';
import { detectInput, fitsFormat, PRESET_FORMATS, type ParserOptions } from './formats/index.ts';
import type { FileStats } from './input/index.ts';
import type { FormatId } from './types.ts';

/** The formats read through an nginx log_format: a preset's string, or the one given (`nginx-custom`, `nginx-json`). */
type LogFormatId = keyof typeof PRESET_FORMATS | 'nginx-custom' | 'nginx-json';

/**
 * What every other format expects, as docs/log-formats.md's "detected by" column says it. A new format id fails the
 * type check until it is described here.
 */
const EXPECTED: Record<Exclude<FormatId, LogFormatId>, string> = {
  'traefik-clf': 'Traefik CLF lines: combined, then a request count, "router" "service URL" and a duration in ms',
  'nginx-error': 'nginx error-log lines: YYYY/MM/DD HH:MM:SS [level] PID#TID: *CONN message, client: …, request: "…"',
  'apache-error': 'Apache error-log lines: [Www Mmm dd hh:mm:ss.uuuuuu yyyy] [module:level] [pid N:tid N] message',
  'lighttpd-error': 'lighttpd error-log lines: YYYY-MM-DD HH:MM:SS: (source.c.line) message',
  'haproxy-alert': "HAProxy's own messages: [WARNING] (pid) : Server backend/server is DOWN, reason: …, or backend 'name' has no server available",
  'fly-proxy': 'Fly Proxy\'s error lines in fly logs: <time> proxy[machine] region [error][PU02] could not complete HTTP request to instance: …',
  'go-httputil': "Go reverse proxies' error lines (net/http/httputil): [YYYY/MM/DD HH:MM:SS ]http: proxy error: <Go error>",
  vercel: 'Vercel runtime log lines: [METHOD] /path status=NNN, with reason=CODE, before the status for Vercel\'s own errors',
  'litespeed-error': 'LiteSpeed error-log lines: YYYY-MM-DD HH:MM:SS.uuuuuu [LEVEL] [client:port#vhost] message',
  haproxy:
    'HAProxy lines of option httplog, httpslog or httplog clf (or JSON naming its fields), with or without a syslog header: client:port [accept date] frontend backend/server Tq/Tw/Tc/Tr/Ta status bytes … "request"',
  squid: "Squid native access.log lines: epoch.ms elapsed client result/status bytes method URL user hierarchy/peer type",
  alb: 'AWS Application Load Balancer entries: type time elb client:port target:port times elb_status target_status … "request" …',
  'aws-elb': 'AWS Classic Load Balancer entries: ISO time, name, client:port, backend:port or -, three timings, elb_status_code backend_status_code …',
  cloudfront: 'AWS CloudFront standard log lines (tab-separated, after a #Fields: line with x-edge-… fields, or in the legacy field order)',
  'iis-w3c': 'IIS W3C extended log lines, after a #Fields: line (or in IIS\'s default field order)',
  envoy: 'Envoy or Istio default text lines: [time] "METHOD path protocol" code flags … bytes duration …, or Envoy\'s own log: [time][thread][level][component] message',
  'envoy-json': 'Envoy JSON access-log lines with response_code and response_flags, response_code_details, upstream_cluster or upstream_host',
  caddy: 'Caddy JSON lines with a numeric "ts" and a "logger" of http.log.access… or http.log.error…',
  'traefik-json': 'Traefik JSON access-log lines (DownstreamStatus, OriginStatus, RequestMethod, RequestPath…)',
  kong: 'Kong log-plugin JSON lines with latencies, request and response.status',
  linkerd: 'Linkerd proxy access-log lines: client:port identity - [RFC 3339 time] "METHOD uri version" status, or the same as JSON (client.addr, total_ns)',
  tyk: 'Tyk Gateway access-log entries: time="…" level=info … prefix=access-log … status=… (or the same keys as JSON)',
  skipper: 'Skipper access-log lines: a combined line, then the duration in ms, the requested host, the flow id (and the audit value); or the same keys as JSON ("requested-host", "flow-id")',
  krakend: 'KrakenD\'s Gin request lines ([GIN] date - time | status | duration | client | METHOD "path"), with its [KRAKEND] lines or Lura\'s "Error #01: invalid status code" under a request',
  'aws-apigateway': 'Amazon API Gateway access-log records: a JSON object per request with "httpMethod", "resourcePath" or "routeKey", and "status" (the console\'s JSON formats)',
  'aws-apigateway-execution': "Amazon API Gateway execution-log lines: (request id) message, or the console Test output's date : message, each request ending with 'Method completed with status: NNN'",
  gorouter: 'Cloud Foundry Gorouter lines: host - [RFC 3339 time] "request" status bytes bytes "referer" "agent" "client" "backend" key:"value"… with vcap_request_id or x_cf_routererror',
  'heroku-router': 'Heroku router lines: at=info|error [code=Hxx desc="…"] method=… path=… host=… request_id=… dyno=… connect=…ms service=…ms status=… bytes=…',
  cloudflared: 'cloudflared (Cloudflare Tunnel) log lines: RFC 3339 time, level (INF, ERR…), message and key=value fields, with its "Request failed error=… dest=…" lines',
  'traefik-log': 'Traefik\'s own debug log: logrus lines (time="…" level=debug msg="\'502 Bad Gateway\' caused by: …") or zerolog lines (… DBG … > 502 Bad Gateway error="…"), with oxy\'s "Round trip: …, code: 502" lines in Traefik 1.x',
  varnishlog: "varnishlog output: transaction blocks ('*   << Request  >> 262') of tag lines ('-   RespStatus     503'), each closed by End",
  pound: 'Pound log lines: its own errors as "(<thread>) e503: <client> "<request>": <message>", its request log as "<client> <request> - HTTP/1.1 200 OK"',
  'oauth2-proxy': 'OAuth2 Proxy request-log lines: <client> - <request id> - <user> [YYYY/MM/DD HH:MM:SS] <host> <method> <upstream> "<uri>" <protocol> "<agent>" <status> <size> <duration>',
  'cloudflare-logpush': 'Cloudflare Logpush http_requests JSON lines with EdgeResponseStatus',
  'gcp-lb': 'Google Cloud load balancer LogEntry JSON lines with httpRequest (resource type http_load_balancer, or jsonPayload.statusDetails)',
  'azure-appgw': 'Azure Application Gateway access-log JSON records (category ApplicationGatewayAccessLog)',
  'azure-frontdoor': 'Azure Front Door access-log JSON records (category FrontdoorAccessLog)',
  'azure-apim': 'Azure API Management GatewayLogs records: JSON with "category": "GatewayLogs" and responseCode (in properties, at the top level, or as ApiManagementGatewayLogs columns)',
  fastly: 'Fastly JSON log lines: a status and a key named for Fastly (fastly_server…) or response_state (fastly_info.state)',
  'bunny-cdn': 'Bunny CDN log lines (Logging API v1): cache status|status|timestamp ms|bytes|pull zone|ip|referer|url|edge|user agent|request id|country',
  's3-access': 'Amazon S3 server access log lines: bucket owner, bucket, [time], remote IP, requester, request id, operation (REST.GET.OBJECT), key, "request-uri", status, error code',
  zoraxy: 'Zoraxy request lines: [yyyy-mm-dd hh:mm:ss.micro] [router:…] [origin:…] [client: …] [useragent: …] METHOD path status',
  'authentik-outpost': 'authentik outposts\' JSON records: {"event":<path>,"host":…,"logger":"authentik.outpost.proxyv2.application","method":…,"status":…}',
  'kamal-proxy': 'kamal-proxy\'s JSON records: {"time":…,"level":"INFO","msg":"Request","host":…,"port":…,"path":…,"status":…,"service":…,"target":…}',
  'app-json': 'one JSON object per line, as application loggers write them',
  'app-text': 'plain-text application log lines',
};

function expectation(format: FormatId, logFormat: string | undefined): string {
  if (logFormat !== undefined) return format === 'haproxy' ? 'lines written with that HAProxy log-format' : 'lines written with that nginx log_format';
  const preset = (PRESET_FORMATS as Partial<Record<FormatId, string>>)[format];
  if (preset) return `lines written with the log_format '${preset}'`;
  return isDescribed(format) ? EXPECTED[format] : 'lines written with a given nginx log_format';
}

function isDescribed(format: FormatId): format is Exclude<FormatId, LogFormatId> {
  return Object.hasOwn(EXPECTED, format);
}

/** Where a forced input came from: its peeked head (the lines a format is tried on) and how it was given. */
export interface ForcedSource {
  head: Buffer;
  complete: boolean;
  app: boolean;
  /** The option that forced the format: `--format` or `--app-format`. */
  flag: string;
  /** The nginx log_format or HAProxy log-format string given with the option, if that is what it was. */
  logFormat?: string;
}

/**
 * HW_ERR_LOGS_FORMAT_MISMATCH when the forced `format` read none of an input's lines and fits none of its first
 * ones even with text left over; null otherwise.
 */
export function formatMismatch(stats: FileStats, format: FormatId, source: ForcedSource, parsing: ParserOptions): HttpwhyError | null {
  if (stats.error !== null || stats.contentLines === 0 || stats.ownFormatLines > 0) return null;
  if (fitsFormat(source.head, source.complete, format, parsing)) return null;
  const given = source.logFormat === undefined ? format : `'${source.logFormat}'`;
  // Detection as without the option: HAProxy's parser reads only the given log-format when there is one.
  const detected = detectInput(source.head, source.complete, source.app, { ...parsing, haproxy: undefined });
  const instead = detected && detected.format !== format ? `\nWithout ${source.flag}, it reads as ${detected.format} (${detected.matched} of its first ${detected.sampled} lines).` : '';
  const lines = stats.firstLines.map((l) => `\n  ${stats.name}:${l.line}  ${l.text}`).join('');
  return new HttpwhyError(
    'HW_ERR_LOGS_FORMAT_MISMATCH',
    `${source.flag} ${given} reads none of the ${stats.contentLines} lines of ${stats.name}; it expects ${expectation(format, source.logFormat)}. The file starts:${lines}${instead}`,
    { file: stats.name, format, firstLines: stats.firstLines, detected: detected?.format ?? null },
  );
}
