/** diagnose() on real pastes of the wild corpus (test/fixtures/diagnose/wild/): what people paste, read and judged. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import type { Diagnosis } from './types.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');
const first = (text: string): Diagnosis => {
  const [d] = diagnose(text).diagnoses;
  if (!d) throw new Error('no diagnosis');
  return d;
};

describe('diagnose: partial and wrapped pastes', () => {
  it('identifies a JSON body pasted alone by its own words, with no status, and says only the body was given', () => {
    const report = diagnose(wild('aws-api-gateway/403-missing-authentication-token-fhir.json'));
    expect(report.format).toBe('body');
    const [d] = report.diagnoses;
    expect(d).toMatchObject({ verdict: 'identified', status: 403, issuer: { component: 'Amazon API Gateway', fingerprint: 'apigw-missing-auth-token' } });
    expect(d?.notes.join(' ')).toContain('Only the response body was given');
  });

  it('says a JSON body alone that names no status and no component is unknown, not that no response came', () => {
    const d = first(wild('app/cratesio-404-json-curl-accept-2022.json'));
    expect(d).toMatchObject({ verdict: 'unknown', status: null, issuer: null });
    expect(d.summary).toBe('No fingerprint identifies the component that produced this response, and it does not say its status.');
  });

  it('names the application at low confidence for a JSON body alone with a message of its own (Mastodon), status unsaid', () => {
    const d = first(wild('mastodon/app-422-validation-failed.json'));
    expect(d).toMatchObject({ verdict: 'inferred', status: null, confidence: 'low', issuer: { component: 'application', fingerprint: 'json-body-alone' } });
    expect(d.summary).toMatch(/^Probably the application wrote this error \(inferred, low confidence\)/);
  });

  it.each([
    ["Azure Resource Manager's GatewayTimeout (a body that speaks of a gateway)", 'azure-resource-manager/azure-cli-containerapp-gateway-timeout.json'],
    ['an identifier with no words, beside a reason phrase (Kong: {"message":"Unauthorized","request_id":"some_request_id"})', 'kong/supabase-auth-consumers-401.json'],
  ])('leaves a JSON body alone unknown for %s', (_case, path) => {
    expect(first(wild(path))).toMatchObject({ verdict: 'unknown', issuer: null });
  });

  it('de-chunks a dump whose lines a test log indented (Contour, Envoy)', () => {
    const d = first(wild('envoy/503-connection-failure-contour-chunked.http'));
    expect(d).toMatchObject({ verdict: 'identified', issuer: { component: 'Envoy', fingerprint: 'envoy-connect-failure' } });
    expect(d.notes.join(' ')).toContain('chunk-size lines');
  });

  it("reads curl -v output after the shell prompt (which starts with '[', not JSON)", () => {
    expect(first(wild('envoy/503-no-healthy-upstream-istio-vm.curl'))).toMatchObject({ verdict: 'identified', issuer: { fingerprint: 'envoy-no-healthy-upstream' } });
  });

  it("reads a PHP array dump of the head (AWS ALB's 502)", () => {
    expect(first(wild('aws-alb/502-esi-fleet-members-php-array.http'))).toMatchObject({ verdict: 'identified', issuer: { component: 'AWS Application Load Balancer' } });
  });

  it('reads a FastCGI head with Status: and its body (PHP-FPM)', () => {
    expect(first(wild('php-fpm/404-fcgi-client-raw-fastcgi.http'))).toMatchObject({ status: 404, verdict: 'identified', issuer: { component: 'PHP-FPM' } });
  });

  it("names nginx for a curl -I whose Content-Length is the size of nginx's own 502 page, one step less sure", () => {
    const d = first(wild('nginx/502-pypipin-badges.headers'));
    expect(d).toMatchObject({ verdict: 'identified', confidence: 'medium', issuer: { component: 'nginx', fingerprint: 'nginx-502-page' } });
    expect(d.evidence[0]).toMatchObject({ kind: 'header', name: 'Content-Length', value: '173', fingerprint: 'nginx-special-response' });
    expect(d.notes.join(' ')).toContain('Content-Length (173 bytes) is exactly the size');
    expect(d.seen.bodyExcerpt).toBeNull();
  });

  it("reads a page by its visible words when its markup no longer matches (nginx's page flattened onto one line), with low confidence", () => {
    const d = first(wild('nginx/502-datasift-flattened-page.txt'));
    expect(d).toMatchObject({ verdict: 'identified', confidence: 'low', issuer: { component: 'nginx' } });
    expect(d.notes.join(' ')).toContain('its visible words were matched instead');
  });

  it('reads a page heading and its sentence joined with a dash (HAProxy) or a slash (OpenResty)', () => {
    expect(first(wild('haproxy/503-justmeandopensource-lb-in-front-of-ingress.txt'))).toMatchObject({ verdict: 'identified', issuer: { component: 'HAProxy' } });
    expect(first(wild('nginx-proxy-manager/502-apache-upstream-other-network.txt'))).toMatchObject({ verdict: 'identified', issuer: { component: 'OpenResty' } });
  });

  it('reads a one-line markdown quote of a page as the page, not as curl -v request lines (Heroku)', () => {
    expect(first(wild('heroku/503-application-error-f5oclock-quoted.txt'))).toMatchObject({ verdict: 'identified', issuer: { component: 'Heroku router' } });
  });

  it('reads page text copied from a rendered issue, where a link kept its markdown (Cloudflare, Netlify)', () => {
    // The page's first lines, as far as people copy them: its heading, the link line and the time.
    const page = wild('cloudflare/525-ssl-handshake-divinum-officium.txt').split('\n').slice(0, 3).join('\n');
    const linked = page.replace('Visit cloudflare.com for', 'Visit [cloudflare.com](https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_525) for');
    expect(linked).not.toBe(page);
    expect(first(linked)).toMatchObject({ verdict: 'identified', status: 525, issuer: { component: 'Cloudflare' } });
    expect(first(wild('netlify/404-page-not-found-bolt-deploy.txt')).issuer?.component).toBe('Netlify');
  });

  it("reads page text pasted with markdown: a heading's #s and bold words (Tomcat)", () => {
    const page = wild('tomcat/404-timetable-9.0.62.txt');
    const marked = page.replace('HTTP Status 404', '# HTTP Status 404').replace('Type Status Report', '**Type** Status Report').replace('Description The', '**Description** The');
    expect(marked).not.toBe(page);
    expect(first(marked)).toMatchObject({ verdict: 'identified', status: 404, issuer: { component: 'Apache Tomcat' } });
  });

  it("reads page text a comment set in HTML emphasis, not as an XML document (nginx's 494 words)", () => {
    expect(first(wild('nginx/400-jquery-validation-cookie-too-large-bold.txt'))).toMatchObject({ verdict: 'identified', status: 400, issuer: { component: 'nginx' } });
  });

  it("reads a client library's response object printed as JSON, the page in its data (AngularJS $http, nginx)", () => {
    expect(first(wild('nginx/504-kityminder-axios-json.json'))).toMatchObject({ verdict: 'identified', status: 504, issuer: { component: 'nginx' } });
  });

  it('reads the page a JSON error object wraps in a string, with the status the object names', () => {
    const page = wild('nginx/502-kafka-playground-google-http-client-log.txt').split('CONFIG: ').at(-1) ?? '';
    expect(page).toContain('<hr><center>nginx/1.18.0 (Ubuntu)</center>');
    const wrapped = JSON.stringify({ statusCode: 502, error: { message: page.replace('<title>502 Bad Gateway</title>', '') } });
    expect(first(wrapped)).toMatchObject({ verdict: 'identified', status: 502, issuer: { component: 'nginx' } });
    // Words in a JSON body are the body's own: API Gateway's message stays its own.
    expect(first(wild('aws-api-gateway/403-missing-authentication-token-fhir.json')).issuer?.component).toBe('Amazon API Gateway');
  });

  it("takes the status of a Cloudflare page cut below its heading from its landing link (utm_source=errorcode_502)", () => {
    expect(first(wild('cloudflare/502-fromthepage-footer-fragment.html'))).toMatchObject({ verdict: 'identified', status: 502, issuer: { component: 'Cloudflare' } });
  });

  it("names Cloudflare from its 5xx heading copied alone, its title in the template's wording beside its code", () => {
    expect(first(wild('cloudflare/504-anonymous-github-page-text.txt'))).toMatchObject({ verdict: 'identified', status: 504, issuer: { component: 'Cloudflare' } });
    // nginx's wording of the same title is no Cloudflare page.
    expect(first('Gateway Time-out Error code 504').issuer?.component).not.toBe('Cloudflare');
  });

  it("names ASP.NET from its Runtime Error page cut after the head (a scanner's capture)", () => {
    expect(first(wild('aspnet/400-whatwaf-362-runtime-error-arraffinity.http'))).toMatchObject({ verdict: 'identified', status: 400, issuer: { component: 'ASP.NET' } });
  });

  it("names Google's front end from its 413 page, App Service from its older page's title, Gorouter from its own log record", () => {
    expect(first(wild('google-frontend/413-attic-cloud-run-too-large.txt'))).toMatchObject({ verdict: 'identified', status: 413, issuer: { component: 'Google Front End' } });
    expect(first(wild('azure-app-service/403-vscode-785-web-app-unavailable.txt')).issuer?.component).toBe('Azure App Service');
    expect(first(wild('cloud-foundry-gorouter/502-gorouter-218-endpoint-failed-log.log')).issuer?.component).toBe('Cloud Foundry Gorouter');
  });

  it("names Caddy 1 from its one-line text error, and never names the application for a body of the status's own words", () => {
    const caddy = wild('caddy/caddy-1312.http');
    expect(first(caddy)).toMatchObject({ verdict: 'identified', status: 404, issuer: { component: 'Caddy' } });
    // Without its Server header the same words are what many servers write for their own errors: no elimination.
    const bare = first(caddy.replace('Server: Caddy\n', 'Via: 1.1 varnish\n'));
    expect(bare.issuer?.component).not.toBe('application');
  });

  it("reads DevTools' General section and the response headers below it, and the size of Go's 404 page in them", () => {
    expect(first(wild('traefik/traefik-7024.headers'))).toMatchObject({ verdict: 'identified', status: 404, issuer: { component: 'Go net/http' } });
  });

  it("names pages cut after their head and handlers' own errors: Apache's error document, Express 3's stack, wsgiref's 500", () => {
    expect(first(wild('apache/whatwaf-1526.http')).issuer?.component).toBe('Apache httpd');
    expect(first(wild('express/foaas-83.txt')).issuer?.component).toBe('Express');
    expect(first(wild('python-wsgiref/fotoratan-4.txt'))).toMatchObject({ status: 500, issuer: { component: 'Python wsgiref' } });
    expect(first(wild('cloudflare/freshrss-1646.txt'))).toMatchObject({ status: 503, issuer: { component: 'Cloudflare' } });
  });

  it("names the component a page's footer names, not the one whose page words it copied (BFE's nginx-style page)", () => {
    expect(first(wild('bfe/fuckcdn-400.http'))).toMatchObject({ verdict: 'identified', status: 400, issuer: { component: 'BFE' } });
    expect(first(wild('cloudflare/tlse-505.http'))).toMatchObject({ status: 505, issuer: { component: 'Cloudflare' } });
  });

  it('names components by what a head alone shows: a result type, a reason phrase, a body size, a header only they send', () => {
    const names = (file: string) => first(wild(file)).issuer?.component;
    expect(names('cloudfront/cs50-503-lambda.headers')).toBe('Amazon CloudFront');
    expect(names('azure-storage/gist-403.headers')).toBe('Azure Storage');
    expect(names('ms-isa-server/curl369-407-trace.txt')).toBe('Microsoft ISA Server / Forefront TMG');
    expect(names('envoy/istio-13315-503.headers')).toBe('Istio (Envoy)');
    expect(first(wild('app/registry-401.headers'))).toMatchObject({ verdict: 'inferred', issuer: { component: 'Docker Registry (Distribution)' } });
  });

  it("names servers and frameworks by their own fixed words: Jetty's parser, Gunicorn's limit, Spark's 500, ASP.NET Core's ProblemDetails", () => {
    const names = (file: string) => first(wild(file)).issuer?.component;
    expect(names('jetty/restler-505.http')).toBe('Jetty');
    expect(names('gunicorn/limit-request-line-400.txt')).toBe('Gunicorn');
    expect(names('app/burpbuddy-spark-500.http')).toBe('Spark (Java)');
    expect(names('app/aspnetcore-problem-404.json')).toBe('ASP.NET Core');
    expect(names('cloudfront/proxydomo-geo-403.txt')).toBe('Amazon CloudFront');
  });

  it('reads page lines set as inline code, one per line (nginx)', () => {
    expect(first(wild('nginx/502-archivelab-30-inline-code-lines.txt'))).toMatchObject({ verdict: 'identified', status: 502, issuer: { component: 'nginx' } });
  });

  it("reads a page that an error object printed as string literals joined by + among its other properties (ethers' responseBody)", () => {
    expect(first(wild('nginx/502-units-network-bot-1-js-escaped.txt'))).toMatchObject({ verdict: 'identified', status: 502, issuer: { component: 'nginx' } });
    // Quotes around markup in a page's own source are no printed literal: no escape inside.
    expect(diagnose('<p>Use a snippet such as "<html lang=en> and more words here to fill it</html>" in your page</p>\n<h1>404 Not Found</h1>').diagnoses[0]?.status).toBe(404);
  });

  it("does not name a component whose page an application's own page quotes (it names another status)", () => {
    const paste = 'HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\n\n<html><body><h1>Traceback</h1><pre>the upstream said:\n502 Bad Gateway\nnginx</pre></body></html>';
    expect(first(paste).issuer?.component).not.toBe('nginx');
  });

  it("names no alternative that is the issuer's own box named less precisely (IIS for the ASP.NET Core Module)", () => {
    const d = first(wild('iis-ancm/500-simplcommerce-500.30.txt'));
    expect(d.issuer?.component).toBe('ASP.NET Core Module (IIS)');
    expect(d.alternatives.map((a) => a.component)).not.toContain('IIS');
  });

  it('reads "File not found." alone, the whole of a PHP-FPM page', () => {
    expect(first(wild('php-fpm/404-cherokee-file-not-found.txt'))).toMatchObject({ verdict: 'identified', issuer: { component: 'PHP-FPM' } });
  });
});

describe('diagnose: no confidently wrong issuer', () => {
  it('names the application, not the application server, for a page behind Gunicorn that no fingerprint knows', () => {
    const d = first('HTTP/1.1 500 Internal Server Error\r\nServer: gunicorn/19.9.0\r\nContent-Type: text/html\r\n\r\n<html><body><h1>Payment failed</h1></body></html>');
    expect(d).toMatchObject({ verdict: 'inferred', confidence: 'medium', issuer: { component: 'application', fingerprint: 'app-in-headers' } });
    expect(d.chain.map((l) => [l.component, l.role])).toEqual([
      ['Gunicorn', 'in-path'],
      ['application', 'issuer'],
    ]);
    expect(d.summary).toContain('(Gunicorn)');
  });

  it("names nobody for an access line cut before its client and time: a proxy's as much as an app server's (corpus: ingress-nginx/cert-manager-656-acme-challenge-404-access.log)", () => {
    // ingress-nginx's own 404 for a host no Ingress rule took, in the thread; the line alone reads like a web framework's.
    const d = first(wild('ingress-nginx/cert-manager-656-acme-challenge-404-access.log'));
    expect(d).toMatchObject({ verdict: 'unknown', status: 404 });
  });

  it("does not read a sentence that runs from a status to a component's name as that component's page footer", () => {
    // Sentences as people write them around an error (constructed; the shape is what matters, not the words).
    for (const sentence of [
      'I get 502 Bad Gateway from my nginx behind cloudflare',
      'After deploying, 504 Gateway Timeout from CloudFront when calling the API',
      '502 Bad Gateway error in kubernetes ingress nginx controller',
      'Error 502 when using cloudflared tunnel',
      'Getting 404 Not Found from openresty',
    ]) {
      expect(first(sentence), sentence).toMatchObject({ verdict: 'unknown', issuer: null });
    }
    // The page's own lines, copied: heading, then the footer.
    expect(first('502 Bad Gateway\ncloudflare')).toMatchObject({ verdict: 'identified', issuer: { component: 'Cloudflare' } });
    expect(first('414 Request-URI Too Large\nnginx')).toMatchObject({ verdict: 'identified', issuer: { component: 'nginx' } });
  });

  it("names cloudflared's 502, not a Cloudflare 520, for the Tunnel's origin error in its log line (set 11 capture, corpus-m)", () => {
    const d = first(wild('cloudflared/502-request-failed-docker-localhost.log'));
    expect(d).toMatchObject({ status: 502, verdict: 'identified', issuer: { component: 'Cloudflare Tunnel' } });
  });

  it('never names Gunicorn for the framework page it passed on (real capture)', () => {
    const d = first(wild('flask/500-httpbin-digest-gunicorn.curl'));
    expect(d.issuer?.layer).toBe('origin-app');
    expect(d.chain.find((l) => l.component === 'Gunicorn')?.role).toBe('in-path');
  });

  it("does not read a Java client's log as page text (its 'Server = [nginx]' is a header, not nginx's page)", () => {
    const d = first(wild('rails/500-gitlab-plugin-337-json-behind-nginx.http'));
    expect(d.status).toBe(500);
    expect(d.issuer?.layer).toBe('origin-app');
    expect(d.chain.find((l) => l.component === 'nginx')?.role).toBe('in-path');
  });

  it("leaves a page's heading alone unknown: '503 Service Temporarily Unavailable' is nginx's and the ALB's", () => {
    const d = first(wild('ingress-nginx/503-kube-prod-runtime-cpu-starved.txt'));
    expect(d).toMatchObject({ status: 503, verdict: 'unknown', issuer: null });
  });

  it.each([
    ["Cloudflare's plain-text 1xxx answer to a client that is no browser", 'HTTP/1.1 403 Forbidden\r\nServer: cloudflare\r\nCF-RAY: 7afa59eb3bb7abf6-KLD\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nerror code: 1020'],
    ["Cloudflare's structured JSON error", 'HTTP/1.1 429 Too Many Requests\r\nServer: cloudflare\r\nContent-Type: application/json\r\n\r\n{"cloudflare_error":true,"error_code":1015}'],
  ])('does not name the application behind Cloudflare for %s', (_case, raw) => {
    expect(first(raw).issuer?.component).not.toBe('application');
  });

  it("names Django only with low confidence for its 404 sentence as a whole page, and not at all when an app's page goes on", () => {
    // Django's default 404 (Packt's Django-2-by-Example#47), then the same sentence in an API's own 404 text
    // (Hono apps publish "# Not Found / The requested resource was not found on this server. / Use the API routes ...").
    expect(first(wild('django/404-packt-not-found-text.txt'))).toMatchObject({ issuer: { component: 'Django' }, confidence: 'low' });
    const appPage = 'Not Found\n\nThe requested resource was not found on this server.\n\nUse the API routes instead:\n- /api/search';
    expect(first(appPage).issuer?.component).not.toBe('Django');
  });

  it("does not name Laravel for a Whoops trace without a frame of Laravel's own (Whoops serves other PHP frameworks)", () => {
    const laravel = wild('laravel/400-cachet-3753-whoops-stacktrace.txt');
    expect(first(laravel).issuer?.component).toBe('Laravel');
    const otherFramework = laravel.split('\n').filter((line) => !line.includes('Illuminate')).join('\n');
    expect(otherFramework).toContain('Stacktrace:');
    expect(() => first(otherFramework)).toThrow(/not a response httpwhy can read/);
  });

  it('does not name the application for an HTML 500 behind the Google Front End, which writes one of its own', () => {
    const d = first(wild('google-frontend/500-server-error-via-cloudfront-dl-flynn.http'));
    expect(d.status).toBe(500);
    expect(d.issuer?.component).not.toBe('application');
    expect(d.chain.map((l) => l.component)).toContain('Amazon CloudFront');
  });
});

describe('diagnose: hostile pastes stay fast', () => {
  const long = 200_000;
  it.each([
    ['a status statement followed by a long run of spaces', `Status: 500${' '.repeat(long)}x]y\nServer: a`],
    ['a header-like line of spaces', `Status: 500\nX:${' '.repeat(long)}y\n`],
    ['a headers label with spaces', `Status: 500\nheaders${' '.repeat(long)}x\nServer: a`],
    ['lines sharing a long prefix of words', `${'a '.repeat(long / 2)}\n${'a '.repeat(long / 2)}b\n${'a '.repeat(long / 2)}c`],
    ['an escaped string with quotes and spaces', `${`"${' '.repeat(1000)}\\n`.repeat(200)}x`],
    ['a megabyte of unclosed tags', '<center><h1>404 x'.repeat(60_000)],
    ['a page line with a status and a long run of blanks', `Oops\n404${' '.repeat(long)}x`],
    ['a status line with a long reason of blanks', `HTTP/1.1 502 a${' '.repeat(long)}b\n\n`],
    ['a header value with a long run of blanks inside', `HTTP/1.1 502 Bad Gateway\nX: a${' '.repeat(long)}b\n\n`],
    ['a curl failure line with a long run of blanks inside', `curl: (52) a${' '.repeat(long)}b`],
    ['a JSON status with a long run of blanks inside', `{"status": "502 a${' '.repeat(long)}b", "body": ""}`],
    ['a head followed by a long line of blanks and no blank line', `HTTP/1.1 502 Bad Gateway\nServer: a\n${' '.repeat(long)}x`],
    ['a quoted request line that never closes', `"GET ${'a'.repeat(long)} HTTP/1.1 404 x\nServer: a`],
    ['a long line of blanks before a label', `Status: 500\nServer: a\n${' '.repeat(long)}response body:x`],
    ['a long run of backticks', `${'`'.repeat(long)}x\n502 Bad Gateway`],
    ['page text with many separators', `502 Bad Gateway${' - /'.repeat(long / 4)}x`],
  ])('reads %s in well under a second', (_case, paste) => {
    const started = performance.now();
    try {
      diagnose(paste);
    } catch {
      // refusing it is fine; hanging is not
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("diagnose: an HTTP client's error message", () => {
  it("names Apache from the reason phrase git printed ('502 Proxy Error', mod_proxy's own status line)", () => {
    const report = diagnose(wild('apache/502-scm-manager-git-rpc-proxy-error.txt'));
    expect(report.format).toBe('client-message');
    const [d] = report.diagnoses;
    expect(d).toMatchObject({ verdict: 'identified', status: 502, confidence: 'medium', issuer: { component: 'Apache httpd', fingerprint: 'apache-proxy-error-reason' } });
    expect(d?.notes.join(' ')).toContain("Only an HTTP client's error message was given");
  });

  it('matches the page a tool printed after its message (Fastly under a Rust error chain)', () => {
    const report = diagnose(wild('fastly/503-cohost-dl-first-byte-timeout-body.txt'));
    expect(report.format).toBe('client-message');
    expect(report.diagnoses[0]).toMatchObject({ verdict: 'identified', status: 503, issuer: { component: 'Fastly' } });
    expect(report.diagnoses[0]?.label).toMatch(/^response to https:\/\/cohost\.org\/api\/v1\/trpc\/posts\.singlePost\?/);
  });

  it('reads the status of a message that names no issuer, and says the issuer is unknown', () => {
    const d = first(wild('cloudflare/403-datahub-urllib-http-error.txt'));
    expect(d).toMatchObject({ verdict: 'unknown', status: 403, issuer: null });
    expect(diagnose('Error from server (ServiceUnavailable): the server is currently unable to handle the request (get nodes.metrics.k8s.io)').diagnoses[0]).toMatchObject({ verdict: 'unknown', status: 503 });
  });

  it("reads npm's lines around a page when only some carry npm's mark (HAProxy's 503)", () => {
    expect(first(wild('haproxy/503-npm-10363-registry-error-parsing-json.txt'))).toMatchObject({ verdict: 'identified', status: 503, issuer: { component: 'HAProxy' } });
  });
});

describe("diagnose: a reason phrase only one component writes, as a client printed it", () => {
  it.each([
    // requests prints the status line's reason, and Fastly names its own timeout error there.
    ['requests.exceptions.HTTPError: 503 Server Error: first byte timeout for url: https://pypi.org/simple/x/', 'Fastly', 'medium'],
    ['npm ERR! 503 All backends failed or unhealthy - GET https://registry.npmjs.org/x', 'Fastly', 'low'],
    ['error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502 Proxy Error', 'Apache httpd', 'medium'],
  ])('%s', (text, component, confidence) => {
    expect(first(text)).toMatchObject({ verdict: 'identified', issuer: { component }, confidence });
  });

  it("matches the page's words a client printed after its message as page text", () => {
    expect(first('AxiosError: Request failed with status code 502\n502 Bad Gateway\nnginx')).toMatchObject({ verdict: 'identified', status: 502, issuer: { component: 'nginx' } });
  });

  it('names no issuer for a registry reason phrase', () => {
    expect(first('requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://pypi.org/simple/x/')).toMatchObject({ verdict: 'unknown', status: 503 });
  });

  it("names the Kubernetes API server for its own admission and kubelet failures, and a webhook for its refusal (kubectl's words, corpus)", () => {
    expect(first(wild('kubernetes-apiserver/gk-3538-webhook-dial-timeout.txt'))).toMatchObject({ status: 500, issuer: { fingerprint: 'kubernetes-apiserver-webhook-call-failed' } });
    expect(first(wild('kubernetes-apiserver/k8s-62511-exec-dial-kubelet-no-route.txt'))).toMatchObject({ issuer: { fingerprint: 'kubernetes-apiserver-dialing-backend' } });
    expect(first(wild('kyverno/kyverno-validate-ns-purpose-blocked.txt'))).toMatchObject({ issuer: { component: 'Kyverno' } });
    // istiod's and Gloo Federation's webhooks by their names (held-out set 232)
    expect(first(wild('istio/kubectl-create-envoyfilter-pilot-validation-denied.txt'))).toMatchObject({ issuer: { component: 'Istio (istiod)', fingerprint: 'istio-admission-denied' } });
    expect(first(wild('gloo/kubectl-gloo-fed-rbac-validating-webhook-denied.txt'))).toMatchObject({ issuer: { component: 'Gloo Gateway', fingerprint: 'gloo-admission-denied' } });
    // client-go's words for any 5xx without a Status body: no status, no issuer.
    expect(() => first('Error from server (InternalError): an error on the server ("") has prevented the request from succeeding')).toThrow(/not a response httpwhy can read/);
  });
});

describe("diagnose: an API's error object by its whole shape", () => {
  it("names Postmark for its two-key object only, not LinkedIn's v1 object that has the same two keys among others", () => {
    expect(first(wild('postmark/keighl-postmark-errorcode-10.json')).issuer?.component).toBe('Postmark');
    expect(first(wild('linkedin/v1-people-unable-verify-401.json')).issuer?.component).not.toBe('Postmark');
  });
});

describe('diagnose: a page told apart by its markup only', () => {
  it("names kamal-proxy for its own 404 page (its em-dash title), not Rails, whose public 404 page says the same sentence", () => {
    expect(first(wild('kamal-proxy/default-404-page.html'))).toMatchObject({ verdict: 'identified', issuer: { component: 'kamal-proxy' } });
  });

  it("keeps Rails for that sentence copied as page text, where no title is left to tell them apart (markupOnly)", () => {
    expect(first(wild('rails/tumpy-1251-404-pagetext.txt'))).toMatchObject({ verdict: 'identified', issuer: { component: 'Ruby on Rails' } });
  });
});
