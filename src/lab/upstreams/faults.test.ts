import { describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { FAULT_MODES, faultyUpstreams } from './faults.ts';

describe('faultyUpstreams', () => {
  it.each(FAULT_MODES)('%s starts on a loopback port and close() frees it', async (mode) => {
    const upstream = await faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 });
    expect(upstream.port).toBeGreaterThan(0);
    await upstream.close();
    const after = await rawRequest({ host: '127.0.0.1', port: upstream.port, path: '/', timeoutMs: 1_000 });
    expect(after.end).toBe('refused');
  });
});
