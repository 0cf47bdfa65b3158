/**
 * The configuration the log-setup doctor prints, per proxy: what makes each one log the fields httpwhy reads
 * (fingerprints.md, logs-and-lab.md §7), and each proxy's own name for the facts a weak verdict lacked. The nginx,
 * HAProxy and Caddy snippets are run by `test/logs/log-setup.test.ts` in the real proxies, whose logs httpwhy then reads.
 */
import type { LogGap } from '../analysis/index.ts';

/** A proxy whose log setup the doctor knows (`combined` and `common` logs are taken to be nginx's). */
export type SetupProxy = 'nginx' | 'ingress-nginx' | 'haproxy' | 'caddy' | 'traefik' | 'envoy' | 'alb';

/**
 * The nginx `log_format`, in the parts nginx.conf writes on separate lines: `combined`, so every combined reader
 * still reads it, then `key=value` fields that httpwhy recognises without `--format` (formats/infer-format.ts).
 */
const NGINX_FORMAT_PARTS = [
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" ',
  'request_id=$request_id upstream_status="$upstream_status" upstream_addr="$upstream_addr" ',
  'upstream_connect_time="$upstream_connect_time" upstream_header_time="$upstream_header_time" ',
  'upstream_response_time="$upstream_response_time" request_time=$request_time',
];

/** The format as one string, as `--format` takes it. */
export const NGINX_LOG_FORMAT = NGINX_FORMAT_PARTS.join('');

const NGINX = `log_format httpwhy ${NGINX_FORMAT_PARTS.map((p) => `'${p}'`).join('\n    ')};
access_log /var/log/nginx/access.log httpwhy;
error_log /var/log/nginx/error.log warn;
proxy_set_header X-Request-Id $request_id;`;

const INGRESS_NGINX = `# ConfigMap of the ingress-nginx controller (kubectl -n ingress-nginx edit configmap ingress-nginx-controller)
data:
  log-format-upstream: >-
    ${NGINX_LOG_FORMAT.replace('=$request_id', '=$req_id')}`;

const HAPROXY = `defaults
    mode http
    log global
    option httplog

frontend www
    unique-id-format %[uuid()]
    unique-id-header X-Request-Id
    http-request capture unique-id len 36`;

const CADDY = `{
    log default {
        output file /var/log/caddy/caddy.log
        format json
    }
}

example.com {
    log {
        output file /var/log/caddy/access.log
        format json
    }
    request_header X-Request-Id {http.request.uuid}
    header X-Request-Id {http.request.uuid}
    reverse_proxy 127.0.0.1:8080
}`;

const TRAEFIK = `# traefik.yml (static configuration)
accessLog:
  filePath: /var/log/traefik/access.log
  format: json
  fields:
    defaultMode: keep
    headers:
      defaultMode: drop
      names:
        X-Request-Id: keep`;

/** Istio's layout of Envoy's text access log (the fields httpwhy reads: flags, details, failure reason, request id, upstream host). */
export const ENVOY_LOG_FORMAT =
  '[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS% ' +
  '%RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED% %BYTES_SENT% ' +
  '%DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" ' +
  '"%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"';

const ENVOY = `# in the http_connection_manager of each listener
access_log:
- name: envoy.access_loggers.file
  typed_config:
    "@type": type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog
    path: /var/log/envoy/access.log
    log_format:
      text_format_source:
        inline_string: ${JSON.stringify(`${ENVOY_LOG_FORMAT}\n`)}`;

const ALB = `aws elbv2 modify-load-balancer-attributes --load-balancer-arn <ARN> --attributes \\
  Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<BUCKET> Key=access_logs.s3.prefix,Value=<PREFIX>
# fields: elb_status_code target_status_code target:port request_processing_time target_processing_time
#         response_processing_time trace_id error_reason (one line per request, gzip files every 5 minutes)`;

/** What to add, per proxy. */
export const SETUP_CONFIG: Record<SetupProxy, string> = {
  nginx: NGINX,
  'ingress-nginx': INGRESS_NGINX,
  haproxy: HAPROXY,
  caddy: CADDY,
  traefik: TRAEFIK,
  envoy: ENVOY,
  alb: ALB,
};

/** Each proxy's own name for a missing fact; absent when the proxy cannot log it. */
export const SETUP_FIELDS: Record<SetupProxy, Partial<Record<LogGap, string[]>>> = {
  nginx: {
    'upstream-fields': ['$upstream_status', '$upstream_addr', '$upstream_connect_time', '$upstream_header_time', '$upstream_response_time'],
    'upstream-timing': ['$upstream_connect_time', '$upstream_header_time'],
    cause: ['error_log … warn'],
    'request-id': ['$request_id', 'proxy_set_header X-Request-Id'],
  },
  'ingress-nginx': {
    'upstream-timing': ['$upstream_connect_time', '$upstream_header_time'],
    cause: ['kubectl logs (the controller’s error lines)'],
    'request-id': ['$req_id'],
  },
  haproxy: { 'request-id': ['unique-id-format', 'unique-id-header', 'http-request capture unique-id'] },
  caddy: { cause: ['http.log.error (log default)'], 'request-id': ['request_header X-Request-Id', 'header X-Request-Id'] },
  traefik: { 'upstream-fields': ['OriginStatus (format: json)'], 'request-id': ['request_X-Request-Id'] },
  envoy: { cause: ['%RESPONSE_CODE_DETAILS%', '%UPSTREAM_TRANSPORT_FAILURE_REASON%'], 'request-id': ['%REQ(X-REQUEST-ID)%'] },
  alb: { cause: ['error_reason'], 'request-id': ['trace_id'] },
};

/** Proxies whose failure causes are in a separate error log, which is not asked for when one was read. */
export const CAUSE_IN_ERROR_LOG: ReadonlySet<SetupProxy> = new Set(['nginx', 'ingress-nginx', 'caddy']);
