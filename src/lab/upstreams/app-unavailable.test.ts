import { afterEach, describe, expect, it } from 'vitest';
import { headerValue, rawRequest, splitResponse } from '../../../test/helpers/raw-http.ts';
import { start } from './app-unavailable.ts';
import type { FaultyUpstream } from './types.ts';

describe('app-unavailable upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('answers 503 with Retry-After and logs a warning with the request id', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/api', headers: { 'X-Request-Id': 'abc-123' }, timeoutMs: 2_000 });
    const response = splitResponse(exchange.bytes);
    expect(response?.statusLine).toBe('HTTP/1.1 503 Service Unavailable');
    expect(response && headerValue(response.headers, 'Retry-After')).toBe('5');
    expect(response?.body.toString()).toBe('Service Unavailable');
    expect(upstream.appLog).toEqual([expect.stringMatching(/ WARN request_id=abc-123 GET \/api status=503 overloaded/)]);
  });

  it('takes Retry-After as an option', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0, retryAfter: 120 });
    const response = splitResponse((await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 })).bytes);
    expect(response && headerValue(response.headers, 'Retry-After')).toBe('120');
  });
});
