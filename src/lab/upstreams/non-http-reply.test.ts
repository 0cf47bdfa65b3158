import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { start } from './non-http-reply.ts';
import type { FaultyUpstream } from './types.ts';

describe('non-http-reply upstream', () => {
  let upstream: FaultyUpstream | undefined;
  afterEach(() => upstream?.close());

  it('speaks SSH: banner, rejection of the HTTP request line, close', async () => {
    upstream = await start({ host: '127.0.0.1', port: 0 });
    const exchange = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/x', timeoutMs: 2_000 });
    expect(exchange.end).toBe('closed');
    expect(exchange.bytes.toString('latin1')).toBe('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\nInvalid SSH identification string.\r\n');
    expect(upstream.appLog).toEqual(['sshd: kex_exchange_identification: client sent invalid protocol identifier "GET /x"']);
  });
});
