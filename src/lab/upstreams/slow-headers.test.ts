import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, splitResponse } from '../../../test/helpers/raw-http.ts';
import { start } from './slow-headers.ts';
import type { FaultyUpstream } from './types.ts';

describe('slow-headers upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('answers 200 only after the delay, and logs it', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0, delayMs: 300 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/report', headers: { 'X-Request-Id': 'r-7' }, timeoutMs: 2_000 });
    expect(exchange.ms).toBeGreaterThanOrEqual(290);
    expect(splitResponse(exchange.bytes)?.statusLine).toBe('HTTP/1.1 200 OK');
    expect(upstream.appLog).toEqual([expect.stringMatching(/ INFO request_id=r-7 GET \/report status=200 completed in 300ms$/)]);
  });

  it('sends nothing to a client that gives up first', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0, delayMs: 1_000 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 200 });
    expect(exchange.end).toBe('timeout');
    expect(exchange.bytes.length).toBe(0);
  });

  it("by default waits longer than the suite proxies' 2 s timeout", async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_500 });
    expect(exchange.end).toBe('timeout');
  });
});
