import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { ingressNginxParser } from './ingress-nginx.ts';
import { KIND } from './line-parser.ts';

describe("ingress-nginx's parser: each release's default layout", () => {
  it('reads the current layout (elastic/beats filebeat test log)', () => {
    const p = ingressNginxParser();
    const line =
      '192.168.64.1 - - [07/Feb/2020:11:48:51 +0000] "POST /products HTTP/1.1" 200 59 "-" "curl/7.54.0" 89 0.001 [default-web-8080] [] 172.17.0.5:8080 59 0.000 200 529a007902362a5f51385a5fa7049884';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, upstream: '172.17.0.5:8080', requestId: '529a007902362a5f51385a5fa7049884' });
  });

  it('reads the 0.9 to 0.24 layout, the client address twice (nielsbasjes/logparser@73e29a8 NginxLogFormatTest bugReport60)', () => {
    const p = ingressNginxParser();
    const line =
      '1.2.3.4 - [1.2.3.4] - - [07/Aug/2020:15:50:07 +0800] "HEAD /ai/search/version HTTP/1.1" 308 0 "-" "curl/7.29.0" 100 0.000 [default-ai-search-prod-svc-5009] - - - - bfb9417db656d95bcfdf3e2a7f47b1ec';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2020, 7, 7, 7, 50, 7));
    expect(p.access()).toMatchObject({ status: 308, client: '1.2.3.4', method: 'HEAD', path: '/ai/search/version', upstream: '', requestId: 'bfb9417db656d95bcfdf3e2a7f47b1ec' });
  });

  it("reads the 2016 controller's layout, without an upstream name, and its 503 with no upstream tried as nginx's own (corpus: ingress-nginx/contrib-1047-early-controller-503-loop.log)", () => {
    const p = ingressNginxParser();
    const line = '127.0.0.1 - [127.0.0.1] - - [24/May/2016:07:44:19 +0000] "GET / HTTP/1.1" 503 23342 "-" "lua-resty-http/0.07 (Lua) ngx_lua/10001" 117 14.774 - - - -';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, upstream: '', signal: { evidence: { kind: 'no-upstream-attempt' } } });
  });

  it('reads no plain combined line', () => {
    expect(parseLine(ingressNginxParser(), '10.0.0.1 - - [23/Jan/2024:03:41:01 +0000] "GET / HTTP/1.1" 200 5 "-" "-"')).toBe(KIND.none);
  });
});
