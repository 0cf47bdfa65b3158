import { describe, expect, it } from 'vitest';
import { invariantFields } from './haproxy-invariants.ts';

// Lines published in allinurl/goaccess issues #1096, #881 and #1444 (test/fixtures/logs/wild/haproxy-custom/), without
// their syslog header; the synthetic ones test the mechanics (field order, separators, ambiguity).
const ID_FIRST =
  '[23/Apr/2018:21:02:35.430] [4A5DBD51:882A_4AC81DD4:0050_5ADE9E4A_102D0] 74.93.189.81:34858 PUBLIC_80_443 APP_pool/app12u_8280 0/1184/0/0/412/415 200 23571 JSESSIONID=F449A837F6ECF24CA6DDF53AE83624C8 - ---- 30/28/1/1/0 0/0 {www.valtus.com|keep-alive|python-requests/2.18.4|} {|image/jpeg|} "GET /views/wmts HTTP/1.1"';
const PID_EPOCH =
  '[849] [1556613495.891] 1/1/1/0/1/0/0 0/0/0/33/+33 ---- 10.72.131.11:45036 10.72.148.46:80 10.72.148.49:8787 time_series - - "GET /v1/datapoints/latest HTTP/1.1" 200 time_series_aeondb:10.72.148.49 - {time-series-store-pr||} - {Jetty(9.3.11.v201607||no-cache||} req_size=0 resp_size=+294';

describe('invariantFields', () => {
  it('reads a date-first line with six timers: status after them, backend/server, state, request, client', () => {
    const f = invariantFields(ID_FIRST);
    expect(Object.fromEntries(f ?? [])).toMatchObject({ ST: '200', tsc: '----', b: 'APP_pool', s: 'app12u_8280', r: 'GET /views/wmts HTTP/1.1', ci: '74.93.189.81', tr: '23/Apr/2018:21:02:35.430', Ta: '415' });
  });

  it('takes the first five-part field as the timers and the one status on the line when none follows them', () => {
    const f = invariantFields(PID_EPOCH);
    expect(Object.fromEntries(f ?? [])).toMatchObject({ ST: '200', tsc: '----', Ta: '33', Ts: '1556613495', ci: '10.72.131.11' });
  });

  it('reads comma-separated fields and a failed connect to no server', () => {
    const f = invariantFields('10.0.0.1:40000,[06/Feb/2009:12:12:51.443],fe,be/<NOSRV>,0/-1/-1/-1/0,503,212,SC--,1/1/0/0/0');
    expect(Object.fromEntries(f ?? [])).toMatchObject({ ST: '503', tsc: 'SC--', b: 'be', s: '<NOSRV>', Ta: '0' });
  });

  it('reads a CSV-like format that quotes every field (mechanics)', () => {
    const f = invariantFields('"10.0.0.1","fe","be/app1","0/0/2/15/17","502","0","SH--","1/1/0/0/0","GET /x HTTP/1.1"');
    expect(Object.fromEntries(f ?? [])).toMatchObject({ ST: '502', tsc: 'SH--', b: 'be', s: 'app1', r: 'GET /x HTTP/1.1', Ta: '17' });
  });

  it('reads a format that opens with the status (haproxy/haproxy#1766, ten timers: the counts are read as its timers)', () => {
    const line =
      '500 api-test <NOSRV> 13.22.61.12:33156 63/-1/47/37/147/-1/-1/63/147/-1 IR 65400 378 586/585/0/0/3 0/0 ECDHE-RSA-AES256-GCM-SHA384 TLSv1.2 example.hap.com POST /api/v1/push HTTP/1.1';
    expect(Object.fromEntries(invariantFields(line) ?? [])).toMatchObject({ ST: '500', tsc: 'IR', ci: '13.22.61.12' });
  });

  it('reads timers padded to a width (adobe-platform/porter#19)', () => {
    const line = '51797/1000/-1/-1/52797 503 212 - - SC-- 2/2/0/0/+3 0/0 {|35.162.23.80} {} "GET /hello HTTP/1.1"';
    const padded = '26848/   0/-1/-1/26849 503 212 - - SC-- 197/197/1/1/+3 0/0 {|35.162.23.80} {} "GET /hello HTTP/1.1"';
    expect(Object.fromEntries(invariantFields(line) ?? [])).toMatchObject({ ST: '503', tsc: 'SC--', Ta: '52797' });
    expect(Object.fromEntries(invariantFields(padded) ?? [])).toMatchObject({ ST: '503', tsc: 'SC--', Ta: '26849' });
  });

  it('leaves a line unread when the status is ambiguous or HAProxy items are missing', () => {
    expect(invariantFields('be/srv 0/0/1/2/3 ---- 404 200')).toBeNull();
    expect(invariantFields('0/0/1/2/3 200 plain text')).toBeNull();
    expect(invariantFields('10.0.0.1 - - [06/Feb/2009:12:12:51 +0000] "GET /a/b/c/d HTTP/1.1" 200 5')).toBeNull();
  });
});
