import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServer, type Loopback } from '../../test/helpers/loopback.ts';
import { headerValue, rawRequest, splitResponse } from '../../test/helpers/raw-http.ts';
import { RATE_LIMIT, SCENARIOS, startLab, type RunningLab, type Scenario } from './lab.ts';

let site: Loopback;
let lab: RunningLab;
const access: string[] = [];
const errors: string[] = [];
const appLines: Array<[Scenario, string]> = [];
const TIMEOUT_MS = 600;

beforeAll(async () => {
  site = await httpServer((req, res) => res.end(`site ${req.url}`));
  lab = await startLab({
    host: '127.0.0.1',
    gatewayPort: 0,
    site: { host: '127.0.0.1', port: site.port },
    timeoutMs: TIMEOUT_MS,
    accessLog: (l) => access.push(l),
    errorLog: (l) => errors.push(l),
    appLog: (scenario, line) => appLines.push([scenario, line]),
  });
});
afterAll(async () => {
  await lab.close();
  await site.close();
});

const through = (path: string, headers?: Record<string, string>) => rawRequest({ host: '127.0.0.1', port: lab.gateway.port, path, headers, timeoutMs: 5000 });
const statusOf = (bytes: Buffer) => Number(splitResponse(bytes)?.statusLine.split(' ')[1] ?? 0);

describe('each failure scenario through the lab gateway', () => {
  // Status the client sees and the gateway's error-log lines (none when the app answers), as nginx has them (logs-and-lab.md §7), except
  // that a reply with no valid status line is a 502 here: nginx relays it as HTTP/0.9 (logged 009).
  it.each([
    ['connection-refused', 502, [/connect\(\) failed \(111: Connection refused\)/]],
    ['reset-before-headers', 502, [/recv\(\) failed \(104: Connection reset by peer\)/]],
    ['close-without-reply', 502, [/upstream prematurely closed connection while reading response header/]],
    ['non-http-reply', 502, [/upstream sent no valid HTTP\/1\.0 header/]],
    ['invalid-status-line', 502, [/upstream sent no valid HTTP\/1\.0 header/]],
    ['oversized-headers', 502, [/upstream sent too big header/]],
    ['slow-headers', 504, [/upstream timed out \(110: Connection timed out\) while reading response header/]],
    ['accept-and-hang', 504, [/upstream timed out \(110: Connection timed out\) while reading response header/]],
    ['truncated-body', 200, [/upstream prematurely closed connection while reading upstream/]],
    ['app-exception', 500, []],
    ['app-unavailable', 503, []],
  ] as const)('%s -> %i', async (scenario, status, messages) => {
    errors.length = 0;
    const exchange = await through(lab.paths[scenario]);
    expect(statusOf(exchange.bytes)).toBe(status);
    expect(errors).toEqual(messages.map((message) => expect.stringMatching(message)));
  });

  it('shows the application log line of an exception, with the request id the gateway sent', async () => {
    const exchange = await through(lab.paths['app-exception']);
    const response = splitResponse(exchange.bytes);
    const rid = response ? headerValue(response.headers, 'x-request-id') : undefined;
    expect(rid).toMatch(/^[0-9a-f]{32}$/);
    await expect.poll(() => appLines.filter(([s, l]) => s === 'app-exception' && l.includes(`request_id=${rid} `))).toHaveLength(1);
    expect(access.at(-1)).toContain(`rid=${rid} `);
  });

  it('overload: the gateway sheds a request that arrives while the slow app is busy, with 503 and Retry-After', async () => {
    const first = through(lab.paths.overload);
    await new Promise((r) => setTimeout(r, 50));
    const second = splitResponse((await through(lab.paths.overload)).bytes);
    expect(second?.statusLine).toBe('HTTP/1.1 503 Service Unavailable');
    expect(second && headerValue(second.headers, 'retry-after')).toMatch(/^\d+$/);
    expect(statusOf((await first).bytes)).toBe(200);
  });

  it('rate-limited: the site answers once per window, then the gateway says 429 with Retry-After', async () => {
    const first = await request(`${lab.gateway.origin}${lab.paths['rate-limited']}`);
    expect([first.statusCode, await first.body.text()]).toEqual([200, 'site /']);
    const second = await request(`${lab.gateway.origin}${lab.paths['rate-limited']}`);
    await second.body.dump();
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(RATE_LIMIT.windowSeconds);
  });

  it('sends everything else to the site', async () => {
    const res = await request(`${lab.gateway.origin}/lab/status/418`);
    expect(await res.body.text()).toBe('site /lab/status/418');
  });

  it('has a path for every scenario', () => {
    expect(Object.keys(lab.paths)).toEqual([...SCENARIOS]);
  });
});
