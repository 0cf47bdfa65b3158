import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { kongSignal, KongParser } from './kong.ts';
import { KIND } from './line-parser.ts';

// rainest/kong-plugin-filter-log@9658360cda46f9ebcfd75995784f71f2f6051d0d README.md: a Kong 0.34 http-log line.
const published = readFileSync(new URL('../../../test/fixtures/logs/wild/kong/rainest-filter-log-readme.log', import.meta.url), 'utf8').trimEnd();

describe('KongParser', () => {
  it('reads the published line: status, start, client, request, the try picked, the total latency', () => {
    const p = new KongParser();
    expect(parseLine(p, published)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 200,
      timeMs: 1548465257244,
      client: '10.0.2.2',
      method: 'GET',
      path: '/logme/response-headers?X-Example-Response=whatever',
      upstream: 'httpbin.org',
      requestTime: 0.218,
      signal: null,
    });
  });

  it('reads no JSON without Kong\'s latencies and request objects', () => {
    const p = new KongParser();
    expect(parseLine(p, '{"status":502,"request":"GET / HTTP/1.1"}')).toBe(KIND.none);
    expect(parseLine(p, '{"latencies":{"proxy":1},"request":{"method":"GET"}}')).toBe(KIND.none);
  });
});

describe('kongSignal', () => {
  it('says Kong answered a 5xx it never proxied (latencies.proxy -1)', () => {
    expect(kongSignal(503, -1, [])).toMatchObject({ cause: 'no-live-upstream', confidence: 'high' });
    expect(kongSignal(500, -1, [])).toMatchObject({ cause: 'proxy-config' });
  });

  it('gives a proxied 500 or 503 to the upstream: nginx answers neither of its own once proxied', () => {
    expect(kongSignal(500, 12, [{ ip: '10.0.0.1', port: 80 }])).toMatchObject({ cause: 'app-error' });
    expect(kongSignal(503, 12, [{ ip: '10.0.0.1', port: 80 }])).toMatchObject({ cause: 'app-overload' });
  });

  it('gives a proxied 502/504 to Kong only after tries that all failed, else leaves it undecided', () => {
    const failed = [
      { ip: '10.0.0.1', port: 80, state: 'failed', code: 502 },
      { ip: '10.0.0.2', port: 80 },
    ];
    expect(kongSignal(502, 3, failed)).toMatchObject({ cause: 'upstream-failed', evidence: { kind: 'kong-latencies', detail: 'status=502 latencies.proxy=3 tries=2 failed:502' } });
    expect(kongSignal(502, 3, [{ ip: '10.0.0.1', port: 80 }])).toBeNull();
    expect(kongSignal(502, 3, [{ ip: '10.0.0.1', port: 80, state: 'next', code: 502 }, { ip: '10.0.0.2', port: 80 }])).toBeNull();
    expect(kongSignal(200, -1, [])).toBeNull();
  });

  it("gives a 5xx to Kong by its own Server header before 3.x, which later versions put on proxied answers too", () => {
    // aspyct/kong502 (Kong/kong#4751): Kong 1.1.1's udp-log line for its own 502 after one try, `server: kong/1.1.1`.
    const oneTry = [{ ip: '172.18.0.2', port: 8080 }];
    expect(kongSignal(502, 7, oneTry, 'kong/1.1.1')).toMatchObject({ cause: 'upstream-failed', confidence: 'medium' });
    expect(kongSignal(500, 7, oneTry, 'kong/2.8.1')).toMatchObject({ cause: 'proxy-config' });
    expect(kongSignal(502, 7, oneTry, 'kong/3.4.0')).toBeNull();
    expect(kongSignal(500, 7, oneTry, 'openresty')).toMatchObject({ cause: 'app-error' });
  });
});
