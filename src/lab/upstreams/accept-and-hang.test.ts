import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { start } from './accept-and-hang.ts';
import type { FaultyUpstream } from './types.ts';

describe('accept-and-hang upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('accepts the connection and never answers', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 300 });
    expect(exchange).toMatchObject({ end: 'timeout', errorCode: null });
    expect(exchange.bytes.length).toBe(0);
  });

  it('drops hung connections on close()', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const pending = rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await upstream.close();
    const exchange = await pending;
    expect(exchange.end).not.toBe('timeout');
    expect(exchange.ms).toBeLessThan(2_000);
  });
});
