/**
 * The lookup over data/fingerprints/proxy-answers.yaml. Expected values come from ../shared/reference/fingerprints.md
 * (§1c nginx, §2b HAProxy, §4 Caddy, §21 rule 3), url-checking.md §4.3 and docs/proxy-outcomes.md (real runs).
 */
import { describe, expect, it } from 'vitest';
import { proxyAnswersFor } from './proxy-answers.ts';

const summary = (answers: ReturnType<typeof proxyAnswersFor>) => answers.map((a) => `${a.component} ${a.status}`);

describe('proxyAnswersFor', () => {
  it('gives each proxy its own answer for a refused connection (they disagree)', () => {
    expect(summary(proxyAnswersFor('refused'))).toEqual(
      expect.arrayContaining(['nginx 502', 'HAProxy 503', 'Envoy 503', 'Apache httpd 503', 'Caddy 502', 'AWS ALB 502', 'Cloudflare 521']),
    );
  });

  it('lists nginx first, then HAProxy', () => {
    expect(summary(proxyAnswersFor('refused')).slice(0, 2)).toEqual(['nginx 502', 'HAProxy 503']);
  });

  it('leaves nginx out for a missing or malformed status line: it relays the bytes as HTTP/0.9, with no status of its own', () => {
    const answers = summary(proxyAnswersFor('invalid-response', 'headers', 'bad-status-line'));
    expect(answers).toEqual(expect.arrayContaining(['HAProxy 502', 'Caddy 502']));
    expect(answers.some((a) => a.startsWith('nginx'))).toBe(false);
  });

  it('says nginx and HAProxy answer 502 for oversized headers, and Caddy relays them (200)', () => {
    expect(summary(proxyAnswersFor('invalid-response', 'headers', 'oversized-headers'))).toEqual(expect.arrayContaining(['nginx 502', 'HAProxy 502', 'Caddy 200']));
  });

  it('falls back to the kind alone when the detail is unknown, and never applies a row for another detail', () => {
    const general = summary(proxyAnswersFor('invalid-response'));
    expect(general).toEqual(expect.arrayContaining(['HAProxy 502', 'Cloudflare 520']));
    expect(general.some((a) => a.startsWith('nginx') || a.startsWith('Caddy'))).toBe(false);
    expect(summary(proxyAnswersFor('invalid-response', 'headers', null))).toEqual(general);
  });

  it('says the status was already sent when the body breaks off', () => {
    expect(proxyAnswersFor('truncated')).toContainEqual(expect.objectContaining({ component: 'nginx', status: null }));
    expect(proxyAnswersFor('invalid-response', 'body')).toContainEqual(expect.objectContaining({ component: 'nginx', status: null }));
    expect(proxyAnswersFor('timeout-body')).toContainEqual(expect.objectContaining({ component: 'HAProxy', status: null }));
  });

  it('answers a stalled TLS handshake differently from a stalled TCP connect', () => {
    expect(summary(proxyAnswersFor('timeout-connect', 'tls'))).toEqual(['nginx 504', 'AWS ALB 502']);
    const tcp = summary(proxyAnswersFor('timeout-connect', 'connect'));
    expect(tcp).toEqual(expect.arrayContaining(['nginx 504', 'HAProxy 503', 'AWS ALB 504', 'Cloudflare 522']));
    expect(summary(proxyAnswersFor('timeout-connect'))).toEqual(tcp);
  });

  it('names the condition when nginx or Cloudflare check a certificate only when configured to', () => {
    expect(summary(proxyAnswersFor('tls-certificate'))).toEqual(expect.arrayContaining(['nginx (proxy_ssl_verify on) 502', 'Cloudflare (Full strict) 526']));
  });

  it('has no answer where no component documents one', () => {
    expect(proxyAnswersFor('http2-stream')).toEqual([]);
  });

  it('returns copies, so a caller cannot change the data', () => {
    const first = proxyAnswersFor('refused');
    if (first[0]) first[0].status = 200;
    expect(proxyAnswersFor('refused')[0]).toMatchObject({ component: 'nginx', status: 502 });
  });

  it('cites an https source for every answer', () => {
    for (const kind of ['dns', 'refused', 'unreachable', 'connect-failed', 'timeout-connect', 'timeout-response', 'timeout-body', 'reset', 'empty-reply', 'tls-handshake', 'tls-certificate', 'invalid-response', 'truncated'] as const) {
      const answers = proxyAnswersFor(kind);
      expect(answers.length, kind).toBeGreaterThan(0);
      for (const a of answers) expect(a.source, `${kind} ${a.component}`).toMatch(/^https:\/\//);
    }
  });
});
