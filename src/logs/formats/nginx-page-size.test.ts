import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nginxPageSignal, nginxPageSizes } from './nginx-page-size.ts';

/** nginx's page template as the diagnosis reads it: the sizes here must be its bytes, not a second copy that drifts. */
interface Template {
  id: string;
  tail: string;
  padding: string;
  variants: Array<{ replace: string; with: string }>;
  pages: Array<{ status: number; head: string }>;
}
const templates = (parse(readFileSync(new URL('../../../data/fingerprints/default-pages.yaml', import.meta.url), 'utf8')) as { templates: Template[] }).templates;
const nginx = templates.find((t) => t.id === 'nginx-special-response') as Template;
const bytes = (s: string) => Buffer.byteLength(s);

describe('nginxPageSizes', () => {
  it.each([502, 503, 504])("is the size of nginx's own %i page (data/fingerprints/default-pages.yaml) for each footer, body tag and padding", (status) => {
    const head = nginx.pages.find((p) => p.status === status)?.head as string;
    const variant = nginx.variants[0] as { replace: string; with: string };
    const pages = ['nginx', 'nginx/1.2.3', 'nginx/1.21.6', 'nginx/1.27.10', 'openresty', 'openresty/1.21.4.1', 'openresty/1.27.1.2'].flatMap((server) => {
      const tail = nginx.tail.replace('{server}', server);
      return [head + tail, head.replace(variant.replace, variant.with) + tail];
    });
    const sizes = pages.map(bytes);
    expect(nginxPageSizes(status, 'curl/8.0.1')).toEqual(expect.arrayContaining(sizes));
    expect(nginxPageSizes(status, 'Mozilla/5.0 Chrome/98.0.4758.102 Safari/537.36')).toEqual(expect.arrayContaining(sizes.map((s) => s + bytes(nginx.padding))));
  });

  it('knows no page for a status nginx does not answer this way here', () => {
    expect(nginxPageSizes(501, undefined)).toEqual([]);
    // nginx's 500 only with the padding: never for a client that gets none.
    expect(nginxPageSizes(500, 'curl/8.0.1')).toEqual([]);
  });
});

describe('nginxPageSignal', () => {
  it("calls a 502, 503 or 504 of exactly that size nginx's own, and any other size nothing", () => {
    // nginx-proxy's default server answering a Chrome client (wild corpus: compose/nginx-proxy-413-forego-vhost-503.log).
    expect(nginxPageSignal(503, '615', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.110 Safari/537.36')).toMatchObject({ cause: 'proxy-config' });
    expect(nginxPageSignal(502, '157', undefined)).toMatchObject({ cause: 'upstream-failed', confidence: 'medium', decisive: true, evidence: { kind: 'error-page-size' } });
    expect(nginxPageSignal(504, '569', 'Chrome/135.0.0.0')).toMatchObject({ cause: 'timeout' });
    expect(nginxPageSignal(504, '569', 'curl/7.29.0')).toBeNull();
    // APISIX 3.x's page signed "Powered by APISIX": Content-Length 229 in apache/apisix#10287 (wild corpus:
    // apisix/apisix-10287-502.http), 631 with the padding for Chrome.
    const apisixPage = readFileSync(new URL('../../../test/fixtures/diagnose/wild/apisix/apisix-10287-502.http', import.meta.url), 'utf8');
    const length = /^Content-Length: (\d+)$/m.exec(apisixPage)?.[1];
    expect(length).toBe('229');
    expect(nginxPageSignal(502, length, 'curl/8.5.0')).toMatchObject({ cause: 'upstream-failed' });
    expect(nginxPageSignal(502, '631', 'Mozilla/5.0 Chrome/138.0.0.0 Safari/537.36')).toMatchObject({ cause: 'upstream-failed' });
    expect(nginxPageSignal(502, '612', undefined)).toBeNull();
    // Its 500 only with the padding: 572 bytes for a Chrome client (wild corpus: nginx-combined/defless-swag-access.log,
    // an auth_request whose subrequest failed, its error log beside it), never the bare 170.
    expect(nginxPageSignal(500, '572', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/113.0.0.0 Safari/537.36')).toMatchObject({ cause: 'proxy-config' });
    expect(nginxPageSignal(500, '170', 'curl/8.0.1')).toBeNull();
    expect(nginxPageSignal(500, '170', undefined)).toBeNull();
    expect(nginxPageSignal(502, '-', undefined)).toBeNull();
  });
});
