import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { wrapLine, type Wrapper } from '../../../test/logs/wrap-log.ts';
import { analyzeLogs, logsText, renderLogReportText, type LogReport } from '../index.ts';
import type { WrapperId } from '../types.ts';

const FIXTURES = new URL('../../../test/fixtures/logs/', import.meta.url).pathname;
const WILD = join(FIXTURES, 'wild');
const run = (file: string, cwd = WILD, format?: string) => analyzeLogs({ files: [file], cwd, stdin: Readable.from([]), ...(format ? { format } : {}) });

/** The hand counts of corpus.tsv, by file. */
const CORPUS = new Map(
  readFileSync(join(WILD, 'corpus.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t'))
    .map(([file, , wrapper, , requests, , app, proxy, unknown]) => [file as string, { wrapper, requests: Number(requests), app: Number(app), proxy: Number(proxy), unknown: Number(unknown) }]),
);

describe('formats read inside their wrappers (wild corpus rows with a wrapper)', () => {
  it.each([
    ['compose/x3rus-apache-backend-compose.log', 'common', ['compose']],
    ['caddy-json/lnav-caddy-compose.log', 'caddy', ['compose']],
    ['compose/x3rus-nginx-proxy-access.log', 'nginx-proxy', ['compose', 'compose']],
    ['compose/x3rus-nginx-proxy-504.log', 'nginx-proxy', ['compose', 'compose']],
    ['docker-json/fluent-bit-apache-logs.log', 'common', ['docker-json']],
    ['emissary/beats-envoy-json.log', 'envoy', ['docker-json', 'emissary']],
    ['envoy-text/integrations-istio-container-cri.log', 'envoy', ['cri']],
    ['envoy-text/istio-29109-kubectl-timestamps.log', 'envoy', ['timestamps']],
    ['haproxy-http/lnav-haproxy-syslog.log', 'haproxy', ['syslog']],
    ['kubectl-prefix/kubernetes-124732-nginx-startup.log', 'nginx-error', ['kubectl-prefix']],
  ] as Array<[string, string, WrapperId[]]>)('%s: %s in %j, the requests counted by hand', async (file, format, wrappers) => {
    const report = await run(file);
    expect(report.files[0]).toMatchObject({ format, wrappers });
    expect(report.totals.requests).toBe(CORPUS.get(file)?.requests);
  });

  it.each([
    ['docker-json/fluent-bit-apache-logs.log', 'unknown'],
    ['envoy-text/integrations-istio-container-cri.log', 'proxy'],
    ['envoy-text/istio-29109-kubectl-timestamps.log', 'app'],
  ] as const)('%s: its %s-issued statuses as counted by hand', async (file, issuer) => {
    expect((await run(file)).classes[issuer]).toBe(CORPUS.get(file)?.[issuer]);
  });

  it.each(['caddy-error/searx-3205-journald-compose.log', 'caddy-error/tracecat-1331-compose.log'])(
    '%s: Caddy error lines under compose (and journald) are read as its proxy-issued 502s',
    async (file) => {
      const report = await run(file);
      expect(report.files[0]).toMatchObject({ format: 'caddy', role: 'error' });
      expect(report.errorLog.unlinked).toEqual([expect.objectContaining({ cause: 'refused', count: CORPUS.get(file)?.proxy })]);
    },
  );

  it('keeps where a line came from: stream on the example, the service next to it in the text report', async () => {
    const cri = await run('envoy-text/integrations-istio-container-cri.log');
    expect(cri.causes[0]?.examples[0]?.origin).toEqual({ host: '', stream: 'stdout' });
    const text = renderLogReportText(await run('compose/x3rus-nginx-proxy-504.log'), logsText('en'));
    expect(text).toContain('compose/x3rus-nginx-proxy-504.log  nginx-proxy in compose in compose (detected');
    expect(text).toContain('compose/x3rus-nginx-proxy-504.log:2 [nginx.1]  2017-10-20T11:39:43.000Z 504 GET /');
  });
});

/** What a report concludes, without where the lines were. */
function conclusions(report: LogReport) {
  return {
    formats: report.files.map((f) => f.format),
    byStatus: report.totals.byStatus,
    classes: report.classes,
    causes: report.causes.map((c) => [c.cause, c.count, c.examples.map((e) => [e.path, e.time, e.appMessage])]),
    errorLog: [report.errorLog.events, report.errorLog.linked],
    correlation: report.correlation,
  };
}

describe('UnwrappingParser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-unwrap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['cri', 'docker-json'] as const satisfies readonly Wrapper[])('the lab logs (nginx, HAProxy, Caddy JSON, app logs with stack traces) conclude the same inside %s records', async (wrapper) => {
    for (const proxy of ['nginx', 'haproxy', 'caddy']) {
      const files = proxy === 'haproxy' ? ['access.log'] : ['access.log', 'error.log'];
      for (const file of [...files, 'app.log']) {
        const lines = readFileSync(join(FIXTURES, proxy, file), 'utf8').split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
        writeFileSync(join(dir, `${proxy}-${file}`), lines.map((line, i) => wrapLine(wrapper, line, `2024-05-14T10:00:${String(i % 60).padStart(2, '0')}.000000001Z`)).join(''));
      }
      const options = { stdin: Readable.from([]), timeZone: 'UTC' };
      const bare = await analyzeLogs({ files: files.map((f) => `${proxy}/${f}`), appFiles: [`${proxy}/app.log`], cwd: FIXTURES, ...options });
      const wrapped = await analyzeLogs({ files: files.map((f) => `${proxy}-${f}`), appFiles: [`${proxy}-app.log`], cwd: dir, ...options });
      expect(wrapped.files.map((f) => f.wrappers)).toEqual(wrapped.files.map(() => [wrapper]));
      expect(conclusions(wrapped)).toEqual(conclusions(bare));
    }
  });

  it("mechanics (synthetic CRI lines): a format without a time takes the wrapper's, also with --format", async () => {
    writeFileSync(
      join(dir, 'cri.log'),
      ['2024-05-14T10:00:00.5Z stdout F 10.0.0.1 "GET /a HTTP/1.1" 502', '2024-05-14T10:00:01.5Z stdout P 10.0.0.1 "GET /b', '2024-05-14T10:00:02.5Z stdout F  HTTP/1.1" 200', ''].join('\n'),
    );
    const report = await run('cri.log', dir, '$remote_addr "$request" $status');
    expect(report.files[0]).toMatchObject({ wrappers: ['cri'], lines: 3, parsed: 3, skipped: 0 });
    expect(report.totals.byStatus).toEqual({ '200': 1, '502': 1 });
    expect(report.timeRange).toEqual({ from: '2024-05-14T10:00:00.500Z', to: '2024-05-14T10:00:02.500Z' });
    expect(report.causes[0]?.examples[0]).toMatchObject({ time: '2024-05-14T10:00:00.500Z', path: '/a', origin: { host: '', stream: 'stdout' } });
  });
});
