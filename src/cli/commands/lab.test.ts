// `httpwhy lab` with the built-in gateway, in-process. With a real proxy (--via): test/cli/lab-via.test.ts.
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { handles, labOrigins } from '../../../test/helpers/lab-cli.ts';
import { memoryIo, type MemoryIo } from '../../../test/helpers/memory-io.ts';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { createContext } from '../context.ts';
import { runLab } from '../runners/lab.ts';

async function startedLab(io: MemoryIo, options: Parameters<typeof runLab>[1] = {}) {
  const exit = runLab([], { port: '0', gatewayPort: '0', ...options }, createContext(io));
  return { exit, ...(await labOrigins(io)) };
}

describe('httpwhy lab', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('runs the site, the upstreams and the gateway until %s, then leaves nothing behind', async (signal) => {
    const before = handles();
    const io = memoryIo();
    const { exit, gateway, playground } = await startedLab(io);
    const failures = [...io.stdoutText().matchAll(/ (http:\/\/127\.0\.0\.1:\d+\/fail\/[a-z-]+)$/gm)].map((m) => m[1] as string);
    expect(failures).toHaveLength(13);

    const refused = await request(`${gateway}/fail/connection-refused`);
    expect([refused.statusCode, refused.headers.server]).toEqual([502, 'httpwhy-gateway']);
    await refused.body.dump();
    const site = await request(`${gateway}/codes/502`);
    expect(site.statusCode).toBe(200);
    await site.body.dump();
    await expect.poll(() => io.stdoutText()).toMatch(/^gateway error: .* connect\(\) failed \(111: Connection refused\) while connecting to upstream/m);
    expect(io.stdoutText()).toMatch(/^gateway access: 127\.0\.0\.1 - - \[.*\] "GET \/codes\/502 HTTP\/1\.1" 200 /m);

    // A request still waiting for a slow app must not hold the exit up.
    const waiting = rawRequest({ host: '127.0.0.1', port: Number(new URL(gateway).port), path: '/fail/slow-headers', timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    process.emit(signal);
    await expect(exit).resolves.toBe(0);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await waiting).toMatchObject({ end: 'closed', bytes: Buffer.alloc(0) });

    for (const origin of [gateway, playground]) {
      expect((await rawRequest({ host: '127.0.0.1', port: Number(new URL(origin).port), path: '/', timeoutMs: 1000 })).end).toBe('refused');
    }
    await expect.poll(handles).toBeLessThanOrEqual(before);
    expect(process.listenerCount(signal)).toBe(0);
  });

  it('refuses a bad port before starting anything', async () => {
    await expect(runLab([], { gatewayPort: '99999' }, createContext(memoryIo()))).rejects.toMatchObject({ code: 'HW_ERR_WEB_BAD_PORT' });
  });

  it('says which port is taken, and closes what it had started', async () => {
    const io = memoryIo();
    const first = await startedLab(io);
    const before = handles();
    await expect(runLab([], { port: '0', gatewayPort: new URL(first.gateway).port }, createContext(memoryIo()))).rejects.toMatchObject({ code: 'HW_ERR_WEB_BAD_PORT', message: expect.stringContaining('EADDRINUSE') });
    await expect.poll(handles).toBeLessThanOrEqual(before);
    process.emit('SIGINT');
    await expect(first.exit).resolves.toBe(0);
  });

  it('refuses an unknown --via proxy, and --proxy-binary without --via', async () => {
    await expect(runLab([], { via: 'apache' }, createContext(memoryIo()))).rejects.toMatchObject({ code: 'HW_ERR_CLI_USAGE', exitCode: 2 });
    await expect(runLab([], { proxyBinary: '/usr/sbin/nginx' }, createContext(memoryIo()))).rejects.toMatchObject({ code: 'HW_ERR_CLI_USAGE', exitCode: 2 });
  });

  it('says when the --via proxy is not installed, and closes what it had started', async () => {
    const before = handles();
    await expect(runLab([], { port: '0', gatewayPort: '0', via: 'nginx', proxyBinary: '/nonexistent/nginx' }, createContext(memoryIo()))).rejects.toMatchObject({
      code: 'HW_ERR_LAB_PROXY_MISSING',
      exitCode: 2,
      message: expect.stringContaining('/nonexistent/nginx'),
    });
    await expect.poll(handles).toBeLessThanOrEqual(before);
  });
});
