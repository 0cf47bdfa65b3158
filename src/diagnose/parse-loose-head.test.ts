import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLooseHead } from './parse-loose-head.ts';
import { unwrapPaste } from './unwrap-paste.ts';

const wild = (path: string) => unwrapPaste(readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8'));

describe('parseLooseHead, on real pastes', () => {
  it('reads a FastCGI head (Status among the headers) and its body', () => {
    const response = parseLooseHead(wild('php-fpm/404-fcgi-client-raw-fastcgi.http'));
    expect(response).toMatchObject({ status: 404, reason: 'Not Found', body: 'File not found.\n', form: 'message' });
    expect(response?.headers).toEqual([
      { name: 'X-Powered-By', value: 'PHP/7.0.1' },
      { name: 'Content-type', value: 'text/html; charset=UTF-8' },
    ]);
  });

  it("reads Postman's older header view (`Name → value`), its Status among the headers or none at all", () => {
    const travis = parseLooseHead(wild('travis-ci/travis5643-hooks-500.http'));
    expect(travis).toMatchObject({ status: 500, reason: 'Internal Server Error' });
    expect(travis?.headers).toContainEqual({ name: 'Via', value: '1.1 vegur' });
    // The status only in the page below (Edgecast's ECLF server over lighttpd's page).
    const edgecast = parseLooseHead(wild('edgecast/nugetgallery-5614-flatcontainer-502-eclf.txt'));
    expect(edgecast?.headers).toContainEqual({ name: 'Server', value: 'ECLF (frc/8F0E)' });
  });

  it("reads a scanner's Status code line after the request line, headers only", () => {
    const response = parseLooseHead(wild('squid/403-sipgate-access-denied.headers').replace('HTTP/1.0 403 Forbidden', 'Status code: 403'));
    expect(response).toMatchObject({ status: 403, body: null });
    const whatwaf = parseLooseHead(wild('litespeed/404-whatwaf-202.headers'));
    expect(whatwaf).toMatchObject({ status: 404, body: null });
    expect(whatwaf?.headers.find((h) => h.name === 'Server')?.value).toBe('LiteSpeed');
  });

  it('reads the body after a commented-out head', () => {
    const response = parseLooseHead(wild('litespeed/403-whatwaf-449-full.http'));
    expect(response?.status).toBe(403);
    expect(response?.body).toMatch(/^<!DOCTYPE html>/);
  });

  it("reads a Java client's log: Response headers as a map, Response body after it", () => {
    const response = parseLooseHead(wild('rails/500-gitlab-plugin-337-json-behind-nginx.http'));
    expect(response).toMatchObject({ status: 500, reason: 'Internal Server Error', body: '{"status":"500","error":"Internal Server Error"}\n' });
    expect(response?.headers).toContainEqual({ name: 'Server', value: 'nginx' });
    expect(response?.headers).toContainEqual({ name: 'X-Runtime', value: '0.780938' });
  });

  it("reads the browser DevTools' Status Code and the Response Headers section, not the request's", () => {
    const devtools = ['Request URL:http://www.goread.io/_ah/conflogin', 'Request Method:GET', 'Status Code:500 Internal Server Error', '', 'Request Headers', '', 'Accept:text/html', '', 'Response Headers', '', 'Content-Length:466', 'Server:Google Frontend'];
    const response = parseLooseHead(devtools.join('\n'));
    expect(response).toMatchObject({ status: 500, reason: 'Internal Server Error', body: null });
    expect(response?.headers.map((h) => h.name)).toEqual(['Content-Length', 'Server']);
  });

  it("reads a debug log: urllib3's request line and status, then botocore's Response Headers and an empty Response Body", () => {
    const response = parseLooseHead(wild('aws-s3/404-head-empty-body-botocore-debug.txt'));
    expect(response).toMatchObject({ status: 404, reason: '', body: null });
    expect(response?.headers.map((h) => h.name)).toEqual(['x-amz-id-2', 'server', 'transfer-encoding', 'x-amz-request-id', 'date', 'content-type']);
  });

  it("reads an Azure SDK's failed response: Status with the reason in parentheses, ErrorCode, then the Headers section further down", () => {
    const head = parseLooseHead(wild('kusto-copy-79/azure-blob-403.headers'));
    expect(head).toMatchObject({ status: 403, reason: '(This request is not authorized to perform this operation using this permission.)' });
    expect(head?.headers.find((h) => h.name === 'Server')?.value).toBe('Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0');
    expect(head?.headers.some((h) => h.name === 'ErrorCode')).toBe(false);
  });

  it("leaves a page's text with DevTools' panel below it to the page reader: the page's words say more", () => {
    expect(parseLooseHead(wild('google-app-engine/500-server-error-goread-devtools.txt'))).toBeNull();
  });

  it("reads a report's Headers and Body sections, in markdown or not, with the status the body names", () => {
    const head = wild('squid/403-sipgate-access-denied.headers').replace(/^HTTP\/1\.0 403 Forbidden\n/, '').trimEnd();
    const body = wild('ingress-nginx/404-default-backend-multi-tls-doc.http').trim();
    const markdown = parseLooseHead(`**Headers**\n${head}\n\n**Body**\n${body}`);
    expect(markdown).toMatchObject({ status: null, body, form: 'message' });
    expect(markdown?.headers.find((h) => h.name === 'X-Squid-Error')?.value).toBe('ERR_ACCESS_DENIED 0');
    expect(parseLooseHead(`Response headers:\n${head}\n\nResponse body:\n502 Bad Gateway`)).toMatchObject({ status: 502, body: '502 Bad Gateway' });
    expect(parseLooseHead(`## Headers\nServer: nginx\n\nnot found`)).toBeNull();
  });

  it('reads header lines at the start with no status line (the status is left to what the body names)', () => {
    // kubernetes/ingress-nginx#3888: the reporter's headers without their status line, then the body.
    const response = parseLooseHead(wild('ingress-nginx/404-default-backend-head-without-status-line-3888.http'));
    expect(response).toMatchObject({ status: null, body: 'default backend - 404\n' });
    expect(response?.headers).toContainEqual({ name: 'Via', value: '1.1 google' });
    // Fewer lines than a bare head needs are one only in header form and before a blank line and a body (puma#79).
    const puma = parseLooseHead(wild('puma/puma79-500-caught-error.txt'));
    expect(puma?.headers).toEqual([{ name: 'Content-Length', value: '1007' }]);
    expect(puma?.body).toMatch(/^Puma caught this error:\n/);
    expect(parseLooseHead('Server: the one in the basement\n\nnot found')).toBeNull();
    expect(parseLooseHead('Content-Type: text/html\n<h1>hi</h1>')).toBeNull();
    expect(parseLooseHead('Name: Ada\nRole: admin\nTeam: core\nDate: today')).toBeNull();
  });

  it.each([
    ['a page that names a status but has no header lines', 'Status: 404\nThe page you asked for is gone.'],
    ['page text with header-like lines but no status', wild('tengine/502-mcbbs-server-info.txt')],
    ['a status out of range', 'Status: 999\nServer: x'],
    ["Jetty's plain error rows (labelled lines, no HTTP header)", 'URI: /badURI\nSTATUS: 400\nMESSAGE: Ambiguous URI empty segment'],
    ['an access log line alone', '10.0.0.1 - - [22/Feb/2014:14:16:49 +0000] "GET /a HTTP/1.1" 502 157 "-" "curl/7.81.0"'],
  ])('returns null for %s', (_case, text) => {
    expect(parseLooseHead(text)).toBeNull();
  });
});
