import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statusInLinks, statusInPage } from './status-in-page.ts';

/** Lines from the wild corpus (test/fixtures/diagnose/wild/), as the pages and logs show them. */
describe('statusInPage', () => {
  it.each([
    ['502 Bad Gateway', 502, 'Bad Gateway'],
    // Laravel's minimal error view copied without its CSS capitals (mapos-279 of set 33).
    ['500 | Server Error', 500, 'Server Error'],
    ['504 Gateway Time-out, openresty/1.15.8.1', 504, 'Gateway Time-out'],
    ['Error 503 Backend is unhealthy', 503, ''],
    ['HTTP ERROR: 404', 404, ''],
    // An access line in prose (flask/405-post-wtform-tutorial of set 11) and Django's runserver line (set 4b).
    ["i'm getting a `\"POST / HTTP/1.1\" 405 -` so when I submit the form", 405, ''],
    ['[14/Jun/2015 14:18:46] "GET / HTTP/1.1" 400 26', 400, ''],
    // Jetty's sentence with the reason on its line.
    ['Problem accessing /api. Reason: Not Found', 404, 'Not Found'],
    ['HTTP Status 404 – Not Found', 404, ''],
    ['Status Code:500 Internal Server Error', 500, ''],
    ['Failed to load resource: the server responded with a status of 503 (Service Unavailable: Back-end server is at capacity)', 503, 'Service Unavailable: Back-end server is at capacity'],
    ['Error      failed: 502 Bad Gateway', 502, ''],
    ['resulted in a `404 Not Found` response:', 404, ''],
    ['504 GATEWAY_TIMEOUT "Response took longer than timeout: PT5M"', 504, ''],
    ['Service Unavailable', 503, 'Service Unavailable'],
    ['Error reference number: 502', 502, ''],
    ['oauth.io is currently returning  Service Unavailable: Back-end server is at capacity Code 503.', 503, ''],
    ['the API answers HTTP 504 after 29 seconds', 504, ''],
    ['heroku[router]: at=error code=H10 desc="App crashed" method=GET path="/" status=503 bytes=', 503, ''],
    // IIS's Failed Request Tracing, as its viewer prints an event and as its XML holds it (aspnet/IISIntegration#311, dotnet/core#1694).
    ['Warning	ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3"', 502, ''],
    ['  <Data Name="HttpStatus">502</Data>', 502, ''],
    // configurable-http-proxy's page titles (jupyterhub/configurable-http-proxy lib/error/503.html).
    ['503: Proxy Target Missing', 503, 'Proxy Target Missing'],
    // midtrans-python-client's error, the code in backticks (midtrans/python-snap-production-token-401 of set 292).
    ['Midtrans API is returning API error. HTTP status code: `401`. API response: `{"error_messages":[]}`', 401, ''],
    // ACME problems as cert-manager and lego print them (boulder/ of set 302 and earlier).
    ['Failed to update ACME account:400 urn:ietf:params:acme:error:invalidEmail: Unable to update account :: invalid contact domain.', 400, ''],
    ['acme: error: 429 :: POST :: https://acme-v02.api.letsencrypt.org/acme/new-order :: urn:ietf:params:acme:error:rateLimited :: Error creating new order', 429, ''],
  ])('reads %j as %i', (line, status, reason) => {
    expect(statusInPage([line])).toEqual({ status, reason });
  });

  it.each([
    'Error 1015 Ray ID:  • 2024-08-06 23:48:52 UTC',
    'Details: cache-mia-kmia1760095-MIA 1789669932 1461778234',
    'Connected to 10.96.0.14 port 404 now',
    'It returned 500 rows',
    'Error code: 1020',
    'Error Code 0x8007000d',
    'exit code 1',
  ])('finds no status in %j', (line) => {
    expect(statusInPage([line])).toBeNull();
  });

  it("takes a line that is a 4xx or 5xx code alone (curl -w '%{http_code}' after the body), only when no line names one in words", () => {
    // netpple's Istio notes (set 63): Envoy's RBAC body, then the code curl printed.
    expect(statusInPage(['RBAC: access denied', '403'])).toEqual({ status: 403, reason: '' });
    expect(statusInPage(['404', 'File not found', 'HTTP Error 410'])).toEqual({ status: 410, reason: '' });
    expect(statusInPage(['200', 'port', '8080'])).toBeNull();
  });
});

describe("statusInPage, Envoy's debug log", () => {
  // projectcontour/contour#4834: Envoy's debug lines for a request it answered itself (no cluster for the route).
  it('takes the status of the headers Envoy encoded for the client, not a number elsewhere in the log', () => {
    const lines = readFileSync(new URL('../../test/fixtures/diagnose/wild/envoy/contour-4834-cluster-not-found-503.log', import.meta.url), 'utf8').split('\n');
    expect(statusInPage(lines)).toEqual({ status: 503, reason: '' });
    expect(statusInPage(lines.filter((l) => !l.includes('encoding headers via codec')))).toBeNull();
  });
});

describe('statusInPage, a JSON error envelope around a quoted page', () => {
  // routstr/routstr-core via held-out set 93: the relay's 502 envelope quoting its upstream's Express 404 page.
  it('takes the envelope\'s "code": 502 rather than implying the quoted page\'s own status', () => {
    const text = readFileSync(new URL('../../test/fixtures/diagnose/wild/routstr/upstream-error-502.log', import.meta.url), 'utf8');
    expect(statusInPage(text.split('\\n'))).toEqual({ status: 502, reason: '' });
  });
});

describe('statusInLinks', () => {
  it("reads the code in Cloudflare's 5xx landing link, and no other number in a link", () => {
    const link = 'href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_502&amp;utm_campaign=worldcat.org"';
    expect(statusInLinks(link)).toEqual({ status: 502, reason: '' });
    expect(statusInLinks('href="https://example.com/?utm_source=errorcode_502"')).toBeNull();
    expect(statusInLinks('5xx-error-landing?utm_source=errorcode_1020')).toBeNull();
  });
});
