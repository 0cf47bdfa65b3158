import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvLine } from './csv.ts';
import type { CheckResult } from './types.ts';

const result: CheckResult = {
  url: 'http://a.test/',
  finalUrl: 'http://a.test/b',
  status: null,
  problem: true,
  hops: [
    { url: 'http://a.test/', address: '93.184.216.34', status: 301, location: '/b', timings: { dns: 1, connect: 2, tls: null, ttfb: 3, download: 0.5, total: 6.5 }, tls: null },
    { url: 'http://a.test/b', address: '93.184.216.34', status: null, location: null, timings: { dns: 1.5, connect: 2, tls: null, ttfb: null, download: null, total: 9 }, tls: null },
  ],
  totalMs: 16,
  body: null,
  retryAfter: null,
  failure: {
    kind: 'reset',
    phase: 'headers',
    code: 'ECONNRESET',
    tls: null,
    message: 'read ECONNRESET, "peer", gone',
    proxyAnswers: [{ component: 'nginx', status: 502, source: 'https://nginx.org' }, { component: 'Cloudflare', status: null, source: 'https://cloudflare.com' }],
  },
  diagnosis: null,
};

describe('csv', () => {
  it('has one header and one line per row, in the header order', () => {
    expect(CSV_HEADER).toBe(
      'index,url,status,problem,final_url,redirects,address,failure,phase,code,dns_ms,connect_ms,tls_ms,ttfb_ms,download_ms,total_ms,tls_issuer,tls_days_left,tls_name_match,issuer,proxy_answers,message\r\n',
    );
    expect(csvLine({ index: 3, input: 'http://a.test/', attempts: 1, result, error: null })).toBe(
      '3,http://a.test/,,true,http://a.test/b,1,93.184.216.34,reset,headers,ECONNRESET,1.5,2,,,,16,,,,,nginx 502; Cloudflare -,"read ECONNRESET, ""peer"", gone"\r\n',
    );
  });

  it('defuses formulas in hostile cells', () => {
    const line = csvLine({ index: 1, input: '=HYPERLINK("http://evil")', attempts: 1, result: null, error: { code: 'HW_ERR_CHECK_BAD_URL', message: '@SUM(1)' } });
    expect(line).toBe(`1,"'=HYPERLINK(""http://evil"")",,,,,,,,HW_ERR_CHECK_BAD_URL,,,,,,,,,,,,'@SUM(1)\r\n`);
  });
});
