import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDevtoolsColumns } from './parse-devtools-columns.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('parseDevtoolsColumns', () => {
  it("reads DevTools' two-column copy of the response headers (sablier-traefik-plugin#49)", () => {
    const response = parseDevtoolsColumns(wild('cloudflare/xxx-devtools-two-column-headers-sablier-49.txt'));
    expect(response).toMatchObject({ status: null, body: null });
    expect(response?.headers).toContainEqual({ name: 'server', value: 'cloudflare' });
    expect(response?.headers).toContainEqual({ name: 'cf-ray', value: 'a0e73a7a382dfb8f-AMS' });
  });

  it("takes the status from the General section and leaves the request's headers out", () => {
    // The rows and labels of Chrome's network panel, in the order it copies them.
    const copied = ['Request URL', 'https://example.org/', 'Request Method', 'GET', 'Status Code', '502 Bad Gateway', 'Response Headers', 'server', 'nginx', 'Request Headers', 'accept', '*/*'].join('\n');
    const response = parseDevtoolsColumns(copied);
    expect(response).toMatchObject({ status: 502, reason: 'Bad Gateway' });
    expect(response?.headers).toEqual([{ name: 'server', value: 'nginx' }]);
  });

  it.each([
    ['page text in short lines', 'Error\n502\nBad Gateway\nnginx'],
    ['two header pairs with no status', 'server\nnginx\nvia\n1.1 varnish'],
    ['a name left without its value', 'server\nnginx\ndate\nToday\ncontent-type'],
  ])('returns null for %s', (_case, text) => {
    expect(parseDevtoolsColumns(text)).toBeNull();
  });
});
