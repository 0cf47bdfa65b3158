import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { followLogs } from './follow.ts';
import type { LogReport } from './report/index.ts';
import { LogSession } from './session.ts';

const line = (status: number, path: string) => `10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET ${path} HTTP/1.1" ${status} 5 "-" "curl/8.0"\n`;

/** Follows a session, refreshing every 20 ms; bounded at 15 s even if a step below never shows up. */
function following(session: LogSession) {
  const controller = new AbortController();
  const guard = setTimeout(() => controller.abort(), 15_000);
  let latest: LogReport | null = null;
  const done = followLogs(session, { intervalMs: 20, signal: controller.signal, onSnapshot: (r) => (latest = r) });
  return {
    /** Waits (up to 10 s) until the summary counts `requests`. */
    async until(requests: number): Promise<void> {
      for (let waited = 0; (latest as LogReport | null)?.totals.requests !== requests && waited < 10_000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((latest as LogReport | null)?.totals.requests).toBe(requests);
    },
    /** Stops following; the final report. */
    stop(): Promise<LogReport> {
      controller.abort();
      clearTimeout(guard);
      return done;
    },
  };
}

describe('followLogs across rotation and truncation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-follow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no line and counts none twice', async () => {
    const file = join(dir, 'access.log');
    writeFileSync(file, line(200, '/a') + line(502, '/b'));
    const session = await LogSession.open({ files: [file], cwd: dir, stdin: Readable.from([]) });
    const { until, stop } = following(session);
    await until(2);

    // logrotate's default (create): rename, the proxy writes one more line to the old file, a new file appears.
    appendFileSync(file, line(503, '/c'));
    renameSync(file, `${file}.1`);
    appendFileSync(`${file}.1`, line(504, '/d'));
    writeFileSync(file, line(200, '/e') + line(500, '/f'));
    await until(6);

    // copytruncate: the same file emptied, then written again from the start.
    truncateSync(file, 0);
    appendFileSync(file, line(502, '/g'));
    await until(7);

    const report = await stop();
    expect(report.totals).toMatchObject({ lines: 7, parsed: 7, skipped: 0, requests: 7, byStatus: { '200': 2, '500': 1, '502': 2, '503': 1, '504': 1 } });
    // Line numbers start again in each new file: /f is line 2 of the new file, /g line 1 after the truncation.
    const where = Object.fromEntries(report.causes.flatMap((c) => c.examples.map((e) => [e.path, e.line])));
    expect(where).toEqual({ '/b': 2, '/c': 3, '/d': 4, '/f': 2, '/g': 1 });
  });
});

describe('followLogs with stdin and files together', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-follow-stdin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the files, and what is appended to them, while stdin stays open', async () => {
    const file = join(dir, 'access.log');
    writeFileSync(file, line(200, '/file-1'));
    // stdin given first: an open pipe that has sent one line and not ended (as `tail -f other.log |` would).
    const stdin = new PassThrough();
    stdin.write(line(502, '/stdin-1'));
    const session = await LogSession.open({ files: ['-', file], cwd: dir, stdin, headWaitMs: 200 });
    const { until, stop } = following(session);
    await until(2);
    appendFileSync(file, line(504, '/file-2'));
    stdin.write(line(503, '/stdin-2'));
    await until(4);

    const report = await stop();
    stdin.destroy();
    expect(report.totals).toMatchObject({ requests: 4, byStatus: { '200': 1, '502': 1, '503': 1, '504': 1 } });
  });
});

/** The lab's nginx logs (test/fixtures/logs/nginx): each 502's error line and its access line. */
const labLines = (name: string) => readFileSync(new URL(`../../test/fixtures/logs/nginx/${name}`, import.meta.url), 'utf8').split('\n');

describe('followLogs with an error log beside the access log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-follow-error-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('links an error line the proxy appends after a poll has read its access line', async () => {
    const [access1, access2] = labLines('access.log');
    const [error1, error2] = labLines('error.log');
    const accessLog = join(dir, 'access.log');
    const errorLog = join(dir, 'error.log');
    writeFileSync(accessLog, `${access1}\n`);
    writeFileSync(errorLog, `${error1}\n`);
    const session = await LogSession.open({ files: [accessLog, errorLog], cwd: dir, stdin: Readable.from([]) });
    const { until, stop } = following(session);
    await until(1);
    // A poll reads the access line while the error line is not in its file yet.
    appendFileSync(accessLog, `${access2}\n`);
    await until(2);
    appendFileSync(errorLog, `${error2}\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const report = await stop();
    const causeOf = Object.fromEntries(report.causes.flatMap((c) => c.examples.map((e) => [e.path, c.cause])));
    expect(causeOf).toEqual({ '/connection-refused': 'refused', '/reset-before-headers': 'reset' });
  });
});
