import { afterEach, describe, expect, it } from 'vitest';
import { headerValue, rawRequest, splitResponse } from '../../../test/helpers/raw-http.ts';
import { finalhandlerPage, start } from './app-exception.ts';
import type { FaultyUpstream } from './types.ts';

// finalhandler's production page, written out from pillarjs/finalhandler's createHtmlDocument.
const PRODUCTION_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Internal Server Error</pre>\n</body>\n</html>\n';

describe('app-exception upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it("answers 500 with Express's production error page and headers", async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const response = splitResponse((await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/orders/7', timeoutMs: 2_000 })).bytes);
    expect(response?.statusLine).toBe('HTTP/1.1 500 Internal Server Error');
    expect(response?.body.toString()).toBe(PRODUCTION_PAGE);
    expect(response && headerValue(response.headers, 'X-Powered-By')).toBe('Express');
    expect(response && headerValue(response.headers, 'Content-Security-Policy')).toBe("default-src 'none'");
    expect(response && headerValue(response.headers, 'X-Content-Type-Options')).toBe('nosniff');
  });

  it('logs the error with the request id from X-Request-Id, then the stack', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/orders/7', headers: { 'X-Request-Id': '0af7651916cd43dd8448eb211c80319c' }, timeoutMs: 2_000 });
    const [first, ...stack] = upstream.appLog;
    expect(first).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR request_id=0af7651916cd43dd8448eb211c80319c GET \/orders\/7 status=500 TypeError: Cannot read properties of undefined \(reading 'id'\)$/,
    );
    expect(stack.length).toBeGreaterThan(0);
    expect(stack.every((line) => line.startsWith('    at '))).toBe(true);
  });

  it('shows the escaped stack in development', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0, env: 'development' });
    const body = splitResponse((await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 })).bytes)?.body.toString();
    expect(body).toMatch(/<pre>TypeError: Cannot read properties of undefined \(reading &#39;id&#39;\)<br> &nbsp; &nbsp;at /);
  });

  it('escapes like finalhandler', () => {
    expect(finalhandlerPage('a <b> & "c"\n  d')).toContain('<pre>a &lt;b&gt; &amp; &quot;c&quot;<br> &nbsp;d</pre>');
  });

  it('never shows server file paths in its stack trace, in the log or the development page', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0, env: 'development' });
    const response = splitResponse((await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 })).bytes);
    const root = new URL('../../../', import.meta.url).pathname;
    expect(upstream.appLog.join('\n')).toContain('httpwhy/src/lab/upstreams/app-exception');
    expect(upstream.appLog.join('\n')).not.toContain(root);
    expect(response?.body.toString()).not.toContain(root);
  });
});
