/** /lab/compare-gateways in both languages: the committed real-run data, side by side, linked from the lab pages and the sitemap. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities as decode } from '../../test/helpers/html-text.ts';
import { buildApp } from './app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ logger: false });
});
afterAll(async () => {
  await app.close();
});


/** The text of each row of a scenario's table, by gateway name: cells joined with " | ". */
function rows(html: string, scenario: string): Record<string, string> {
  const section = new RegExp(`<section id="${scenario}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  const out: Record<string, string> = {};
  for (const m of section.matchAll(/<tr[^>]*><th scope="row">([^<]+)<\/th>([\s\S]*?)<\/tr>/g)) {
    out[decode(m[1] as string)] = [...(m[2] as string).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => decode((c[1] as string).replace(/<[^>]+>/g, ''))).join(' | ');
  }
  return out;
}

describe('/lab/compare-gateways', () => {
  it('shows every gateway for a failure, as the proxies really answer it (logs-and-lab.md §7, fingerprints.md §2, §4)', async () => {
    const res = await app.inject('/lab/compare-gateways');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const refused = rows(res.body, 'connection-refused');
    expect(Object.keys(refused)).toEqual(['httpwhy gateway', 'nginx', 'HAProxy', 'Caddy']);
    expect(refused.nginx).toMatch(/^502 Bad Gateway \| the gateway’s own error page \| 502 us=502 uct=- uht=- · connect\(\) failed \(111: Connection refused\) while connecting to upstream \| no \| answered by nginx$/);
    // HAProxy answers 503, not 502, when the server refuses the connection.
    expect(refused.HAProxy).toMatch(/^503 Service Unavailable \| the gateway’s own error page \| 503 SC-- app Tc=-1 Tr=-1 retries=3 \| no \| answered by HAProxy$/);
    expect(refused.Caddy).toMatch(/^502 Bad Gateway \| empty \| 502 size=0 · dial tcp 127\.0\.0\.1:PORT: connect: connection refused \| no \| answered by Caddy$/);
    const truncated = rows(res.body, 'truncated-body');
    expect(truncated.nginx).toMatch(/^200 OK \| the app’s body, cut: 1000 of 100000 bytes \| .* \| yes \| answered by curl$/);
  });

  it('shows the proxies’ own refusals, and says that Caddy 2.6 has no limit module', async () => {
    const html = (await app.inject('/lab/compare-gateways')).body;
    const overload = rows(html, 'overload');
    expect(overload.nginx).toMatch(/^503 Service Temporarily Unavailable \| .* \| 503 us=- uct=- uht=- · limiting connections by zone "overload" \| no \| /);
    expect(overload.HAProxy).toMatch(/^503 Service Unavailable \| .* \| 503 sQ-- <NOSRV> Tc=-1 Tr=-1 \| no \| /);
    expect(overload.Caddy).toMatch(/^200 OK \| the app’s body \| 200 size=13 \| yes \| no error$/);
    const limited = rows(html, 'rate-limited');
    expect(limited.nginx).toMatch(/^429 Too Many Requests \| /);
    expect(limited.HAProxy).toMatch(/^429 Too Many Requests, Retry-After: 10 \| .* \| 429 PR-- <NOSRV> /);
    expect(limited['httpwhy gateway']).toMatch(/^429 Too Many Requests, Retry-After: 10 \| /);
    expect(html.match(/Caddy 2\.6’s standard build has no rate limit and no concurrency limit/g)).toHaveLength(2);
    // Signatures are escaped text, never markup.
    expect(html).toContain('<code>503 sQ-- &lt;NOSRV> Tc=-1 Tr=-1</code>');
  });

  it('is in Indonesian under /id, with the proxies’ versions and the capture date', async () => {
    const html = (await app.inject('/id/lab/compare-gateways')).body;
    expect(html).toContain('<html lang="id"');
    expect(html).toContain('Empat gateway, satu kegagalan');
    expect(rows(html, 'app-exception').nginx).toMatch(/^500 Internal Server Error \| body dari aplikasi \| .* \| ya \| dijawab oleh Express$/);
    expect(html).toMatch(/nginx 1\.\d+\.\d+, HAProxy 2\.\d+\.\d+, Caddy 2\.\d+\.\d+/);
    expect(html).toMatch(/pada \d{4}-\d{2}-\d{2}:/);
  });

  it('links to the live failure pages, and is linked from /lab, the failure pages and the sitemap', async () => {
    const html = (await app.inject('/lab/compare-gateways')).body;
    expect(html).toContain('<a href="/lab/fail/upstream-down">');
    expect((await app.inject('/id/lab/compare-gateways')).body).toContain('<a href="/id/lab/fail/upstream-down">');
    expect((await app.inject('/lab')).body).toContain('<a href="/lab/compare-gateways">');
    expect((await app.inject('/id/lab')).body).toContain('<a href="/id/lab/compare-gateways">');
    expect((await app.inject('/lab/fail/upstream-down')).body).toContain('<a href="/lab/compare-gateways#connection-refused">');
    const sitemap = (await app.inject('/sitemap.xml')).body;
    expect(sitemap).toContain('<loc>http://localhost:3000/lab/compare-gateways</loc>');
    expect(sitemap).toContain('<loc>http://localhost:3000/id/lab/compare-gateways</loc>');
  }, 20_000);
});
