import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeLogs, logsText, renderLogReportHtml, renderLogReportText } from '../index.ts';
import { FileStats } from '../input/index.ts';
import { logSetupAdvice } from './log-setup.ts';
import { SETUP_CONFIG } from './log-setup-config.ts';

const WILD = new URL('../../../test/fixtures/logs/wild/', import.meta.url).pathname;
const analyze = (file: string) => analyzeLogs({ files: [file], cwd: WILD, stdin: Readable.from([]) });

describe('the log-setup doctor', () => {
  it('names what a plain combined log lacks and prints the nginx configuration that adds it', async () => {
    // Mechanics: the two 502 lines of nginx's `main` format of piped issue 17 (no upstream field, no request id), with
    // a body size that is not nginx's own page (559 bytes there: nginx-page-size.ts decides those), as an
    // application's own 502 would have.
    const lines = readFileSync(`${WILD}nginx-combined/piped-docker-17-main-502.log`, 'utf8').replaceAll(' 502 559 ', ' 502 612 ');
    const report = await analyzeLogs({ files: ['-'], cwd: WILD, stdin: Readable.from([lines]) });
    expect(report.logSetup).toEqual([
      {
        file: '-',
        proxy: 'nginx',
        weak: 2,
        missing: [
          { gap: 'upstream-fields', fields: ['$upstream_status', '$upstream_addr', '$upstream_connect_time', '$upstream_header_time', '$upstream_response_time'], count: 2 },
          { gap: 'request-id', fields: ['$request_id', 'proxy_set_header X-Request-Id'], count: 2 },
        ],
        config: SETUP_CONFIG.nginx,
      },
    ]);
    expect(SETUP_CONFIG.nginx).toContain('proxy_set_header X-Request-Id $request_id;');
    expect(SETUP_CONFIG.nginx).toMatch(/^log_format httpwhy '.*\$upstream_status.*\$upstream_addr.*\$upstream_response_time.*';$/ms);
  });

  it("asks ingress-nginx for the cause of its own 502s, the error log's fact", async () => {
    // The controller's default format has $upstream_status and $upstream_response_length 0: nginx's own 502s, cause unknown.
    const report = await analyze('ingress-nginx/beats-ingress-controller.log');
    expect(report.logSetup?.map((a) => [a.proxy, a.missing.map((m) => m.gap)])).toEqual([['ingress-nginx', ['cause']]]);
    expect(report.logSetup?.[0]?.config).toContain('log-format-upstream: >-');
    expect(report.logSetup?.[0]?.config).toContain('request_id=$req_id ');
  });

  it('says nothing when every verdict was decided', async () => {
    // HAProxy's termination state decides every 5xx of this capture (cerebro issue, sH).
    expect((await analyze('haproxy-http/cerebro-syslog-504-sH.log')).logSetup).toBeUndefined();
  });

  it('does not ask for an error log once one was read, nor for a fact the proxy cannot log', () => {
    const access = new FileStats('access.log');
    access.format = 'combined';
    const traefik = new FileStats('traefik.log');
    traefik.format = 'traefik-json';
    const gaps = new Map([
      ['access.log', { weak: 3, gaps: { 'upstream-fields': 0, 'upstream-timing': 0, cause: 3, 'request-id': 0 } }],
      ['traefik.log', { weak: 2, gaps: { 'upstream-fields': 0, 'upstream-timing': 0, cause: 2, 'request-id': 0 } }],
    ]);
    expect(logSetupAdvice([access, traefik], gaps, false).map((a) => [a.file, a.missing.map((m) => m.fields)])).toEqual([['access.log', [['error_log … warn']]]]);
    expect(logSetupAdvice([access, traefik], gaps, true)).toEqual([]);
  });

  it('is shown in the terminal and HTML views, in both languages', async () => {
    const report = await analyze('nginx-combined/piped-docker-17-main-502.log');
    const en = renderLogReportText(report, logsText('en'));
    expect(en).toContain('Log setup: what these logs lack\n  nginx-combined/piped-docker-17-main-502.log (nginx): 2 statuses stayed unknown or weakly decided');
    expect(en).toContain('\n         2  $request_id, proxy_set_header X-Request-Id: a request id');
    expect(en).toContain('\n    proxy_set_header X-Request-Id $request_id;\n');
    expect(renderLogReportText(report, logsText('id'))).toContain('Pengaturan log: yang tidak ada di log ini');
    const html = renderLogReportHtml(report, logsText('en'));
    expect(html).toContain('<pre><code>log_format httpwhy &#39;$remote_addr - $remote_user [$time_local] &quot;$request&quot;');
  });
});
