import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeLogs } from '../index.ts';
import { logsText } from './messages.ts';
import { renderLogReportHtml } from './render-html.ts';

const FIXTURES = new URL('../../../test/fixtures/logs/', import.meta.url).pathname;

describe('renderLogReportHtml', () => {
  it('writes one self-contained page: chart, drill-down per cause, no script, nothing fetched', async () => {
    const report = await analyzeLogs({ files: ['caddy/access.log', 'caddy/error.log'], appFiles: ['caddy/app.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    const page = renderLogReportHtml(report, logsText('en'));
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("default-src 'none'");
    expect(page).toMatch(/<svg viewBox="0 0 900 244"/);
    expect(page.match(/<details>/g)?.length).toBe(report.causes.length);
    expect(page).toContain('<code>GET /connection-refused</code>');
    expect(page).not.toMatch(/<script|<link|\bsrc=|url\(|https?:\/\/(?!www\.w3)/);
  });

  it('escapes what the logs contain and speaks Indonesian with --lang id', async () => {
    const line = '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET /<script>alert(1)</script> HTTP/1.1" 502 5 "-" "-"\n';
    const report = await analyzeLogs({ files: ['-'], cwd: FIXTURES, stdin: Readable.from([line]) });
    const page = renderLogReportHtml(report, logsText('id'));
    expect(page).toContain('<html lang="id">');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('GET /&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Tidak diketahui');
    expect(page).toContain('Langkah berikutnya');
  });

  it('opens with what stands in the way when no request was read', async () => {
    const report = await analyzeLogs({ files: ['nginx/error.log', '-'], cwd: FIXTURES, stdin: Readable.from(['\u0000\u0001\u0002\n']) });
    const page = renderLogReportHtml(report, logsText('en'));
    const warning = page.slice(page.indexOf('<section class="warn">'), page.indexOf('</section>'));
    expect(page.indexOf('<section class="warn">')).toBeLessThan(page.indexOf('<div class="cards">'));
    expect(warning).toContain('<b>No access-log request was read from these files, but the error logs show 9 upstream failures with no access entry.</b>');
    expect(warning).toContain('<li><code>-</code>: binary data, not a text log: 1 of 1 lines skipped</li>');
    expect(warning).toContain('<li>Connection refused: <b>1</b> <code>nginx/error.log:1 connect() failed (111: Connection refused) while connecting to upstream</code></li>');
    expect(page).toContain('first lines: <div><code>nginx/error.log:1 2026/11/21 21:43:08 [error]');
    expect(page).not.toContain('No 5xx');
  });
});
