import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aptProxyHead } from './parse-apt-proxy.ts';
import { parseInput } from './parse-input.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

// Real apt output from the wild corpus (corpus-y.tsv: QubesOS/qubes-issues#8388, element-hq/element-web#3573).
describe("apt's Invalid response from proxy", () => {
  it("rebuilds the proxy's head from apt's one line, header by header, without apt's [IP: …]", () => {
    expect(aptProxyHead(wild('tinyproxy/qubes8388-500-unable-to-connect.log'))).toBe(
      'HTTP/1.0 500 Unable to connect\r\nServer: tinyproxy/1.10.0\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n',
    );
  });

  it('reads a bare status line the same way, its reason phrase whole', () => {
    const [obs] = parseInput(wild('apt-cacher-ng/riotweb3573-connect-denied.log')).observations;
    expect(obs?.response).toMatchObject({ status: 403, reason: 'CONNECT denied (ask the admin to allow HTTPS tunnels)', headers: [] });
  });

  it('keeps to apt\'s wording: a status line elsewhere in a line is no proxy head', () => {
    expect(aptProxyHead('E: Failed to fetch http://x/y  503  first byte timeout')).toBeNull();
    expect(aptProxyHead('the proxy said HTTP/1.1 502 Bad Gateway')).toBeNull();
  });
});
