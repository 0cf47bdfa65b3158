import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { start } from './invalid-status-line.ts';
import type { FaultyUpstream } from './types.ts';

describe('invalid-status-line upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('sends a status line with the reason before the code', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 2_000 });
    expect(exchange.end).toBe('closed');
    expect(exchange.bytes.toString('latin1')).toMatch(/^HTTP\/1\.1 OK 200\r\n.*\r\n\r\nok\n$/s);
  });
});
