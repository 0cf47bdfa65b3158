/**
 * `httpwhy lab --via <proxy>`, run in-process as the CLI parses it: the real proxy (Debian's nginx, HAProxy, Caddy)
 * in front of the lab's upstreams until SIGTERM, then no process, port or dir left. Locally a proxy that is not
 * installed is skipped; in CI (CI=true) none is.
 */
import { existsSync } from 'node:fs';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.ts';
import { missingProxies, PROXY_NAMES } from '../../src/lab/index.ts';
import { handles, labOrigins } from '../helpers/lab-cli.ts';
import { memoryIo } from '../helpers/memory-io.ts';
import { rawRequest } from '../helpers/raw-http.ts';

const inCi = process.env.CI === 'true';
const missing = missingProxies();

describe.each(PROXY_NAMES)('httpwhy lab --via %s', (name) => {
  it.skipIf(!inCi && missing.includes(name))('runs the real proxy in front of the same upstreams until SIGTERM, then leaves no process, port or dir behind', async () => {
    const before = handles();
    const io = memoryIo();
    const exit = run(['lab', '--port', '0', '--gateway-port', '0', '--via', name], io);
    await labOrigins(io);
    await expect.poll(() => io.stdoutText(), { timeout: 15_000 }).toContain(`failures through ${name}:`);
    const [, pid, origin, dir] = new RegExp(`^  ${name} \\(pid (\\d+)\\)  (http://127\\.0\\.0\\.1:\\d+)/  \\(config and logs in (\\S+)\\)$`, 'm').exec(io.stdoutText()) ?? [];
    expect(existsSync(dir as string)).toBe(true);
    const failures = [...io.stdoutText().matchAll(new RegExp(` (${origin}/fail/[a-z-]+)$`, 'gm'))].map((m) => m[1]);
    // 11 failure modes of the app or the link, and the proxy's own overload and rate-limited routes.
    expect(failures).toHaveLength(13);
    expect(failures).toContain(`${origin}/fail/overload`);
    expect(failures).toContain(`${origin}/fail/rate-limited`);

    // The app behind the real proxy is the lab's own: its log line (with the proxy's request id) and the proxy's access line are relayed.
    const res = await request(`${origin}/fail/app-exception`);
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-powered-by']).toBe('Express');
    await res.body.dump();
    await expect.poll(() => io.stdoutText()).toMatch(/^app \(app-exception\): \S+ ERROR request_id=[0-9a-f-]{32,36} GET \/fail\/app-exception status=500 /m);
    await expect.poll(() => io.stdoutText(), { timeout: 5_000 }).toMatch(new RegExp(`^${name} access: .*/fail/app-exception`, 'm'));

    process.emit('SIGTERM');
    await expect(exit).resolves.toBe(0);
    // No process left in the proxy's group (nginx's workers included), nothing on its port, no temp dir.
    expect(() => process.kill(-Number(pid), 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect((await rawRequest({ host: '127.0.0.1', port: Number(new URL(origin as string).port), path: '/', timeoutMs: 1000 })).end).toBe('refused');
    expect(existsSync(dir as string)).toBe(false);
    await expect.poll(handles).toBeLessThanOrEqual(before);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  }, 30_000);
});
