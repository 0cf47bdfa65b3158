import { describe, expect, it } from 'vitest';
import { detectWild, parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { OAuth2ProxyParser, oauth2ProxySignal } from './oauth2-proxy.ts';

describe('OAuth2ProxyParser', () => {
  it("reads OAuth2 Proxy 7's request log, its own endpoints with no upstream (corpus: oauth2-proxy-access/oauth2-proxy-2783)", () => {
    const file = 'oauth2-proxy-access/oauth2-proxy-2783-auth-401-signin-200.log';
    expect(detectWild(file)).toBe('oauth2-proxy');
    const p = new OAuth2ProxyParser();
    const [first] = wildLines(file);
    expect(parse(p, first as string)).toBe(KIND.access);
    // Its auth endpoint's own 401 (no upstream): the proxy's refusal.
    expect(p.access()).toMatchObject({ status: 401, method: 'GET', path: '/oauth2/auth', requestId: '0a3eebb0eb3a17bf61d7ef3cd28ef157', upstream: '', timeMs: Date.UTC(2024, 8, 18, 12, 21, 27), signal: { cause: 'proxy-config' } });
  });

  it("gives a 5xx with no upstream to OAuth2 Proxy, leaves a 502 or 504 through an upstream undecided, and any other 5xx through one to the upstream", () => {
    expect(oauth2ProxySignal(500, '-')).toMatchObject({ cause: 'proxy-config', confidence: 'medium' });
    expect(oauth2ProxySignal(502, 'httpbin')).toBeNull();
    expect(oauth2ProxySignal(504, 'httpbin')).toBeNull();
    expect(oauth2ProxySignal(500, 'httpbin')).toMatchObject({ cause: 'app-error' });
    expect(oauth2ProxySignal(200, '-')).toBeNull();
    expect(oauth2ProxySignal(403, '-')).toMatchObject({ cause: 'proxy-config' });
    expect(oauth2ProxySignal(404, 'httpbin')).toBeNull();
  });

  it('mechanics (lines in the layouts of releases before v7 and of bitly/oauth2_proxy): no request id, or a CLF time', () => {
    const p = new OAuth2ProxyParser();
    expect(parse(p, '10.0.0.1 - user@example.com [2020/05/12 11:13:32] localhost:4180 GET httpbin "/anything" HTTP/1.1 "agent" 502 0 5.028')).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, requestId: '', upstream: 'httpbin', requestTime: 5.028 });
    expect(parse(p, '10.0.0.1 - user@example.com [07/Dec/2017:11:48:55 +0000] proxy.example GET app.example "/hello" HTTP/1.1 "agent" 400 0 3.942')).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 400, timeMs: Date.UTC(2017, 11, 7, 11, 48, 55) });
    expect(parse(p, '10.0.0.1 - - [07/Dec/2017:11:48:55 +0000] "GET / HTTP/1.1" 200 5 "-" "-"')).toBe(KIND.none);
  });
});
