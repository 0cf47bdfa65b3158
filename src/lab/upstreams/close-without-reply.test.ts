import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { start } from './close-without-reply.ts';
import type { FaultyUpstream } from './types.ts';

describe('close-without-reply upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('closes cleanly after the request without sending a byte', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 });
    expect(exchange).toMatchObject({ end: 'closed', errorCode: null });
    expect(exchange.bytes.length).toBe(0);
  });
});
