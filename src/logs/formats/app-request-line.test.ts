import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appRequestLine } from './app-request-line.ts';

// Published lines (test/fixtures/logs/app-request-lines.tsv, a source per row) and what each says.
const FIXTURE = new URL('../../../test/fixtures/logs/app-request-lines.tsv', import.meta.url);
const rows = readFileSync(FIXTURE, 'utf8')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map((row) => {
    const [line, method, path, status, client, source] = row.split('\t') as [string, string, string, string, string, string];
    return { line, method, path, status: Number(status), client, source };
  });

describe('appRequestLine', () => {
  it.each(rows.filter((r) => r.status > 0))('reads $line', ({ line, method, path, status, client }) => {
    expect(appRequestLine(line)).toMatchObject({ method, path, status, client });
  });

  it.each(rows.filter((r) => r.status === 0))('finds no request in $line', ({ line }) => {
    expect(appRequestLine(line)).toBeNull();
  });

  it("marks a line cut before its client, with the combined format's tail, as deciding nothing (cert-manager/cert-manager#656), not a server's with its client first (actix-web's)", () => {
    const cut = rows.find((r) => r.source.includes('cert-manager/cert-manager/issues/656'));
    expect(appRequestLine(cut?.line ?? '')).toMatchObject({ status: 404, cut: true });
    expect(appRequestLine(`127.0.0.1 ${cut?.line ?? ''}`)?.cut).toBeUndefined();
  });

  it("does not take urllib3's debug line for a response it received for a server's request line (mikf/gallery-dl#7738)", () => {
    expect(appRequestLine('[urllib3.connectionpool][debug] https://imx.to:443 "GET URL HTTP/1.1" 403 898')).toBeNull();
    expect(appRequestLine('DEBUG:urllib3.connectionpool:"GET /v1/items HTTP/1.1" 502 166')).toBeNull();
  });

  it("leaves a router's line with a zoned ISO time in brackets to the proxy formats, also when a paste cut it (cloudfoundry/routing-release#132)", () => {
    const cut = 'app.example.com - [2018-12-05T10:07:24.229+0000] "GET / HTTP/1.1" 502 0 67 "-" "curl/7.47.0" "100.10';
    expect(appRequestLine(cut)).toBeNull();
  });

  it("leaves a router's line with its pre-2017 time (day/month/year, milliseconds) to the proxy formats (corpus: gorouter/net-sample-app-5-cf-logs-redacted.log)", () => {
    const line = readFileSync(new URL('../../../test/fixtures/logs/wild/gorouter/net-sample-app-5-cf-logs-redacted.log', import.meta.url), 'utf8').split('\n')[0] as string;
    expect(line).toContain('[18/11/2016:12:20:38.381 +0000]');
    expect(appRequestLine(line)).toBeNull();
  });

  it("leaves a proxy's line whose CLF time the paste blanked out, its zone kept, to the proxy formats (held-out logs set 139)", () => {
    const line = readFileSync(new URL('../../../test/fixtures/logs/wild/ingress-nginx/album-store-connrefused-a.log', import.meta.url), 'utf8').split('\n')[1] as string;
    expect(line).toContain('[---------- +0000] "GET /albums/ HTTP/1.1" 502 ');
    expect(appRequestLine(line)).toBeNull();
  });

  it('leaves a proxy access line with a zoned CLF time to the proxy formats, even inside an app log', () => {
    const nginx = readFileSync(new URL('../../../test/fixtures/logs/wild/nginx-combined/piped-docker-17-main-502.log', import.meta.url), 'utf8').split('\n')[0] as string;
    expect(nginx).toMatch(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\]/);
    expect(appRequestLine(nginx)).toBeNull();
  });
});
