import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { parseLogLines } from './parse-log-lines.ts';

// Real published logs from the log analyzer's corpus (test/fixtures/logs/wild/corpus.tsv has each one's provenance).
const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/logs/wild/${path}`, import.meta.url), 'utf8');
const HAPROXY_SH = wild('haproxy-http/cerebro-syslog-504-sH.log');
const ISTIO_500 = wild('envoy-text/istio-29109-kubectl-timestamps.log');
const COMBINED_502 = wild('nginx-combined/piped-docker-17-main-502.log');
const ALB_504 = wild('aws-alb/beats-application-lb-http.log');
const NGINX_ERROR_AND_ACCESS = wild('nginx-error/sentry-self-hosted-477.log');
const APACHE_AH01114 = wild('apache-error/freedombox-895-ah01114.log');

const diagnoseWild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe("a pasted app log: the line its server writes for each request", () => {
  it("names uWSGI from its request-log line, the status the app sent", () => {
    const { format, diagnoses } = diagnose(wild('app-text/uwsgi-2155-websocket-500.log'));
    expect(format).toBe('access-log');
    expect(diagnoses[0]).toMatchObject({ status: 500, verdict: 'identified', issuer: { component: 'uWSGI', fingerprint: 'uwsgi-request-log' } });
  });

  it("names Uvicorn for a 404 its access line logged: an app server's 4xx is the app's answer too", () => {
    expect(diagnose(diagnoseWild('uvicorn/404-fastapi-root-endpoint-startup-log.log')).diagnoses[0]).toMatchObject({ status: 404, verdict: 'identified', issuer: { component: 'Uvicorn', fingerprint: 'uvicorn-access-log' } });
  });

  it("names Phoenix from its Sent line among the lines of the crash report", () => {
    expect(diagnose(diagnoseWild('phoenix/500-sent-log-helium-console.log')).diagnoses[0]).toMatchObject({ status: 500, verdict: 'identified', issuer: { component: 'Phoenix', fingerprint: 'phoenix-sent-log' } });
  });

  it("calls the Werkzeug development server's request line the application's answer (inferred): the line does not say which framework", () => {
    const [d] = diagnose(diagnoseWild('flask/500-dev-server-request-line-traceback.log')).diagnoses;
    expect(d).toMatchObject({ status: 500, verdict: 'inferred', issuer: { component: 'application', fingerprint: 'log-line-app-server' }, confidence: 'medium' });
    expect(d?.label).toMatch(/^log line 6: GET \/$/);
  });

  it("calls a Gin server's request lines the application's answer (inferred): Ollama's 503s when its queue is full", () => {
    expect(diagnose(diagnoseWild('ollama/pdl-generate-503.log')).diagnoses[0]).toMatchObject({ status: 503, verdict: 'inferred', issuer: { component: 'application' } });
  });

  it("keeps a page fingerprint that names the app over an app line that names nobody (Rails' Completed line)", () => {
    expect(diagnose(diagnoseWild('rails/500-production-log-completed.log')).diagnoses[0]).toMatchObject({ verdict: 'identified', issuer: { component: 'Ruby on Rails' } });
  });
});

describe('a pasted access log, read with the log analyzer', () => {
  it("names HAProxy when its termination state says it answered, with the state as evidence and its cause first; the 409 beside it is left out", () => {
    const { format, diagnoses } = diagnose(HAPROXY_SH);
    expect(format).toBe('access-log');
    expect(diagnoses.map((d) => d.status)).toEqual([504]);
    const [d] = diagnoses;
    expect(d).toMatchObject({ verdict: 'identified', issuer: { component: 'HAProxy', fingerprint: 'haproxy-log-line-own-answer' }, confidence: 'high' });
    expect(d?.label).toMatch(/^log line 1: PATCH \/api\/upload\//);
    expect(d?.evidence).toContainEqual(expect.objectContaining({ kind: 'log', name: 'haproxy-termination', value: expect.stringMatching(/^sH--/) }));
    expect(d?.causes[0]).toMatch(/^Upstream timeout \(HAProxy termination state: sH--/);
  });

  it('names the application behind Envoy (inferred, medium) when the flags are "-" and the upstream answered 500', () => {
    const [d] = diagnose(ISTIO_500).diagnoses;
    expect(d).toMatchObject({ verdict: 'inferred', status: 500, issuer: { component: 'application', fingerprint: 'log-line-upstream-answered' }, confidence: 'medium' });
    expect(d?.chain.map((l) => [l.component, l.role])).toEqual([
      ['Envoy', 'in-path'],
      ['application', 'issuer'],
    ]);
  });

  it('stays unknown for a combined-format 502, which does not say who answered, and shows the line', () => {
    const [d] = diagnose(COMBINED_502).diagnoses;
    expect(d).toMatchObject({ verdict: 'unknown', issuer: null, status: 502 });
    expect(d?.summary).toMatch(/^The log line shows 502, but its own fields do not say who answered/);
    expect(d?.seen.logLine).toMatch(/" 502 /);
  });

  it("reads an entry the page broke over lines whole, and names it by its first line (AWS's six-line ALB examples)", () => {
    const [d] = diagnose(wild('aws-alb/awsdocs-alb-wrapped-examples.log')).diagnoses;
    expect(d).toMatchObject({ status: 502, verdict: 'identified', issuer: { component: 'AWS Application Load Balancer' } });
    expect(d?.label).toMatch(/^log line 37: /);
  });

  it('names the Application Load Balancer for its own 504 (target_status_code "-")', () => {
    expect(diagnose(ALB_504).diagnoses[0]).toMatchObject({ status: 504, verdict: 'identified', issuer: { component: 'AWS Application Load Balancer' } });
  });

  it("reads a JSON object that is Envoy's access-log record (keys of the operator's choosing) as the log line, not as a body", () => {
    const record = readFileSync(new URL('../../test/fixtures/diagnose/wild/envoy/503-uf-v1-21-1-service03-access.json', import.meta.url), 'utf8');
    const { format, diagnoses } = diagnose(record);
    expect(format).toBe('access-log');
    expect(diagnoses[0]).toMatchObject({ status: 503, verdict: 'identified', issuer: { component: 'Envoy' } });
  });

  it("joins nginx's error-log line to the access line of the same request: nginx failed, and the line says why", () => {
    const [d] = diagnose(NGINX_ERROR_AND_ACCESS).diagnoses;
    expect(d).toMatchObject({ status: 502, verdict: 'identified', issuer: { component: 'nginx', fingerprint: 'nginx-error-log-line-own-answer' }, confidence: 'high' });
    expect(d?.causes[0]).toMatch(/^Connection refused \(.*proxy error log: connect\(\) failed \(111: Connection refused\)/);
  });

  it("reads an Apache error line alone as the 503 mod_proxy answers for it, one step less sure, and says so", () => {
    const [d] = diagnose(APACHE_AH01114).diagnoses;
    expect(d).toMatchObject({ status: 503, verdict: 'identified', issuer: { component: 'Apache httpd' }, confidence: 'medium' });
    expect(d?.notes).toContain('The error-log line names no status; 503 is what that proxy answers for the failure it names (its source), so the confidence is one step lower.');
  });

  it("says what a line of a log no fingerprint names decided (a 499 in a combined line, nginx's or Apache's): its writer answered, and why, not that its fields are silent", () => {
    const line = wild('nginx-combined/wx-flask-nlp-apps-nginx.log').split('\n').find((l) => l.includes('" 499 ')) as string;
    const [d] = diagnose(line).diagnoses;
    expect(d).toMatchObject({ status: 499, verdict: 'unknown', issuer: null });
    expect(d?.summary).toMatch(/^The log line says the component that wrote it answered 499 itself \(log format combined\)/);
    expect(d?.causes[0]).toMatch(/^Client closed the connection \(the client closed the connection first: 499\)/);
    const [id] = diagnose(line, { locale: 'id' }).diagnoses;
    expect(id?.summary).toMatch(/^Baris log ini menyebut bahwa komponen yang menulisnya menjawab 499 sendiri \(format log combined\)/);
  });

  it.each([
    ['pound-log/pound-issue44-e503-no-backend.log', 503, 'Pound', 'pound-log-line-own-answer', /^No live upstream \(proxy error log: e503: .*no backend found/],
    ['tyk-logfmt/tyk-pr7712-ucf-connection-refused-500.log', 500, 'Tyk Gateway', 'tyk-log-line-own-answer', /^Connection refused \(.*response_flag=UCF/],
    ['traefik-log/traefik-v3-11373-dbg-500-tls.log', 500, 'Traefik', 'traefik-log-line-own-answer', /tls: failed to verify certificate/],
    ['skipper/skipper-1649-concatenated-app-errors-502.log', 502, 'Skipper', 'skipper-log-line-own-answer', /^Connection refused \(proxy error log: status code 502: dialing failed true/],
    ['lighttpd-error/pihole-5131-all-handlers-down-503.log', 503, 'lighttpd', 'lighttpd-error-log-own-answer', /^No live upstream \(proxy error log: \(gw_backend\.c\) all handlers/],
    ['haproxy-alert/open-balena-37-compose-alert-no-server.log', 503, 'HAProxy', 'haproxy-alert-own-answer', /^No live upstream \(proxy error log: backend 'backend_api' has no server available!\)/],
    // nginx's own refusals that involve no upstream: limit_req's 503, and the 500 of a try_files loop.
    ['nginx-error/crowdsec-nginx-req-limit.log', 503, 'nginx', 'nginx-error-log-limit-own-answer', /^Load shed by the proxy \(proxy error log: limiting requests, excess: 5\.428/],
    ['nginx-combined/soozookaizokuhunter-docker-logs-nginx-500-rewrite-cycle.log', 500, 'nginx', 'nginx-error-log-config-own-answer', /rewrite or internal redirection cycle/],
    // Gateways' and servers' own lines: APISIX's access line with its own 502 page's size, LiteSpeed's "oops!" line,
    // cloudflared's failed request, KrakenD's Gin line with Lura's error under it.
    ['apisix/andreas-levander-apisix-2.14-502-504-404.log', 502, 'Apache APISIX', 'apisix-log-line-own-answer', /the proxy's own error page for this status/],
    ['litespeed-error/lscache-wp-216-ols-oops-503.log', 503, 'LiteSpeed', 'litespeed-error-log-own-answer', /oops! +503 Service Unavailable/],
    ['cloudflared/fastlayne-justlayme-cloudflared.log', 502, 'Cloudflare Tunnel', 'cloudflared-log-own-answer', /^Connection refused \(proxy error log: Unable to reach the origin service/],
    ['krakend-gin/krakend-ce-836-500-context-canceled-1m.log', 500, 'KrakenD', 'krakend-log-own-answer', /Error #01: context canceled/],
    ['aws-apigateway-execution/todayweather-2033-malformed-lambda-proxy-response-502.log', 502, 'Amazon API Gateway', 'apigw-execution-log-own-answer', /Malformed Lambda proxy response/],
    // Vercel's runtime line with its own error code, API Management's gateway record with its lastError, and
    // authentik's outpost's 502 after its own error record.
    ['vercel-runtime-log/vercel-examples-674-edge-invocation-timeout-504.log', 504, 'Vercel', 'vercel-log-line-own-answer', /^Upstream timeout/],
    ['azure-apim-gatewaylogs/apim-shgw-230-v2.0.4-500-backendconnectionfailure-split.json', 500, 'Azure API Management', 'azure-apim-log-own-answer', /^Connection reset or closed before the response/],
    ['authentik-outpost-json/authentik-4731-proxy-502.log', 502, 'authentik', 'authentik-outpost-log-own-answer', /^Connection reset or closed before the response \(proxy error log: EOF\)/],
  ])("names the writer of %s from its own line, with the line's cause first", (path, status, component, fingerprint, cause) => {
    const [d] = diagnose(wild(path)).diagnoses;
    expect(d).toMatchObject({ status, verdict: 'identified', issuer: { component, fingerprint } });
    expect(d?.causes[0]).toMatch(cause);
  });

  // nginx's error-log lines for refusals its access log alone does not explain (a static file, a directory, basic auth):
  // lines of real logs, each pasted alone.
  it.each([
    ['nginx-error/aoiths-nginx-gunicorn-error.log', 'directory index of', 403, 'nginx-error-message-forbidden'],
    ['nginx-error/fail2ban-nginx-http-auth.log', 'was not found in', 401, 'nginx-error-message-basic-auth'],
    ['nginx-error/fail2ban-nginx-http-auth.log', 'password mismatch', 401, 'nginx-error-message-basic-auth'],
  ])('names nginx for its own answer in a line of %s (%s)', (path, words, status, fingerprint) => {
    const line = wild(path).split('\n').find((l) => l.includes(words)) as string;
    expect(diagnose(line).diagnoses[0]).toMatchObject({ status, verdict: 'identified', issuer: { component: 'nginx', fingerprint } });
  });

  // Proxies' own 4xx in their lines' fields: HAProxy's 408 to a client too slow to send its request (state cR, no
  // server) and Envoy's 404 with NR (no route); the log analyzer explains 5xx only.
  it.each([
    ['haproxy/hadoc-408-cR.log', 408, 'HAProxy'],
  ])("names the proxy for its own 4xx in a pasted line (diagnose corpus: %s)", (path, status, component) => {
    const text = readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');
    expect(diagnose(text).diagnoses[0]).toMatchObject({ status, verdict: 'identified', issuer: { component } });
  });

  it("names Envoy for its own 404 NR in Istio's line (logs corpus: envoy-text/integrations-istio-access-failed.log)", () => {
    const line = wild('envoy-text/integrations-istio-access-failed.log').split('\n').find((l) => l.includes(' 404 NR ')) as string;
    expect(diagnose(line).diagnoses[0]).toMatchObject({ status: 404, verdict: 'identified', issuer: { fingerprint: 'envoy-log-line-own-answer' } });
  });

  it("does not read nginx's start-up message about a missing file as a 404: no request's context follows it", () => {
    const line = wild('nginx-error/zapper-dapp-replit-nginx-error.log').split('\n').find((l) => l.includes('[emerg]') && l.includes('open()')) as string;
    expect(line).toMatch(/failed \(2: No such file or directory\)$/);
    expect(() => diagnose(line)).toThrow(/not a response httpwhy can read/);
  });

  it("keeps a page the words name over log lines about another status (mechanics: two real captures pasted together)", () => {
    const page = readFileSync(new URL('../../test/fixtures/diagnose/wild/cloudflare/524-page-text-bold-gutenberg-compat.txt', import.meta.url), 'utf8');
    const { format, diagnoses } = diagnose(`${page}\n${HAPROXY_SH}`);
    expect(format).toBe('page-text');
    expect(diagnoses.map((d) => [d.status, d.issuer?.component])).toEqual([[524, 'Cloudflare']]);
  });

  it('reads the line inside markdown: a quote, inline code, bold marks a reporter added', () => {
    const line = HAPROXY_SH.split('\n')[0] as string;
    const pasted = `> \`${line.replace(' 504 ', ' **504** ')}\``;
    expect(diagnose(pasted).diagnoses[0]).toMatchObject({ status: 504, issuer: { component: 'HAProxy' } });
  });

  it('speaks Indonesian', () => {
    const [d] = diagnose(ISTIO_500, { locale: 'id' }).diagnoses;
    expect(d?.summary).toMatch(/^Aplikasi di belakang Envoy yang mengirim 500 ini/);
  });

  it('reads no log in prose or in a page, and keeps one diagnosis per distinct answer', () => {
    expect(parseLogLines('The site says 502 Bad Gateway since this morning.\nAny idea?')).toBeNull();
    expect(parseLogLines('<html><body><h1>502 Bad Gateway</h1></body></html>')).toBeNull();
    const twice = `${HAPROXY_SH.split('\n')[0]}\n${HAPROXY_SH.split('\n')[0]}`;
    expect(parseLogLines(twice)?.observations).toHaveLength(1);
  });
});

describe('a log entry pasted as pretty-printed JSON', () => {
  it("reads each record on the line where it starts (Azure's documented access records, over 40 lines each)", () => {
    const { format, diagnoses } = diagnose(wild('azure-appgw/azure-docs-diagnostics-examples.json'));
    expect(format).toBe('access-log');
    // The 200 is no failure; the v1 record's 404 is the one error, on line 44 where that record opens.
    expect(diagnoses).toHaveLength(1);
    expect(diagnoses[0]).toMatchObject({ status: 404, label: 'log line 44: GET /phpmyadmin/scripts/setup.php' });
  });
});
