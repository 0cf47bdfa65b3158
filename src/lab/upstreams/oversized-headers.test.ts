import { afterEach, describe, expect, it } from 'vitest';
import { headerValue, rawRequest, splitResponse } from '../../../test/helpers/raw-http.ts';
import { start } from './oversized-headers.ts';
import type { FaultyUpstream } from './types.ts';

describe('oversized-headers upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('sends a valid 200 with a 64 KB header by default', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 });
    const response = splitResponse(exchange.bytes);
    expect(response?.statusLine).toBe('HTTP/1.1 200 OK');
    expect(response && headerValue(response.headers, 'X-Padding')?.length).toBe(65_536);
    expect(response?.body.toString()).toBe('ok\n');
  });

  it('takes the header size as an option', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0, headerBytes: 10 });
    const response = splitResponse((await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 })).bytes);
    expect(response && headerValue(response.headers, 'X-Padding')).toBe('aaaaaaaaaa');
  });
});
