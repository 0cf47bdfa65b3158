/** The failure pages, each scenario run live through the lab's gateway and shown with app.inject. */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities as decode } from '../../test/helpers/html-text.ts';
import { buildApp } from './app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ logger: false });
});
afterAll(async () => {
  await app.close();
});


/** The page's sections by heading: the text of each <h2>'s section (tags stripped, entities decoded). */
function sections(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<section>\s*<h2>([^<]+)<\/h2>([\s\S]*?)<\/section>/g)) out[decode(m[1] as string)] = decode((m[2] as string).replace(/<[^>]+>/g, ''));
  return out;
}

async function page(url: string) {
  const res = await app.inject(url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return { html: res.body, s: sections(res.body) };
}

const CLIENT = 'What the browser got';
const ACCESS = 'Gateway access log';
const ERROR = 'Gateway error log';
const APP = 'Application log';
const VERDICT = 'What the diagnosis says about the browser’s view';
const SILENT = 'The app logged nothing for this request.';

describe('/lab/fail/:scenario', () => {
  // Status line the browser gets, the gateway's error-log message (null: none), whether the app logged, who the diagnosis says issued it, the marked hop.
  it.each([
    ['app-exception', 'HTTP/1.1 500 Internal Server Error', null, true, 'Express', 'app'],
    ['upstream-down', 'HTTP/1.1 502 Bad Gateway', /connect\(\) failed \(111: Connection refused\)/, false, 'httpwhy-gateway', 'link'],
    ['reset', 'HTTP/1.1 502 Bad Gateway', /recv\(\) failed \(104: Connection reset by peer\)/, false, 'httpwhy-gateway', 'link'],
    ['empty-reply', 'HTTP/1.1 502 Bad Gateway', /upstream prematurely closed connection while reading response header/, false, 'httpwhy-gateway', 'link'],
    ['malformed-status', 'HTTP/1.1 502 Bad Gateway', /upstream sent no valid HTTP\/1\.0 header/, false, 'httpwhy-gateway', 'link'],
    ['oversized-headers', 'HTTP/1.1 502 Bad Gateway', /upstream sent too big header/, false, 'httpwhy-gateway', 'link'],
    ['slow-headers', 'HTTP/1.1 504 Gateway Timeout', /upstream timed out \(110: Connection timed out\)/, false, 'httpwhy-gateway', 'link'],
    ['truncated-body', 'HTTP/1.1 200 OK', /upstream prematurely closed connection while reading upstream/, true, 'curl', 'link'],
    ['overload', 'HTTP/1.1 503 Service Unavailable', /limiting connections by zone "overload"/, false, 'httpwhy-gateway', 'proxy'],
    ['rate-limited', 'HTTP/1.1 429 Too Many Requests', /limiting requests, excess: .* by zone "rate-limited"/, false, 'httpwhy-gateway', 'proxy'],
  ] as const)('%s: the browser gets %s, and each side is shown', async (slug, statusLine, gatewayError, appLogged, issuer, failing) => {
    const { html, s } = await page(`/lab/fail/${slug}`);
    expect(s[CLIENT]?.trimStart().startsWith(statusLine)).toBe(true);
    const rid = /rid=([0-9a-f]{32}) /.exec(s[ACCESS] ?? '')?.[1];
    expect(s[ACCESS]).toContain(`"GET /fail/`);
    expect(html).toContain(`request id ${rid}.`);
    expect(s[ERROR]).toMatch(gatewayError ?? /^\s*The gateway logged no error for this request\.\s*$/);
    // The app's line for this request, or the note that there is none: exactly one of the two.
    expect({ logged: s[APP]?.includes(`request_id=${rid} `), silent: s[APP]?.trim() === SILENT }).toEqual({ logged: appLogged, silent: !appLogged });
    expect(s[VERDICT]).toContain(`${issuer} (`);
    expect(html).toContain(`<div class="hops fail-${failing}" aria-hidden="true">`);
  });

  it('app-exception: the app’s error line and stack carry the request id of the gateway’s access line', async () => {
    const { s } = await page('/lab/fail/app-exception');
    const rid = /rid=([0-9a-f]{32}) /.exec(s[ACCESS] ?? '')?.[1] as string;
    expect(s[APP]).toMatch(new RegExp(`ERROR request_id=${rid} GET /fail/app-exception status=500 TypeError: Cannot read properties of undefined`));
    expect(s[APP]).toMatch(/\n\s+at /);
    expect(s[VERDICT]).toContain('httpwhy-gateway');
  });

  it('is in Indonesian under /id', async () => {
    const { html, s } = await page('/id/lab/fail/upstream-down');
    expect(html).toContain('<h1>Upstream mati: koneksi ditolak (502)</h1>');
    expect(s['Log aplikasi']?.trim()).toBe('Aplikasi tidak mencatat apa pun untuk request ini.');
    expect(s['Yang diterima browser']).toContain('HTTP/1.1 502 Bad Gateway');
  });

  it('escapes what came over the wire, and is valid HTML', async () => {
    const { html } = await page('/lab/fail/app-exception');
    expect(html).toContain('&lt;pre>Internal Server Error&lt;/pre>');
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(html, `${ROOT}page.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('answers 404 for an unknown scenario', async () => {
    expect((await app.inject('/lab/fail/nope')).statusCode).toBe(404);
  });

  it('is linked from the lab index, in both languages', async () => {
    const en = (await app.inject('/lab')).body;
    const id = (await app.inject('/id/lab')).body;
    for (const slug of ['app-exception', 'upstream-down', 'reset', 'empty-reply', 'malformed-status', 'oversized-headers', 'slow-headers', 'truncated-body', 'overload', 'rate-limited']) {
      expect(en).toContain(`<a href="/lab/fail/${slug}">`);
      expect(id).toContain(`<a href="/id/lab/fail/${slug}">`);
    }
  });
});
