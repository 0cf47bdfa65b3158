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
});
