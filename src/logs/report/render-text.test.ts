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
  it('shows the log format it inferred from an Apache LogFormat with a bare field, so the reader can check what each field was read as', async () => {
    const report = await analyzeLogs({ files: ['wild/apache-vhost-combined/pastebin-cqsfADqY-nextcloud.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    const inferred = '$host $remote_addr $remote_ident $remote_user [$time_local] $field_0 $field_1 "$request" $status';
    expect(renderLogReportText(report, logsText('en'))).toContain(`    log format inferred from the lines: ${inferred}`);
    expect(renderLogReportText(report, logsText('id'))).toContain(`    format log yang disimpulkan dari baris-barisnya: ${inferred}`);
  });

  it('shows no inferred format for a log read by a known format', async () => {
    const report = await analyzeLogs({ files: ['wild/apache-combined/beats-apache-access-test.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    expect(renderLogReportText(report, logsText('en'))).not.toContain('log format inferred');
  });

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

  it('says how many entries logged no HTTP status (HAProxy tcplog sessions in rancher/rancher#2414)', async () => {
    const report = await analyzeLogs({ files: ['wild/haproxy-tcp/rancher-2414-tcplog.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    expect(report.totals).toMatchObject({ requests: 8, noStatus: 8, verdicts: 1 });
    expect(renderLogReportText(report, logsText('en'))).toContain('requests: 8 (8 of them TCP sessions or entries with no HTTP status)');
    const plain = await analyzeLogs({ files: ['-'], cwd: FIXTURES, stdin: Readable.from(['10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "-"\n']) });
    expect(plain.totals.noStatus).toBe(0);
    expect(renderLogReportText(plain, logsText('en'))).not.toContain('TCP sessions');
  });

  it('opens a report of error logs alone with their upstream failures, never with "No 5xx"', async () => {
    const report = await analyzeLogs({ files: ['nginx/error.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    const text = renderLogReportText(report, logsText('en'));
    expect(text.split('\n').slice(0, 5)).toEqual([
      'httpwhy logs: who made each 5xx',
      '',
      'No access-log request was read from these files, but the error logs show 9 upstream failures with no access entry.',
      '  nginx/error.log: read as nginx-error (detected 9/9), an error log: 9 lines read, none of them an access-log request',
      '  Connection reset or closed before the response: 3  (nginx/error.log:2 recv() failed (104: Connection reset by peer) while reading response header from upstream)',
    ]);
    expect(text).not.toContain('No 5xx');
    expect(text).toContain('Next step (Connection reset or closed before the response):');
  });

  it('says first that no request was read, what each file was read as, and its first lines', async () => {
    const report = await analyzeLogs({ files: ['nginx/app.log', '-'], cwd: FIXTURES, stdin: Readable.from(['no log here\n\n\u0000\u0001\n']) });
    const text = renderLogReportText(report, logsText('en'));
    expect(text.split('\n').slice(0, 8)).toEqual([
      'httpwhy logs: who made each 5xx',
      '',
      'No request was read from any of these files, so this report cannot tell whether anything failed.',
      '  nginx/app.log: read as app-text (detected 11/11), an app log: 11 lines read, none of them an access-log request',
      '  -: in no known format: 2 of 2 lines skipped',
      '',
      'Files',
      '  nginx/app.log  app-text (detected 11/11)  11 lines, 11 parsed, 0 skipped',
    ]);
    expect(text).toContain('    first lines:\n      nginx/app.log:1  sshd: kex_exchange_identification: client sent invalid protocol identifier "GET /non-http-reply"\n');
    expect(text).toContain('    skipped: 1 not in a known format\n      -:1  no log here');
    expect(text).not.toContain('No 5xx');
    const id = renderLogReportText(report, logsText('id'));
    expect(id).toContain('Tidak ada request yang terbaca dari file-file ini');
    expect(id).toContain('-: tidak dalam format yang dikenal: 2 dari 2 baris dilewati');
  });

  it('warns about a file most of whose lines were skipped, and names error-log failures when no status needs a verdict', async () => {
    const access = '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "-"\n';
    const report = await analyzeLogs({ files: ['-', 'nginx/error.log'], cwd: FIXTURES, stdin: Readable.from([`${access}one\ntwo\n`]) });
    const text = renderLogReportText(report, logsText('en'));
    expect(text.split('\n').slice(0, 5)).toEqual(['httpwhy logs: who made each 5xx', '', 'Read warnings', '  -: read as combined (detected 1/3), an access log: 2 of 3 lines skipped', '']);
    expect(text).toContain('\nNo 5xx, 499 or 009 in the access logs, but the error logs show 9 upstream failures with no access entry.\n');
  });
});
