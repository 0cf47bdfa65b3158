/**
 * What the engine says about failures seen through real proxies. The fixtures were captured with curl 7.88.1
 * through nginx 1.22.1, HAProxy 2.6.12 and Caddy 2.6.2 in front of the lab's faulty upstreams (test/proxies);
 * the expected facts come from ../shared/reference/fingerprints.md §1c, §4, §21 and logs-and-lab.md §7.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import type { Diagnosis } from './types.ts';
import { LOCALES } from '../i18n/index.ts';

const fixture = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/${path}`, import.meta.url), 'utf8');
const first = (path: string, locale: 'en' | 'id' = 'en'): Diagnosis => {
  const d = diagnose(fixture(path), { locale }).diagnoses[0];
  if (!d) throw new Error(`no diagnosis for ${path}`);
  return d;
};

describe('an application 503 with Retry-After, passed through a proxy', () => {
  it.each([
    ['express/503-retry-after-behind-nginx.http', ['nginx', 'Express']],
    ['express/503-retry-after-behind-haproxy.http', ['Express']],
    ['express/503-retry-after-behind-caddy.http', ['Caddy', 'Express']],
  ])('%s: Express issued it on purpose; the path shows %j', (path, chain) => {
    const d = first(path);
    expect(d.issuer).toEqual({ component: 'Express', layer: 'origin-app', fingerprint: 'express-503-retry-after' });
    expect(d.chain.map((l) => l.component)).toEqual(chain);
    expect(d.evidence.map((e) => `${e.name?.toLowerCase()}: ${e.value}`)).toEqual(expect.arrayContaining(['x-powered-by: Express', 'retry-after: 5']));
    expect(d.summary).toMatch(/on purpose/);
    expect(d.causes[0]).toMatch(/overloaded and shedding load/);
    expect(d.alternatives).toEqual([]);
  });

  it('leaves the 503 that nginx makes itself (limit_req: its own page, no Retry-After) to nginx', () => {
    expect(first('nginx/503-limit-req.http').issuer?.fingerprint).toBe('nginx-503-page');
  });
});

describe('a malformed status line', () => {
  it.each(['curl/malformed-status-line.http', 'curl/malformed-status-line-verbose.http'])('%s: curl\'s "Unsupported HTTP version" is a malformed status line, not another protocol', (path) => {
    const d = first(path);
    expect(d.issuer?.fingerprint).toBe('curl-malformed-status-line');
    expect(d.networkFailure?.kind).toBe('invalid-response');
    expect(d.summary).toMatch(/malformed HTTP status line/);
    expect(d.causes.join('\n')).toMatch(/nginx .*HTTP\/0\.9.*status 009/);
  });

  it("is among the causes of Caddy's empty 502, with the Go error Caddy logs for it", () => {
    const d = first('caddy/502-malformed-status-code.http');
    expect(d.issuer?.fingerprint).toBe('caddy-502-empty');
    expect(d.causes.join('\n')).toContain('malformed HTTP status code');
    expect(d.summary).toMatch(/error log .* tells which one/);
  });

  it.each(['curl/malformed-status-line.http', 'curl/http09-behind-nginx-verbose.http'])('%s: nginx in front answers no status (it relays HTTP/0.9); HAProxy and Caddy answer 502', (path) => {
    const answers = first(path).networkFailure?.proxyAnswers.map((a) => `${a.component} ${a.status}`);
    expect(answers).toEqual(expect.arrayContaining(['HAProxy 502', 'Caddy 502']));
    expect(answers?.some((a) => a.startsWith('nginx'))).toBe(false);
  });
});

describe("nginx's 502 page: the same for every cause, told apart by the error log", () => {
  // fingerprints.md §1c: the error-log message of each cause that nginx answers with 502.
  const ERROR_LOG_MESSAGES = [
    'connect() failed (111: Connection refused) while connecting to upstream',
    'connect() to unix:... failed (2: No such file or directory)',
    '(13: Permission denied)',
    '(113: No route to host)',
    'could not be resolved (3: Host not found)',
    'upstream prematurely closed connection while reading response header from upstream',
    'recv() failed (104: Connection reset by peer) while reading response header from upstream',
    'upstream sent too big header while reading response header from upstream',
    'upstream sent invalid header: ',
    'no live upstreams while connecting to upstream',
  ];

  it.each(LOCALES)('says the ranking is by frequency and quotes the error-log line of each cause where to look (%s)', (locale) => {
    const d = first('nginx/502-bad-gateway.http', locale);
    expect(d.causes[0]).toContain('(111: Connection refused)');
    const where = d.whereToLook.join('\n');
    for (const message of ERROR_LOG_MESSAGES) expect(where).toContain(message);
  });

  it('says so in the summary', () => {
    expect(first('nginx/502-bad-gateway.http').summary).toMatch(/ranked by how common they are, not read from this response: the error-log line .* tells which one/);
  });
});
