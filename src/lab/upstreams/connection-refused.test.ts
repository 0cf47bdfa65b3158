import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { start } from './connection-refused.ts';
import type { FaultyUpstream } from './types.ts';

describe('connection-refused upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('refuses connections on its port', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 });
    expect(exchange).toMatchObject({ end: 'refused', errorCode: 'ECONNREFUSED' });
    expect(exchange.bytes.length).toBe(0);
    expect(upstream.appLog).toEqual([]);
  });

  it('keeps the port reserved so no other server can take it', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const intruder = createServer();
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      intruder.once('error', resolve);
      intruder.listen(upstream?.port, '127.0.0.1', () => intruder.close());
    });
    expect(error.code).toBe('EADDRINUSE');
  });
});
