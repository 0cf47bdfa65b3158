import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Issuer } from '../codes/index.ts';
import { diagnose } from './diagnose.ts';
import type { Diagnosis } from './types.ts';
import { LOCALES } from '../i18n/index.ts';

const fixture = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/${path}`, import.meta.url), 'utf8');
const only = (path: string, locale: 'en' | 'id' = 'en'): Diagnosis => {
  const [first, ...rest] = diagnose(fixture(path), { locale }).diagnoses;
  expect(rest).toEqual([]);
  if (!first) throw new Error(`no diagnosis for ${path}`);
  return first;
};

/** Fixture, issuing component, its layer, the fingerprint that should win. Facts from ../shared/reference/fingerprints.md. */
const IDENTIFIED: [string, string, Issuer, string][] = [
  ['nginx/502-bad-gateway.http', 'nginx', 'reverse-proxy', 'nginx-502-page'],
  ['nginx/504-gateway-timeout.http', 'nginx', 'reverse-proxy', 'nginx-504-page'],
  ['nginx/503-limit-req.http', 'nginx', 'reverse-proxy', 'nginx-503-page'],
  ['nginx/404-static.http', 'nginx', 'reverse-proxy', 'nginx-error-page'],
  ['nginx/400-header-too-large.http', 'nginx', 'reverse-proxy', 'nginx-header-too-large'],
  ['ingress-nginx/404-default-backend.http', 'Kubernetes default backend', 'reverse-proxy', 'ingress-nginx-default-backend'],
  ['php-fpm/404-primary-script-unknown.http', 'PHP-FPM', 'web-server', 'php-fpm-file-not-found'],
  ['haproxy/502-bad-gateway.http', 'HAProxy', 'load-balancer', 'haproxy-502'],
  ['haproxy/503-no-server.http', 'HAProxy', 'load-balancer', 'haproxy-503'],
  ['haproxy/504-gateway-timeout.http', 'HAProxy', 'load-balancer', 'haproxy-504'],
  ['envoy/503-connect-failure.http', 'Envoy', 'reverse-proxy', 'envoy-connect-failure'],
  ['envoy/503-connection-termination.http', 'Istio (Envoy)', 'reverse-proxy', 'envoy-connection-termination'],
  ['envoy/503-no-healthy-upstream.http', 'Envoy', 'reverse-proxy', 'envoy-no-healthy-upstream'],
  ['envoy/504-upstream-timeout.http', 'Envoy', 'reverse-proxy', 'envoy-upstream-request-timeout'],
  ['caddy/502-empty.http', 'Caddy', 'reverse-proxy', 'caddy-502-empty'],
  ['go-reverse-proxy/502-empty.http', 'Go httputil.ReverseProxy', 'reverse-proxy', 'go-reverse-proxy-502'],
  ['traefik/502-bad-gateway.http', 'Traefik', 'reverse-proxy', 'traefik-bad-gateway'],
  ['traefik/503-no-available-server.http', 'Traefik', 'reverse-proxy', 'traefik-no-available-server'],
  ['traefik/404-no-router.http', 'Go net/http', 'origin-app', 'go-not-found'], // Go's default NotFound: Traefik sends it, and so does every Go program's own router
  ['apache/502-proxy-error.http', 'Apache httpd', 'reverse-proxy', 'apache-proxy-read-error'],
  ['apache/503-backend-refused.http', 'Apache httpd', 'reverse-proxy', 'apache-503'],
  ['varnish/503-backend-fetch-failed.http', 'Varnish', 'reverse-proxy', 'varnish-backend-fetch-failed'],
  ['cloudflare/521-web-server-down.http', 'Cloudflare', 'cdn', 'cloudflare-521'],
  ['cloudflare/524-timeout.http', 'Cloudflare', 'cdn', 'cloudflare-524'],
  ['cloudflare/502-unbranded-edge.http', 'Cloudflare', 'cdn', 'cloudflare-unbranded-5xx'],
  ['aws-alb/502-bad-gateway.http', 'AWS Application Load Balancer', 'load-balancer', 'aws-alb-502'],
  ['aws-alb/503-no-targets.http', 'AWS Application Load Balancer', 'load-balancer', 'aws-alb-503'],
  ['cloudfront/504-origin-timeout.http', 'Amazon CloudFront', 'cdn', 'cloudfront-504'],
  ['aws-api-gateway/504-endpoint-timeout.http', 'Amazon API Gateway', 'api-gateway', 'apigw-endpoint-timeout'],
  ['aws-api-gateway/502-malformed-lambda.http', 'Amazon API Gateway', 'api-gateway', 'apigw-lambda-error'],
  ['aws-api-gateway/403-missing-token.http', 'Amazon API Gateway', 'api-gateway', 'apigw-missing-auth-token'],
  ['vercel/500-function-invocation-failed.http', 'Vercel', 'serverless-platform', 'vercel-function-failed'],
  ['netlify/502-empty.http', 'Netlify', 'serverless-platform', 'netlify-empty-502'],
  ['heroku/503-application-error.http', 'Heroku router', 'load-balancer', 'heroku-application-error'],
  ['google-cloud/502-gfe.http', 'Google Front End', 'load-balancer', 'google-frontend-502'],
  ['azure/appgw-502.http', 'Azure Application Gateway', 'load-balancer', 'azure-appgw-502'],
  ['akamai/403-access-denied.http', 'Akamai', 'cdn', 'akamai-access-denied'],
  ['iis/502-5-ancm.http', 'ASP.NET Core Module (IIS)', 'web-server', 'ancm-502-5'],
  ['gunicorn/500-behind-nginx.http', 'Gunicorn', 'web-server', 'gunicorn-500'],
  ['uwsgi/500-no-app.http', 'uWSGI', 'web-server', 'uwsgi-500'],
  ['puma/500-caught-error.http', 'Puma', 'web-server', 'puma-lowlevel-error'],
  ['express/500-stack-trace.http', 'Express', 'origin-app', 'express-stack-trace'],
  ['express/500-behind-nginx.http', 'Express', 'origin-app', 'express-internal-error'],
  ['express/404-cannot-post.http', 'Express', 'origin-app', 'express-cannot-get'],
  ['express/503-retry-after-behind-nginx.http', 'Express', 'origin-app', 'express-503-retry-after'],
  ['express/503-retry-after-behind-haproxy.http', 'Express', 'origin-app', 'express-503-retry-after'],
  ['fastify/500-error.http', 'Fastify', 'origin-app', 'fastify-error'],
  ['nextjs/500-pages-router.http', 'Next.js', 'origin-app', 'nextjs-error-page'],
  ['django/500-server-error.http', 'Django', 'origin-app', 'django-server-error'],
  ['django/400-disallowed-host.http', 'Django', 'origin-app', 'django-bad-request'],
  ['flask/500-internal-error.http', 'Flask (Werkzeug)', 'origin-app', 'werkzeug-internal-error'],
  ['rails/500-public-page.http', 'Ruby on Rails', 'origin-app', 'rails-500-page'],
  ['spring-boot/500-whitelabel.http', 'Spring Boot', 'origin-app', 'spring-whitelabel'],
  ['json/caddy-502.json', 'Caddy', 'reverse-proxy', 'caddy-502-empty'],
  ['curl/nginx-502-verbose.http', 'nginx', 'reverse-proxy', 'nginx-502-page'],
];

describe('diagnose: the issuing component of real error responses', () => {
  it.each(IDENTIFIED)('%s was issued by %s (%s)', (path, component, layer, fingerprint) => {
    const d = only(path);
    expect(d.verdict).toBe('identified');
    expect(d.issuer).toEqual({ component, layer, fingerprint });
    expect(d.chain.filter((link) => link.role === 'issuer')).toEqual([{ component, layer, role: 'issuer' }]);
    expect(d.evidence.some((e) => e.fingerprint === fingerprint)).toBe(true);
    expect(d.causes.length).toBeGreaterThan(0);
    expect(d.whereToLook.length).toBeGreaterThan(0);
    expect(d.nextSteps.length).toBeGreaterThan(0);
  });
});

describe('diagnose: causes follow the failure, not only the status', () => {
  it.each([
    ['nginx/502-bad-gateway.http', /connect\(\) failed \(111: Connection refused\)/],
    ['nginx/503-limit-req.http', /limit_req/],
    ['haproxy/503-no-server.http', /SC--/],
    ['apache/502-proxy-error.http', /70007/],
    ['aws-alb/502-bad-gateway.http', /keep-alive timeout is shorter than the ALB idle timeout/],
    ['cloudflare/521-web-server-down.http', /not running, or not listening/],
    ['django/400-disallowed-host.http', /ALLOWED_HOSTS/],
    ['php-fpm/404-primary-script-unknown.http', /SCRIPT_FILENAME/],
  ])('%s: %s', (path, cause) => {
    expect(only(path).causes.join('\n')).toMatch(cause);
  });

  it('lowers nothing but lists a weaker rival: an nginx 503 with a version-less footer may be ingress-nginx', () => {
    const d = only('nginx/503-limit-req.http');
    expect(d.confidence).toBe('high');
    expect(d.alternatives.map((a) => a.component)).toEqual(['ingress-nginx']);
  });
});

describe('diagnose: the path a response took', () => {
  it('Cloudflare in front of the Heroku router in front of Express, from cf-ray, Via and the body', () => {
    const d = only('cloudflare/express-behind-heroku.http');
    expect(d.chain).toEqual([
      { component: 'Cloudflare', layer: 'cdn', role: 'in-path' },
      { component: 'Heroku router', layer: 'load-balancer', role: 'in-path' },
      { component: 'Express', layer: 'origin-app', role: 'issuer' },
    ]);
    expect(d.evidence.map((e) => e.name ?? e.kind)).toEqual(expect.arrayContaining(['cf-ray', 'via', 'x-powered-by']));
  });

  it('nginx in front of PHP-FPM running a PHP application', () => {
    expect(only('php-fpm/404-primary-script-unknown.http').chain.map((l) => `${l.component}:${l.role}`)).toEqual(['nginx:in-path', 'PHP-FPM:issuer', 'PHP:in-path']);
  });

  it('merges a component into the more precise name that refines it (Istio is Envoy)', () => {
    expect(only('envoy/503-connection-termination.http').chain).toEqual([{ component: 'Istio (Envoy)', layer: 'reverse-proxy', role: 'issuer' }]);
  });

  it('keeps 100 Continue and redirects as hops before the response it diagnoses', () => {
    expect(only('curl/continue-then-504.http').hops).toEqual([{ status: 100, reason: 'Continue', location: null }]);
    const redirected = only('curl/redirect-then-503.http');
    expect(redirected.hops).toEqual([{ status: 308, reason: 'Permanent Redirect', location: 'https://shop.example/api/orders' }]);
    expect(redirected.issuer?.component).toBe('Traefik');
  });
});

describe('diagnose: curl network failures', () => {
  it.each([
    ['curl/refused-verbose.http', 'refused', 'curl-connection-refused'],
    ['curl/refused-old.http', 'refused', 'curl-connection-refused'],
    ['curl/empty-reply.http', 'empty-reply', 'curl-empty-reply'],
    ['curl/reset.http', 'reset', 'curl-reset'],
    ['curl/response-timeout.http', 'timeout-response', 'curl-response-timeout'],
    ['curl/connect-timeout.http', 'timeout-connect', 'curl-connect-timeout'],
    ['curl/tls-expired.http', 'tls-certificate', 'curl-tls-expired'],
    ['curl/tls-wrong-version.http', 'tls-handshake', 'curl-tls-wrong-version'],
    ['curl/dns.http', 'dns', 'curl-dns'],
    ['curl/http09.http', 'invalid-response', 'curl-not-http'],
    ['curl/http09-behind-nginx-verbose.http', 'invalid-response', 'curl-not-http'],
    ['curl/malformed-status-line.http', 'invalid-response', 'curl-malformed-status-line'],
    ['curl/truncated-body.http', 'truncated', 'curl-truncated'],
  ])('%s is a %s failure', (path, kind, fingerprint) => {
    const d = only(path);
    expect(d.verdict).toBe('identified');
    expect(d.issuer).toEqual({ component: 'curl', layer: 'client-tooling', fingerprint });
    expect(d.networkFailure?.kind).toBe(kind);
  });

  it('says what each proxy in front answers for a refused connection (they disagree)', () => {
    const answers = only('curl/refused-verbose.http').networkFailure?.proxyAnswers.map((a) => [a.component, a.status]);
    expect(answers).toEqual(
      expect.arrayContaining([
        ['nginx', 502],
        ['HAProxy', 503],
        ['Envoy', 503],
        ['Apache httpd', 503],
        ['AWS ALB', 502],
        ['Cloudflare', 521],
      ]),
    );
  });

  it('says the status was already sent when the body is cut short, and keeps nginx in the path', () => {
    const d = only('curl/truncated-body.http');
    expect(d.status).toBe(200);
    expect(d.networkFailure?.proxyAnswers).toContainEqual({ component: 'nginx', status: null, source: expect.stringContaining('ngx_http_upstream.c') });
    expect(d.chain.map((l) => l.component)).toEqual(['curl', 'nginx']);
    expect(d.notes.length).toBeGreaterThan(0);
  });

  it('answers 504 for nginx and 524 for Cloudflare when the server never responds', () => {
    const answers = only('curl/response-timeout.http').networkFailure?.proxyAnswers;
    expect(answers).toContainEqual(expect.objectContaining({ component: 'nginx', status: 504 }));
    expect(answers).toContainEqual(expect.objectContaining({ component: 'Cloudflare', status: 524 }));
  });
});

describe('diagnose: an honest unknown', () => {
  it('names the application behind nginx by elimination for an HTML 500 that is no nginx page, with low confidence', () => {
    const d = only('unknown/custom-500-behind-nginx.http');
    expect(d.verdict).toBe('inferred');
    expect(d.issuer).toEqual({ component: 'application', layer: 'origin-app', fingerprint: 'html-500-passed-through' });
    expect(d.confidence).toBe('low');
    expect(d.chain).toEqual([
      { component: 'nginx', layer: 'reverse-proxy', role: 'in-path' },
      { component: 'application', layer: 'origin-app', role: 'issuer' },
    ]);
    expect(d.summary).toMatch(/^Probably the application behind nginx sent this 500/);
    expect(d.evidence.map((e) => e.fingerprint)).toEqual(['nginx-server-header', 'html-500-passed-through']);
    expect(d.causes.length).toBeGreaterThan(0);
  });

  it.each([
    ['a JSON 400 of a Gin app as curl -v printed it (no proxy in the path)', 'wild/gin-docs/binding-required-400.curl-v.txt', 400],
    ['a NestJS guard\'s JSON 403, the body alone', 'wild/nestjs-docs/guard-forbidden-403.json', 403],
  ])('names the application at low confidence for %s: a JSON error with a message of its own, nobody in the path', (_case, path, status) => {
    const d = only(path);
    expect(d).toMatchObject({ verdict: 'inferred', status, confidence: 'low', issuer: { component: 'application', fingerprint: 'json-answered-alone' } });
    expect(d.summary).toMatch(/^Probably the application sent this \d{3}/);
  });

  it.each([
    ['JSON that says only its status ({"status":401,"message":"Unauthorized"}): gateways answer that for themselves too', 'wild/app/borgwarehouse-cron-401.json'],
    ['JSON that names no status at all (API Gateway\'s {"message":"Forbidden"})', 'wild/connect-wallboard/apigw-forbidden.json'],
  ])('stays unknown for %s', (_case, path) => {
    expect(only(path)).toMatchObject({ verdict: 'unknown', issuer: null });
  });

  it.each([
    ['a custom 502 page behind nginx: a gateway status, never the application by elimination', 'HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html><body><h1>We will be right back</h1></body></html>'],
    ['a custom HTML 503 behind nginx without Retry-After: a maintenance page or the app', 'HTTP/1.1 503 Service Unavailable\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html><body><h1>Down for maintenance</h1></body></html>'],
    // Via, not Server: Kong puts Server: kong/<version> only on the responses it produces itself (kong.conf.default, headers).
    ['JSON behind a component that writes JSON errors itself (Kong is not in the rules)', 'HTTP/1.1 500 Internal Server Error\r\nVia: kong/3.4.0\r\nContent-Type: application/json\r\n\r\n{"message":"An unexpected error occurred"}'],
    ['JSON with nobody known in the path', 'HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n\r\n{"error":"boom"}'],
  ])('stays unknown for %s, and shows what was seen', (_case, raw) => {
    const [d] = diagnose(raw).diagnoses;
    expect(d?.verdict).toBe('unknown');
    expect(d?.issuer).toBeNull();
    expect(d?.confidence).toBeNull();
    expect(d?.seen.statusLine).toMatch(/^HTTP\/1\.1 50[023] /);
  });

  it('says why a gateway status stays unknown behind a known proxy', () => {
    const [d] = diagnose('HTTP/1.1 504 Gateway Time-out\r\nServer: nginx\r\n\r\n<html><body>Sorry, slow today</body></html>').diagnoses;
    expect(d?.summary).toMatch(/^504 is what a gateway answers when its upstream fails/);
  });

  it.each([
    ['JSON behind nginx', 'HTTP/1.1 503 Service Unavailable\r\nServer: nginx/1.22.1\r\nContent-Type: application/json\r\n\r\n{"status":"maintenance"}', 'json-passed-through', 'medium', 'application'],
    ['plain text behind Caddy', 'HTTP/1.1 500 Internal Server Error\r\nServer: Caddy\r\nContent-Type: text/plain\r\n\r\nsomething failed', 'text-passed-through', 'low', 'application'],
    ['a 503 with Retry-After behind Caddy', 'HTTP/1.1 503 Service Unavailable\r\nServer: Caddy\r\nRetry-After: 120\r\nContent-Type: text/html\r\n\r\n<html><body>Back soon</body></html>', 'retry-after-503-passed-through', 'low', 'application'],
    ['the application in the headers, even for a 502', 'HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nX-Powered-By: Express\r\nContent-Type: text/html\r\n\r\n<p>payment service down</p>', 'app-in-headers', 'medium', 'Express'],
    ['its session cookie, headers only (curl -I)', 'HTTP/1.1 500 Internal Server Error\r\nServer: nginx\r\nSet-Cookie: XSRF-TOKEN=eyJpdiI6; path=/\r\nSet-Cookie: laravel_session=eyJpdiI6; path=/; httponly\r\n\r\n', 'app-in-headers', 'medium', 'Laravel'],
  ])('names the application for %s', (_case, raw, rule, confidence, component) => {
    const [d] = diagnose(raw).diagnoses;
    expect(d).toMatchObject({ verdict: 'inferred', confidence, issuer: { component, layer: 'origin-app', fingerprint: rule } });
  });

  // Real captures (provenance in the wild corpus's tables): Werkzeug's and old Django's status lines in capitals.
  it.each([
    ['Flask behind nginx, headers only (curl -I)', 'wild/app/nginx-fronted-flask-404.headers', 404, 'NOT FOUND'],
    ['Django behind nginx, curl -D', 'wild/app/500-django-behind-nginx-baobab-15-curl-d.txt', 500, 'INTERNAL SERVER ERROR'],
  ])('names the application for a reason phrase in capitals: %s', (_case, path, status, reason) => {
    const d = only(path);
    expect(d).toMatchObject({ verdict: 'inferred', status, confidence: 'medium', issuer: { component: 'application', fingerprint: 'capital-reason-passed-through' } });
    expect(d.summary).toContain(`"${reason}" in capitals`);
    expect(d.evidence).toContainEqual(expect.objectContaining({ kind: 'reason', value: reason }));
  });

  it.each([
    ["AWS Classic ELB's own 504 GATEWAY_TIMEOUT (an underscore: its own fingerprint)", 'wild/aws-elb/helpmeabstract-504-curlv.txt'],
    ['"500 OK" (two letters are no capitals written on purpose)', 'wild/resmon/curl-I-500.headers'],
    // proxy.py answers its own 404 in capitals too: a Server header no fingerprint knows may have written the line.
    ['proxy.py\'s own "404 NOT FOUND" (Server: proxy.py v1.0.0)', 'wild/proxy-py/readme-redirect-404.txt'],
  ])('does not read %s as a Python application', (_case, path) => {
    expect(only(path).issuer?.fingerprint).not.toBe('capital-reason-passed-through');
  });

  // A VCR cassette of Stripe's API (corpus-x.tsv): 402 is no status a proxy sends of its own.
  it("names the application for a 402's JSON behind nginx, read from a test suite's recording", () => {
    expect(only('wild/stripe/attach-402-card-declined-cassette.txt')).toMatchObject({ verdict: 'inferred', status: 402, confidence: 'medium', issuer: { fingerprint: 'json-passed-through' } });
  });

  // Real captures from the wild corpus (provenance in its corpus-v.tsv).
  it('names the application behind Envoy for a status no Envoy sends itself, by x-envoy-upstream-service-time (Seldon behind Istio)', () => {
    expect(only('wild/app/seldon-executor-get-405-via-envoy.headers')).toMatchObject({ verdict: 'inferred', confidence: 'medium', issuer: { fingerprint: 'envoy-upstream-answered' } });
  });

  it("says Cloudflare relayed the origin's answer (cf-cache-status DYNAMIC) but names no one at the origin without a body", () => {
    const d = only('wild/unknown/adoptopenjdk-api-503.headers');
    expect(d).toMatchObject({ verdict: 'unknown', issuer: null });
    expect(d.summary).toMatch(/^Cloudflare relayed this 503 from the origin/);
  });

  it("names Fastly for a miss answered in under a millisecond (X-Timer VE0): PyPI's VCL refusing plain HTTP", () => {
    expect(only('wild/fastly/pypi-http-403-ssl.curl-v.txt')).toMatchObject({ verdict: 'identified', issuer: { component: 'Fastly', fingerprint: 'fastly-edge-answer' }, confidence: 'medium' });
  });

  it("names the origin behind CloudFront by the origin's own Server header (MDN's meinheld), but not for a static error object", () => {
    expect(only('wild/app/mdn-kuma-404-via-cloudfront.headers')).toMatchObject({ verdict: 'inferred', confidence: 'medium', issuer: { fingerprint: 'cloudfront-relayed-origin-server' } });
    // An S3 object served as CloudFront's custom error page (ETag, Last-Modified) for a status CloudFront chose.
    expect(only('wild/cloudfront/brofix-375.headers').issuer?.fingerprint).not.toBe('cloudfront-relayed-origin-server');
  });

  it("names Cloudflare for nginx's 400 page with its extra line under the heading and the cloudflare footer", () => {
    expect(only('wild/cloudflare/400-plain-http-to-https-port-v2iplimit-2024.html')).toMatchObject({ issuer: { component: 'Cloudflare', fingerprint: 'cloudflare-plain-4xx' }, confidence: 'high' });
  });

  it("names the ALB only at low confidence for its footerless page without the ALB's Server header", () => {
    expect(only('wild/unknown/postman-course-api-504.html')).toMatchObject({ issuer: { fingerprint: 'aws-alb-504-page' }, confidence: 'low' });
  });

  it("takes no proxy's or CDN's cookie for the application's session", () => {
    const [d] = diagnose('HTTP/1.1 500 Internal Server Error\r\nServer: cloudflare\r\nSet-Cookie: __cf_bm=abc; path=/\r\nSet-Cookie: AWSALB=xyz; Path=/\r\n\r\n').diagnoses;
    expect(d?.issuer?.fingerprint).not.toBe('app-in-headers');
  });

  it('names no issuer and no path for a bare response', () => {
    const d = only('unknown/bare-503.http');
    expect(d.verdict).toBe('unknown');
    expect(d.chain).toEqual([]);
    expect(d.evidence).toEqual([]);
  });

  it('keeps the status of curl --fail output and says the body is missing', () => {
    const d = only('curl/fail-502.http');
    expect(d.verdict).toBe('unknown');
    expect(d.status).toBe(502);
    expect(d.notes.join(' ')).toContain('curl -i');
  });

  it('diagnoses every entry of a HAR file: an OK page, a Cloudflare 522, a refused request', () => {
    const report = diagnose(fixture('har/checkout.har'));
    expect(report.format).toBe('har');
    expect(report.diagnoses.map((d) => [d.verdict, d.issuer?.fingerprint ?? null])).toEqual([
      ['no-error', null],
      ['identified', 'cloudflare-522'],
      ['identified', 'client-connection-refused'],
    ]);
    expect(report.diagnoses[2]?.seen.clientError).toBe('net::ERR_CONNECTION_REFUSED');
  });
});

describe('diagnose: both languages are complete', () => {
  const paths = [...IDENTIFIED.map(([path]) => path), 'unknown/custom-500-behind-nginx.http', 'curl/refused-verbose.http'];

  it.each(paths)('%s reads in English and Indonesian with the same facts', (path) => {
    const [en, id] = LOCALES.map((locale) => only(path, locale));
    if (!en || !id) throw new Error('both locales');
    expect(id.summary).not.toBe(en.summary);
    for (const key of ['causes', 'whereToLook', 'nextSteps'] as const) {
      expect(id[key]).toHaveLength(en[key].length);
      for (const line of id[key]) expect(line.trim().length).toBeGreaterThan(2);
    }
    expect({ ...id, summary: '', causes: [], whereToLook: [], nextSteps: [], notes: [], alternatives: [], statusMeanings: [] }).toEqual({
      ...en,
      summary: '',
      causes: [],
      whereToLook: [],
      nextSteps: [],
      notes: [],
      alternatives: [],
      statusMeanings: [],
    });
  });
});

describe('diagnose: unreadable input', () => {
  it('refuses prose that is no error page, quoting its start and saying what it reads', () => {
    expect(() => diagnose('the site shows an error when I log in')).toThrow(/curl -v.*error page itself.*"the site shows an error when I log in"/s);
  });

  it('throws HW_ERR_DIAGNOSE_UNREADABLE_INPUT, never a guess', () => {
    expect(() => diagnose('Gateway timeout again on the checkout page')).toThrow(expect.objectContaining({ code: 'HW_ERR_DIAGNOSE_UNREADABLE_INPUT', exitCode: 2 }));
  });
});
