import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { nginxProxyManagerParser } from './nginx-proxy-manager.ts';

describe("Nginx Proxy Manager's parser", () => {
  it('reads a `proxy` line (null-burn/nginx-proxy-manager-goaccess#3) with its upstream status', () => {
    const p = nginxProxyManagerParser();
    const line =
      '[24/Apr/2024:20:28:54 +0000] - 200 200 - GET https my.doamin.se "/v1/users/current/custom/link" [Client 192.168.9.1] [Length 500] [Gzip -] [Sent-to 192.168.1.61] "Mozilla/5.0" "https://my.domain.se/"';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.status).toBe(200);
    expect(p.access()).toMatchObject({ client: '192.168.9.1', method: 'GET', path: '/v1/users/current/custom/link' });
  });

  it('reads a `standard` line (no upstream fields), as nishtahir.com published it', () => {
    const p = nginxProxyManagerParser();
    const line =
      '[23/Jan/2024:03:41:01 +0000] 404 - GET http xxx.xxx.xxx.xxx "/laravel/.env" [Client xxx.xxx.xxx.xxx] [Length 122] [Gzip 1.35] "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:77.0) Gecko/20100101 Firefox/77.0" "-"';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.status).toBe(404);
    expect(p.timeMs).toBe(Date.UTC(2024, 0, 23, 3, 41, 1));
    expect(p.access()).toMatchObject({ method: 'GET', path: '/laravel/.env', upstream: '' });
  });

  // The held-out corpus's psy-nexus proxy host: `502 502` from an upstream OpenResty could not reach, with its page's
  // size for a Chrome client (154 bytes and msie_padding's 402), and the same status for a curl-like client.
  it("names a 502 whose last upstream status is 502 OpenResty's own when its body is OpenResty's page, and leaves other sizes open", () => {
    const line = wildLines('nginx-proxy-manager/psy-nexus-proxy-host-3_access.log')[0] as string;
    const p = nginxProxyManagerParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'upstream-failed', confidence: 'medium', evidence: { kind: 'error-page-size', detail: '502 556 bytes' } });
    const other = nginxProxyManagerParser();
    parseLine(other, line.replace('[Length 556]', '[Length 2048]'));
    expect(other.access().signal).toMatchObject({ reason: 'ambiguous-upstream-status' });
  });

  it('reads no other line', () => {
    expect(parseLine(nginxProxyManagerParser(), '10.0.0.1 - - [23/Jan/2024:03:41:01 +0000] "GET / HTTP/1.1" 200 5 "-" "-"')).toBe(KIND.none);
  });
});
