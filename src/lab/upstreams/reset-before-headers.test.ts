import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { start } from './reset-before-headers.ts';
import type { FaultyUpstream } from './types.ts';

describe('reset-before-headers upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('answers a request with a TCP reset and no bytes', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 });
    expect(exchange).toMatchObject({ end: 'reset', errorCode: 'ECONNRESET' });
    expect(exchange.bytes.length).toBe(0);
  });
});
