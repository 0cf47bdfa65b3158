import { describe, expect, it } from 'vitest';
import { impliedErrorStatus } from './error-status.ts';

describe('impliedErrorStatus', () => {
  it("is nginx's 504 for a timeout and 502 for any other upstream failure, and 499 for a client that left", () => {
    expect(['timeout', 'refused', 'reset', 'no-live-upstream', 'client-closed'].map((c) => impliedErrorStatus('nginx-error', c as never))).toEqual([504, 502, 502, 502, 499]);
  });

  it("is nginx's own 503 for limit_req or limit_conn and 500 for a rewrite cycle, which involve no upstream", () => {
    expect(impliedErrorStatus('nginx-error', 'load-shed')).toBe(503);
    expect(impliedErrorStatus('nginx-error', 'proxy-config')).toBe(500);
  });

  it("is Apache's 503 when mod_proxy cannot connect, 504 for a timeout, 502 otherwise", () => {
    expect(['connect-failed', 'refused', 'timeout', 'invalid-response'].map((c) => impliedErrorStatus('apache-error', c as never))).toEqual([503, 503, 504, 502]);
    // AH00941, no connection free in the worker's pool: 503; AH01144, no protocol handler for the URL: 500.
    expect(['load-shed', 'proxy-config'].map((c) => impliedErrorStatus('apache-error', c as never))).toEqual([503, 500]);
  });

  it('is none for an app error the proxy relayed, or a format that logs its status', () => {
    expect(impliedErrorStatus('nginx-error', 'app-error')).toBeNull();
    expect(impliedErrorStatus('haproxy', 'refused')).toBeNull();
  });

  it("is Caddy's 502 for a failed dial in a line without its status, and none for a timeout, whose status changed over versions", () => {
    expect(['refused', 'connect-failed', 'unreachable', 'dns'].map((c) => impliedErrorStatus('caddy', c as never))).toEqual([502, 502, 502, 502]);
    expect(impliedErrorStatus('caddy', 'timeout')).toBeNull();
    expect(impliedErrorStatus('caddy', 'upstream-failed')).toBeNull();
  });
});
