/**
 * What each real proxy does for each failure mode, and what a right diagnosis of the client's paste says.
 * Written by hand from ../shared/reference/fingerprints.md (§1 nginx, §2 HAProxy, §4 Caddy, §21) and
 * logs-and-lab.md §7, and where the references are silent, from behaviour observed on nginx 1.22.1, HAProxy
 * 2.6.12 and Caddy 2.6.2 (marked "observed"). Never generated from the code under test.
 * The guarded scenarios (overload, rate-limited) follow the proxies' documentation: nginx's limit_conn and
 * limit_req (ngx_http_limit_conn_module, ngx_http_limit_req_module: error-log "limiting connections/requests … by
 * zone", no upstream variables), HAProxy's queue timeout (§8.5 termination state sQ) and deny (PR), and Caddy 2.6's
 * standard build, which has no limit module.
 */
import type { DiagnosisSummary } from './outcome.ts';
import type { ProxyName, Scenario } from '../../src/lab/index.ts';

export interface ProxyExpectation {
  /** The status the client gets; null: no HTTP head at all. */
  status: number | null;
  /** The harness's body classification (outcome.ts). */
  branding: string;
  /** Matched against the harness's log signature for the request. */
  signature: RegExp;
}

export interface DiagnosisExpectation {
  verdict: 'identified' | 'unknown' | 'no-error';
  issuer?: string;
  /** A component the chain must show. */
  inPath?: string;
  /** Must match the summary or one of the causes. */
  cause?: RegExp;
  /** Set when the engine does not say this yet: the suite then expects the check to fail, and turns red once it is fixed. */
  gap?: string;
}

type Row = [ProxyExpectation['status'], string, RegExp, DiagnosisExpectation];

const NGINX_PAGE = 'nginx page';
const HAPROXY_PAGE = 'HAProxy page';
const CUT = 'upstream body, cut: 1000 of 100000 bytes';
const RAW = 'raw upstream bytes, no HTTP head';

const nginxFault = (cause: RegExp): DiagnosisExpectation => ({ verdict: 'identified', issuer: 'nginx', cause });
const haproxyFault = (cause: RegExp): DiagnosisExpectation => ({ verdict: 'identified', issuer: 'HAProxy', cause });
const caddyFault = (cause: RegExp): DiagnosisExpectation => ({ verdict: 'identified', issuer: 'Caddy', cause });
const truncated = (inPath?: string): DiagnosisExpectation => ({ verdict: 'identified', issuer: 'curl', cause: /cut short/, ...(inPath ? { inPath } : {}) });
const expressException = (inPath?: string): DiagnosisExpectation => ({ verdict: 'identified', issuer: 'Express', cause: /exception|threw/, ...(inPath ? { inPath } : {}) });
// X-Powered-By: Express and Retry-After mark a deliberate origin 503 (fingerprints.md §20, logs-and-lab.md §7).
const express503 = (inPath?: string): DiagnosisExpectation => ({ verdict: 'identified', issuer: 'Express', cause: /shedding load|overload/, ...(inPath ? { inPath } : {}) });

const NGINX: Record<Scenario, Row> = {
  'connection-refused': [502, NGINX_PAGE, /^502 us=502 uct=- uht=- · connect\(\) failed \(111: Connection refused\) while connecting to upstream$/, nginxFault(/refused|not listening/)],
  'reset-before-headers': [502, NGINX_PAGE, /^502 us=502 uct=[\d.]+ uht=- · recv\(\) failed \(104: Connection reset by peer\) while reading response header from upstream$/, nginxFault(/reset/)],
  'close-without-reply': [502, NGINX_PAGE, /^502 us=502 uct=[\d.]+ uht=- · upstream prematurely closed connection while reading response header from upstream$/, nginxFault(/closed/)],
  'non-http-reply': [null, RAW, /^009 us=200 uct=[\d.]+ uht=[\d.]+ · upstream sent no valid HTTP\/1\.0 header while reading response header from upstream$/, { verdict: 'identified', issuer: 'curl', cause: /another protocol/ }],
  // curl 7.88 says "(1) Unsupported HTTP version in response": the status line is malformed, and nginx relays it as HTTP/0.9.
  'invalid-status-line': [
    null,
    RAW,
    /^009 us=200 uct=[\d.]+ uht=[\d.]+ · upstream sent no valid HTTP\/1\.0 header while reading response header from upstream$/,
    { verdict: 'identified', issuer: 'curl', cause: /(malformed|invalid) (HTTP )?status line/i },
  ],
  'oversized-headers': [502, NGINX_PAGE, /^502 us=502 uct=[\d.]+ uht=- · upstream sent too big header while reading response header from upstream$/, nginxFault(/too big header|proxy_buffer_size/)],
  'slow-headers': [504, NGINX_PAGE, /^504 us=504 uct=[\d.]+ uht=- · upstream timed out \(110: Connection timed out\) while reading response header from upstream$/, nginxFault(/slow|hung/)],
  'accept-and-hang': [504, NGINX_PAGE, /^504 us=504 uct=[\d.]+ uht=- · upstream timed out \(110: Connection timed out\) while reading response header from upstream$/, nginxFault(/hung|slow/)],
  'truncated-body': [200, CUT, /^200 us=200 uct=[\d.]+ uht=[\d.]+ · upstream prematurely closed connection while reading upstream$/, truncated('nginx')],
  'app-exception': [500, 'Express body', /^500 us=500 uct=[\d.]+ uht=[\d.]+$/, expressException('nginx')],
  'app-unavailable': [503, 'Express body', /^503 us=503 uct=[\d.]+ uht=[\d.]+$/, express503('nginx')],
  // Turned away before any upstream is chosen: no upstream variables at all.
  overload: [503, NGINX_PAGE, /^503 us=- uct=- uht=- · limiting connections by zone "overload"$/, nginxFault(/limit_conn|limiting connections/)],
  'rate-limited': [
    429,
    NGINX_PAGE,
    /^429 us=- uct=- uht=- · limiting requests, excess: [\d.]+ by zone "rate_limited"$/,
    nginxFault(/limit_req|rate limit/i),
  ],
};

// HAProxy answers 503 for a refused connection (§2b), after its default 3 connect retries (observed: 3 s).
const HAPROXY: Record<Scenario, Row> = {
  'connection-refused': [503, HAPROXY_PAGE, /^503 SC-- app Tc=-1 Tr=-1 retries=3$/, haproxyFault(/refused/)],
  'reset-before-headers': [502, HAPROXY_PAGE, /^502 SH-- app Tc=\d+ Tr=-1$/, haproxyFault(/closed or reset/)],
  'close-without-reply': [502, HAPROXY_PAGE, /^502 SH-- app Tc=\d+ Tr=-1$/, haproxyFault(/closed or reset/)],
  'non-http-reply': [502, HAPROXY_PAGE, /^502 PH-- app Tc=\d+ Tr=-1$/, haproxyFault(/another protocol/)],
  'invalid-status-line': [502, HAPROXY_PAGE, /^502 PH-- app Tc=\d+ Tr=-1$/, haproxyFault(/malformed/)],
  'oversized-headers': [502, HAPROXY_PAGE, /^502 PH-- app Tc=\d+ Tr=-1$/, haproxyFault(/oversized/)],
  'slow-headers': [504, HAPROXY_PAGE, /^504 sH-- app Tc=\d+ Tr=-1$/, haproxyFault(/slow|stuck/)],
  'accept-and-hang': [504, HAPROXY_PAGE, /^504 sH-- app Tc=\d+ Tr=-1$/, haproxyFault(/stuck|slow/)],
  // HAProxy logs the cut transfer as 200 with SD-- (logs-and-lab.md §1.2) and adds no header that names it.
  'truncated-body': [200, CUT, /^200 SD-- app Tc=\d+ Tr=\d+$/, truncated()],
  'app-exception': [500, 'Express body', /^500 ---- app Tc=\d+ Tr=\d+$/, expressException()],
  'app-unavailable': [503, 'Express body', /^503 ---- app Tc=\d+ Tr=\d+$/, express503()],
  // The request waited in the backend's queue (Tw ≈ timeout queue) and never got a server: sQ, no server.
  overload: [503, HAPROXY_PAGE, /^503 sQ-- <NOSRV> Tc=-1 Tr=-1$/, haproxyFault(/queue|maxconn/)],
  // Denied by the http-request rule: PR (the proxy blocked the request), no server.
  'rate-limited': [429, HAPROXY_PAGE, /^429 PR-- <NOSRV> Tc=-1 Tr=-1$/, haproxyFault(/stick-table|rate-limited/)],
};

// Caddy: empty bodies (§4). Observed: Go's transport relays a 64 KB header (its limit is 10 MB), and Caddy
// 2.6 logs no error for a body cut mid-way ("aborting with incomplete response" is a debug message).
const CADDY: Record<Scenario, Row> = {
  'connection-refused': [502, 'empty body', /^502 size=0 · dial tcp 127\.0\.0\.1:PORT: connect: connection refused$/, caddyFault(/refused/)],
  'reset-before-headers': [502, 'empty body', /^502 size=0 · read tcp 127\.0\.0\.1:PORT->127\.0\.0\.1:PORT: read: connection reset by peer$/, caddyFault(/reset/)],
  'close-without-reply': [502, 'empty body', /^502 size=0 · EOF$/, caddyFault(/closed or reset/)],
  'non-http-reply': [502, 'empty body', /^502 size=0 · net\/http: HTTP\/1\.x transport connection broken: malformed HTTP status code "Debian-2\+deb12u3"$/, caddyFault(/another protocol|malformed/)],
  'invalid-status-line': [502, 'empty body', /^502 size=0 · net\/http: HTTP\/1\.x transport connection broken: malformed HTTP status code "OK"$/, caddyFault(/malformed/)],
  'oversized-headers': [200, 'upstream body', /^200 size=3$/, { verdict: 'no-error' }],
  'slow-headers': [504, 'empty body', /^504 size=0 · net\/http: timeout awaiting response headers$/, caddyFault(/slow/)],
  'accept-and-hang': [504, 'empty body', /^504 size=0 · net\/http: timeout awaiting response headers$/, caddyFault(/slow/)],
  'truncated-body': [200, CUT, /^200 size=1000$/, truncated('Caddy')],
  'app-exception': [500, 'Express body', /^500 size=148$/, expressException('Caddy')],
  'app-unavailable': [503, 'Express body', /^503 size=19$/, express503('Caddy')],
  // No limit module in Caddy 2.6's standard build: both requests reach the app and get its 200.
  overload: [200, 'upstream body', /^200 size=13$/, { verdict: 'no-error' }],
  'rate-limited': [200, 'upstream body', /^200 size=3$/, { verdict: 'no-error' }],
};

const TABLES: Record<ProxyName, Record<Scenario, Row>> = { nginx: NGINX, haproxy: HAPROXY, caddy: CADDY };

export function expected(proxy: ProxyName, mode: Scenario): { proxy: ProxyExpectation; diagnosis: DiagnosisExpectation } {
  const [status, branding, signature, diagnosis] = TABLES[proxy][mode];
  return { proxy: { status, branding, signature }, diagnosis };
}

/** Whether the application logs something for the failure-mode request, whichever proxy is in front (at capture time). */
const APP_LOGS: Record<Exclude<Scenario, 'overload' | 'rate-limited'>, boolean> = {
  'connection-refused': false,
  'reset-before-headers': false,
  'close-without-reply': false,
  'non-http-reply': true,
  'invalid-status-line': false,
  'oversized-headers': false,
  // The slow app finishes (and logs) at 5 s, after every proxy gave up at 2 s.
  'slow-headers': false,
  'accept-and-hang': false,
  'truncated-body': true,
  'app-exception': true,
  'app-unavailable': true,
};

/** Whether the application logs something for the captured request: a guarded one reaches it only through Caddy. */
export const appLogs = (proxy: ProxyName, mode: Scenario): boolean => (mode === 'overload' || mode === 'rate-limited' ? proxy === 'caddy' : APP_LOGS[mode]);

/** Retry-After on the proxy's own refusals: nginx and HAProxy add none to a 503, HAProxy's config adds one to its 429. */
export const GUARDED_RETRY_AFTER: Record<ProxyName, Record<'overload' | 'rate-limited', string | null>> = {
  nginx: { overload: null, 'rate-limited': null },
  haproxy: { overload: null, 'rate-limited': '10' },
  caddy: { overload: null, 'rate-limited': null },
};

/** What the diagnosis got wrong against the expectation; empty when it is right. */
export function diagnosisMismatches(got: DiagnosisSummary, want: DiagnosisExpectation): string[] {
  const problems: string[] = [];
  if (got.verdict !== want.verdict) problems.push(`verdict ${got.verdict}, expected ${want.verdict}`);
  if (want.issuer !== undefined && got.issuer !== want.issuer) problems.push(`issuer ${got.issuer ?? 'none'}, expected ${want.issuer}`);
  if (want.inPath !== undefined && !got.chain.includes(want.inPath)) problems.push(`chain ${got.chain.join(' → ') || 'empty'} lacks ${want.inPath}`);
  if (want.cause !== undefined && ![got.summary, ...got.causes].some((text) => want.cause?.test(text))) problems.push(`no cause matches ${want.cause}`);
  return problems;
}
