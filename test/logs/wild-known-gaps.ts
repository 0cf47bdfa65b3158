/**
 * The wild corpus's rows httpwhy gets wrong today, in one place: keyed by file, with the checks that fail and why.
 * wild-corpus.test.ts runs exactly these checks with `it.fails`, so a row that starts passing turns the test red
 * and leaves this table. Only the checks of a row (requests, format, 5xx by class) may be listed: the guard
 * against a clean report of an unread log must hold for every row.
 */
/** What each row checks; the unread-log guard is not among them: it must hold for every row. */
export const CHECKS = ['requests', 'format', 'classes'] as const;
export type Check = (typeof CHECKS)[number];

export interface KnownGap {
  fails: readonly Check[];
  reason: string;
}

const ELB = 'Classic ELB access logs: no format yet (issue #13 §3).';
const ENVOY_JSON = 'Envoy / Istio JSON access logs: no format yet (§3); read as an app JSON log.';
const IIS = 'IIS W3C logs: no format yet (§3); read as a plain-text app log.';
const CADDY_ERROR_STATUS = "and the error line's status (502) is not counted as a 5xx: error-log events keep no status, so with no access line the 5xx is not in the per-class counts";

export const KNOWN_GAPS: Record<string, KnownGap> = {
  'app-text/iisintegration-201-kestrel.log': {
    fails: ['requests', 'format'],
    reason: "Kestrel's `Request finished in 347.108ms 200 text/html` gives the status without a key and no request line: the plain-text app format reads no request in it, and no format is detected.",
  },
  'app-text/x3rus-apache-backend-compose.log': {
    fails: ['format'],
    reason: "The corpus files the backend container's output as the app's log; read without --app, its lines are Apache common-log access lines (all 5 requests read, the compose prefix in their first fields) and 2 error-log notices the compose prefix hides (no wrapper yet, §2).",
  },
  'aws-elb/elb2loggly-9-504.log': { fails: ['requests', 'format', 'classes'], reason: ELB },
  'caddy-error/searx-3205-journald-compose.log': {
    fails: ['format', 'classes'],
    reason: `Caddy JSON under journald and compose prefixes: no wrapper yet (§2), read as a plain-text app log; ${CADDY_ERROR_STATUS}.`,
  },
  'caddy-error/tracecat-1331-compose.log': {
    fails: ['format', 'classes'],
    reason: `Caddy JSON under the compose prefix: no wrapper yet (§2), read as a plain-text app log; ${CADDY_ERROR_STATUS}.`,
  },
  'caddy-json/lnav-caddy-compose.log': { fails: ['requests', 'format'], reason: 'Caddy JSON under the compose prefix: no wrapper yet (§2), read as a plain-text app log.' },
  'cloudfront/integrations-test-cloudfront.log': { fails: ['requests', 'format', 'classes'], reason: 'CloudFront standard logs: no format yet (§3); no line is read.' },
  'compose/x3rus-nginx-proxy-504.log': {
    fails: ['format', 'classes'],
    reason: 'docker compose + forego prefixes: no wrapper yet (§2), so the error line is skipped and the 504 stays unknown; the access line is read as combined with the prefix in its first fields.',
  },
  'compose/x3rus-nginx-proxy-access.log': {
    fails: ['format'],
    reason: "docker compose + forego prefixes: no wrapper yet (§2); the lines are read as combined/common with the prefix in their first fields, not with nginx-proxy's vhost format.",
  },
  'docker-json/fluent-bit-apache-logs.log': { fails: ['requests', 'format', 'classes'], reason: "docker's json-file wrapper: not read yet (§2); the record is read as an app JSON log." },
  'emissary/beats-envoy-json.log': { fails: ['requests', 'format'], reason: "Emissary's `ACCESS ` prefix inside docker's json-file wrapper: not read yet (§2)." },
  'envoy-json/integrations-istio-access-json.log': { fails: ['requests', 'format'], reason: ENVOY_JSON },
  'envoy-json/istio-23461-tcp-uf-urx.log': { fails: ['requests', 'format', 'classes'], reason: ENVOY_JSON },
  'envoy-text/integrations-istio-container-cri.log': { fails: ['requests', 'format', 'classes'], reason: 'The CRI / containerd prefix: not read yet (§2); read as a plain-text app log.' },
  'envoy-text/istio-29109-kubectl-timestamps.log': { fails: ['requests', 'format', 'classes'], reason: 'The `kubectl logs --timestamps` prefix: not read yet (§2); read as a plain-text app log.' },
  'haproxy-http/haproxy-ingress-605-rfc5424.log': { fails: ['requests', 'format'], reason: 'The RFC 5424 syslog header: not read yet (§2); read as a plain-text app log.' },
  'iis-w3c/iisintegration-201-502-3.log': { fails: ['requests', 'format', 'classes'], reason: IIS },
  'iis-w3c/lnav-w3c-big.log': { fails: ['requests', 'format'], reason: IIS },
  'ingress-nginx/beats-ingress-controller.log': {
    fails: ['classes'],
    reason: 'Both 502s have $upstream_status "502, 502" with response length 0 and times 0.000 (nginx got no response); httpwhy leaves a 502 in $upstream_status unknown without $upstream_header_time, which this format does not log.',
  },
  'kubectl-prefix/kubernetes-124732-nginx-startup.log': { fails: ['format'], reason: 'The `kubectl logs --prefix` prefix: not read yet (§2); no line is read.' },
  'nginx-custom/backslash-616-docker-details.log': {
    fails: ['format'],
    reason: 'The `docker logs --details` prefix (IMAGE_NAME=…): not read yet (§2); the line is read as common with the prefix in its client field.',
  },
  'nginx-custom/openresty-lua-upstream-78.log': {
    fails: ['classes'],
    reason: 'The log_format is in the issue, not the file: inferred from the line, `---> api <---` is not known to be $upstream_addr holding a group name (no live upstream), so the 502 stays unknown.',
  },
};
