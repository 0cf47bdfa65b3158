import { afterEach, describe, expect, it } from 'vitest';
import { headerValue, rawRequest, splitResponse } from '../../../test/helpers/raw-http.ts';
import { start } from './truncated-body.ts';
import type { FaultyUpstream } from './types.ts';

describe('truncated-body upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('announces 100,000 bytes, sends 1,000 and closes', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/export', headers: { 'X-Request-Id': 'r-42' }, timeoutMs: 2_000 });
    const response = splitResponse(exchange.bytes);
    expect(exchange.end).toBe('closed');
    expect(response?.statusLine).toBe('HTTP/1.1 200 OK');
    expect(response && headerValue(response.headers, 'Content-Length')).toBe('100000');
    expect(response?.body.length).toBe(1_000);
    expect(upstream.appLog).toEqual([expect.stringMatching(/ ERROR request_id=r-42 GET \/export status=200 response aborted after 1000 of 100000 bytes/)]);
  });
});
