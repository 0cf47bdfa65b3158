import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeLogs } from '../index.ts';
import { logsText } from './messages.ts';
import { formatDuration, renderLogReportText, resample, sparkline } from './render-text.ts';

const FIXTURES = new URL('../../../test/fixtures/logs/', import.meta.url).pathname;

describe('sparkline helpers', () => {
  it('resamples by summing and draws relative heights, blanks for zero', () => {
    expect(resample([1, 2, 3, 4, 5, 6], 3)).toEqual([3, 7, 11]);
    expect(resample([1, 2], 5)).toEqual([1, 2]);
    expect(sparkline([0, 1, 4, 8])).toBe(' ▁▄█');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect([formatDuration(30), formatDuration(300), formatDuration(5400), formatDuration(172_800)]).toEqual(['30s', '5m', '1.5h', '2d']);
  });
});

describe('renderLogReportText', () => {
  it('summarises the nginx lab logs in English and Indonesian', async () => {
    const report = await analyzeLogs({ files: ['nginx/access.log', 'nginx/error.log'], appFiles: ['nginx/app.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    const en = renderLogReportText(report, logsText('en'));
    for (const part of [
      'httpwhy logs: who made each 5xx',
      'nginx/access.log  nginx-custom (detected 11/11)  11 lines, 11 parsed, 0 skipped',
      'App-issued',
      'Connection refused',
      'Upstream header too big',
      'Top routes: GET /connection-refused (1)',
      "TypeError: Cannot read properties of undefined (reading 'id')",
      'Bodies cut short after the status was sent (logged as 2xx/3xx): 1',
      'nginx/access.log:9',
      'Next step (Connection reset or closed before the response):',
    ]) {
      expect(en).toContain(part);
    }
    const id = renderLogReportText(report, logsText('id'));
    expect(id).toContain('httpwhy logs: siapa yang membuat setiap 5xx');
    expect(id).toContain('Koneksi ditolak');
    expect(id).toContain('Langkah berikutnya');
  });

  it('says so when there is nothing to explain, and lists skipped lines with examples', async () => {
    const report = await analyzeLogs({ files: ['-'], cwd: FIXTURES, stdin: Readable.from(['10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "-"\n\u0000\u0001junk\n']) });
    const text = renderLogReportText(report, logsText('en'));
    expect(text).toContain('No 5xx, 499 or 009 in these logs.');
    expect(text).toContain('skipped: 1 binary data');
    expect(text).toContain('-:2  \\x00\\x01junk');
  });
});
