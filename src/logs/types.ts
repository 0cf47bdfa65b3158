/**
 * The types every room of the log analyzer shares (and imports from here): causes, evidence, the records parsers
 * hand to the analysis, format ids and file roles.
 */
import type { Confidence } from '../confidence.ts';

export type { Confidence } from '../confidence.ts';

/** Why a 5xx, 499 or 009 happened, as far as the logs tell. The class follows from the cause (`issuerClassOf`). */
export const CAUSES = [
  'app-error',
  'app-overload',
  'refused',
  'connect-failed',
  'unreachable',
  'reset',
  'timeout',
  'invalid-response',
  'header-too-big',
  'non-http-reply',
  'no-live-upstream',
  'dns',
  'tls',
  'app-start-failed',
  'load-shed',
  'client-closed',
  'proxy-config',
  'upstream-failed',
  'unknown',
] as const;
/** Why a 5xx, 499 or 009 happened, as far as the logs tell: one of {@link CAUSES}. */
export type Cause = (typeof CAUSES)[number];

/** Who issued the status: the application, the proxy in front of it, or not decidable from these logs. */
export type IssuerClass = 'app' | 'proxy' | 'unknown';

export function issuerClassOf(cause: Cause): IssuerClass {
  if (cause === 'app-error' || cause === 'app-overload') return 'app';
  return cause === 'unknown' ? 'unknown' : 'proxy';
}

/** Why a verdict stayed `unknown`. */
export const UNKNOWN_REASONS = ['no-signals', 'ambiguous-upstream-status', 'app-log-no-coverage', 'app-log-errors-only'] as const;
/** Why a classification stayed unknown: one of {@link UNKNOWN_REASONS}. */
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];


/** One fact behind a verdict. `kind` is translated in reports; `detail` is raw log text. */
export const EVIDENCE_KINDS = [
  'status-009',
  'status-499',
  'upstream-fields',
  'no-upstream-attempt',
  'upstream-group',
  'controller-default-server',
  'error-log',
  'app-error',
  'app-status',
  'app-seen',
  'app-absent',
  'haproxy-termination',
  'squid-codes',
  'envoy-flags',
  'alb-status',
  'traefik-origin',
  'caddy-response',
  'traefik-service',
  'kong-latencies',
  'gorouter-error',
  'cloudflare-status',
  'gcp-status-details',
  'apigateway-integration',
  'azure-error-info',
  'iis-status',
  'cloudfront-result',
  'elb-status',
  'heroku-code',
  'vercel-reason',
  'error-page-size',
  'zoraxy-router',
  'fastly-state',
  'tyk-flags',
  'varnish-fetch',
  'log-writer',
  'error-log-silent',
] as const;
/** What kind of log fact backs a classification: one of {@link EVIDENCE_KINDS}. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One fact from the logs behind a classification: its kind (translated in reports) and the raw log text. */
export interface LogEvidence {
  kind: EvidenceKind;
  detail: string;
}

/** What a proxy's own access-log fields say about one entry. */
export interface Signal {
  cause: Cause;
  confidence: Confidence;
  evidence: LogEvidence;
  /** False when the fields only hint (e.g. nginx's own 502 in `$upstream_status`); other evidence may overrule. */
  decisive: boolean;
  /** Set with an `unknown`-leaning hint to explain why the fields are not enough. */
  reason?: UnknownReason;
}

/** A time as logged: epoch milliseconds, or a wall-clock time with no zone (`local`). NaN when absent. */
export interface LoggedTime {
  ms: number;
  local: boolean;
}

/** One access-log entry, materialised only for lines that need it (5xx, 499, 009, flagged). */
export interface AccessRecord {
  status: number;
  /** Epoch ms (NaN when the format has no time). */
  timeMs: number;
  /** Offset of the logged wall clock from UTC, in minutes (0 for epoch/UTC formats). */
  tzOffsetMin: number;
  client: string;
  method: string;
  path: string;
  requestId: string;
  /** Last upstream address or server tried ('' when unknown). */
  upstream: string;
  /** nginx `$connection`, when logged. */
  connection: string;
  /** Seconds, NaN when not logged. */
  requestTime: number;
  signal: Signal | null;
  /** The line's own fields show a body cut short after a 2xx/3xx (HAProxy SD, Envoy UR/UC), else null. */
  truncatedBy: LogEvidence | null;
  /**
   * An entry that logged no HTTP status (0): a TCP session, not an HTTP request (Envoy's TCP proxy, a Classic ELB
   * TCP listener, a hijacked WebSocket), or a request whose status the proxy wrote as `-`. It is counted as a request
   * with no status and gets a verdict only when its own fields say it failed (`signal`).
   */
  tcp?: true;
  /** For a line read inside a wrapper: where it came from. */
  origin?: LineOrigin;
}

/** Phase of an upstream failure: before the response header reached the client, or while relaying the body. */
export type ErrorPhase = 'header' | 'body' | 'none';

/** One line of a proxy error log (nginx, Apache, Caddy). */
export interface ProxyErrorEvent {
  time: LoggedTime;
  cause: Cause;
  phase: ErrorPhase;
  message: string;
  client: string;
  /** Request line `GET /x HTTP/1.1`, or method + path when that is all the log has (''). */
  request: string;
  connection: string;
  upstream: string;
  /** For app-side messages relayed by the proxy (FastCGI stderr), the app's text. */
  appMessage: string;
  /**
   * The status the proxy answered with, when its error line says so and that line stands for the response (Caddy's
   * `http.log.error` at level error): with no access entry for the request, the event is that response's verdict.
   */
  status?: number;
  /**
   * Logged while the request ran, by a server whose access line carries the request's start (Apache's `%t`): it may
   * come seconds after that line's time.
   */
  duringRequest?: true;
  /** For a line read inside a wrapper: where it came from. */
  origin?: LineOrigin;
}

/** The lines that followed an app entry (a stack trace), the first `MAX_STACK_LINES` of them; the rest counted. */
export interface AppStack {
  lines: string[];
  omitted: number;
}

/** One application-log entry: its line, and the continuation lines after it in `stack`. */
export interface AppEvent {
  time: LoggedTime;
  requestId: string;
  method: string;
  path: string;
  /** HTTP status the app logged, 0 when none. */
  status: number;
  isError: boolean;
  message: string;
  /** Stack trace from a JSON field or the continuation lines; grows while those lines are read. */
  stack: AppStack;
  /** For a line read inside a wrapper: where it came from. */
  origin?: LineOrigin;
}

/** Where one line came from, for examples and drill-down. */
export interface LineRef {
  file: string;
  line: number;
}

/**
 * Every format the analyzer reads, each with its line in formats/registry.ts. `nginx-custom` is an nginx
 * `log_format` string given with `--format` or inferred from the lines; `nginx-json` the same for a format that
 * writes a JSON object per line.
 */
export const FORMAT_IDS = [
  'combined',
  'common',
  'apache-vhost-combined',
  'nginx-main',
  'nginx-proxy-manager',
  'npmplus',
  'aws-eb-healthd',
  'atlassian-access',
  'atlassian-access-xff',
  'apisix',
  'bunkerweb',
  'nginx-proxy',
  'ingress-nginx',
  'traefik-clf',
  'nginx-custom',
  'nginx-json',
  'nginx-error',
  'apache-error',
  'lighttpd-error',
  'litespeed-error',
  'haproxy-alert',
  'fly-proxy',
  'go-httputil',
  'haproxy',
  'squid',
  'alb',
  'aws-elb',
  'aws-apigateway',
  'aws-apigateway-execution',
  'cloudfront',
  'iis-w3c',
  'envoy',
  'envoy-json',
  'caddy',
  'traefik-json',
  'kong',
  'tyk',
  'linkerd',
  'skipper',
  'krakend',
  'gorouter',
  'heroku-router',
  'vercel',
  'cloudflare-logpush',
  'cloudflared',
  'traefik-log',
  'varnishlog',
  'pound',
  'oauth2-proxy',
  'fastly',
  'bunny-cdn',
  's3-access',
  'gcp-lb',
  'azure-appgw',
  'azure-frontdoor',
  'azure-apim',
  'zoraxy',
  'kamal-proxy',
  'authentik-outpost',
  'app-json',
  'app-text',
] as const;
/** A log format httpwhy reads: one of {@link FORMAT_IDS}. */
export type FormatId = (typeof FORMAT_IDS)[number];

/**
 * What logs arrive wrapped in, each read around every format (formats/wrappers/): docker's json-file, CRI /
 * containerd, docker compose (and forego) prefixes, `kubectl logs --prefix`, kail's and kubetail's pod prefixes, a
 * time before the line (`kubectl logs --timestamps`, `docker logs -t`, Docker Desktop, s6-log), the attributes
 * `docker logs --details` writes, stern's pod and container, grep's file name and line number (`-H`, `-n`), syslog
 * (RFC 3164 and journalctl's short outputs), RFC 5424, the `ACCESS ` prefix Emissary puts before Envoy's access
 * lines, the time, source and stream `cf logs` writes before Cloud Foundry's, the BOSH CLI's instance prefix, the
 * time and `source[dyno]` Heroku's Logplex writes, the time, `source[machine]`, region and level `fly logs` writes, Google Cloud Logging's severity, time and summary fields as Logs
 * Explorer copies an entry, a CloudWatch Logs Insights CSV export's rows, an indentation of whole lines (a list or quote they were copied from), and a line pasted
 * as inline code, as a markdown quote or in markdown bold.
 */
export const WRAPPER_IDS = ['docker-json', 'cri', 'compose', 'kubectl-prefix', 'kail', 'kubetail', 'timestamps', 'docker-details', 'stern', 'grep', 'syslog', 'syslog-5424', 'emissary', 'cf-logs', 'bosh', 'heroku', 'fly', 'gcp-logging', 'cloudwatch-csv', 'fluent-bit-stdout', 'indent', 'inline-code', 'markdown-quote', 'markdown-bold'] as const;
export type WrapperId = (typeof WRAPPER_IDS)[number];

/** What a wrapper tells about its line: the container, service or host it came from, and its stream. '' when not told. */
export interface LineOrigin {
  host: string;
  stream: '' | 'stdout' | 'stderr';
}

/** What an input holds; error logs are read first so access lines can link to their events. */
export type FileRole = 'access' | 'error' | 'app';
