/** `runLogs` in-process, as the CLI wires it: outputs, the HTML file, coded errors and follow mode. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext, type GlobalOptions } from '../../src/cli/context.ts';
import { run as runCli, type CliIo } from '../../src/cli/index.ts';
import { runLogs as runLogsCommand, type LogsRunOptions } from '../../src/cli/runners/logs.ts';
import { isHttpwhyError } from '../../src/errors.ts';
import { memoryIo } from '../helpers/memory-io.ts';

const FIXTURES = new URL('../fixtures/logs/', import.meta.url).pathname;
const line = (status: number, path: string) => `10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET ${path} HTTP/1.1" ${status} 5 "-" "curl/8.0"\n`;

function io(options: Parameters<typeof memoryIo>[0] = {}) {
  return { ...memoryIo(options), cwd: FIXTURES };
}

/** The runner as the CLI calls it: the global options (--json, --lang) go into its context. */
async function runLogs(files: string[], { json, lang, ...options }: LogsRunOptions & GlobalOptions, cliIo: CliIo): Promise<number> {
  return runLogsCommand([files], options, createContext(cliIo, { json, lang }));
}

describe('runLogs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-cli-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the summary, or only JSON with --json', async () => {
    const text = io();
    expect(await runLogs(['haproxy/access.log'], { app: ['haproxy/app.log'] }, text)).toBe(0);
    expect(text.stdoutText()).toContain('Connection refused');
    expect(text.stderrText()).toBe('');
    const json = io();
    expect(await runLogs(['haproxy/access.log'], { json: true }, json)).toBe(0);
    const report = JSON.parse(json.stdoutText());
    expect(report.totals.requests).toBe(11);
    expect(report.classes).toEqual({ app: 2, proxy: 8, unknown: 0 });
  });

  it('writes the HTML report in the chosen language', async () => {
    const out = join(dir, 'report.html');
    const run = io();
    expect(await runLogs(['nginx/access.log', 'nginx/error.log'], { html: out, lang: 'id' }, run)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<html lang="id">');
    expect(run.stdoutText()).toContain('Langkah berikutnya');
  });

  it('keeps stderr clean off a terminal and with --no-progress', async () => {
    const piped = io();
    await runLogs(['haproxy/access.log'], {}, piped);
    expect(piped.stderrText()).toBe('');
    const quiet = io({ tty: true });
    await runLogs(['haproxy/access.log'], { progress: false }, quiet);
    expect(quiet.stderrText()).toBe('');
  });

  it.each([
    [['missing.log'], {}, 'HW_ERR_LOGS_FILE_NOT_FOUND'],
    [['haproxy/access.log'], { format: 'w3c' }, 'HW_ERR_LOGS_UNKNOWN_FORMAT'],
    [['haproxy/access.log'], { lang: 'fr' }, 'HW_ERR_CODES_UNKNOWN_LOCALE'],
    [['haproxy/access.log'], { top: 'many' }, 'HW_ERR_LOGS_BAD_OPTION'],
    [['haproxy/access.log'], { window: '-1' }, 'HW_ERR_LOGS_BAD_OPTION'],
    [['haproxy/access.log'], { tz: 'Mars/Olympus' }, 'HW_ERR_LOGS_BAD_OPTION'],
    [['haproxy/access.log'], { failOn: 'proxy>0' }, 'HW_ERR_LOGS_BAD_OPTION'],
    [['haproxy/access.log'], { html: '/nonexistent-dir/x.html' }, 'HW_ERR_LOGS_OUTPUT_UNWRITABLE'],
  ] as const)('%j %j → %s', async (files, options, code) => {
    const error = await runLogs([...files], { ...options }, io()).catch((e: unknown) => e);
    expect(isHttpwhyError(error) && error.code).toBe(code);
  });

  it('--tz: exits 2 with the message for a bad zone, and reads HAProxy times in a good one', async () => {
    const bad = io();
    expect(await runCli(['logs', 'haproxy/access.log', '--tz', '+25:00'], bad)).toBe(2);
    expect(bad.stderrText()).toContain('--tz must be an IANA time zone such as Europe/Berlin or UTC, or an offset from -12:00 to +14:00 such as +07:00; got "+25:00".');
    expect(bad.stderrText()).not.toMatch(/\n\s+at /);
    const good = io();
    expect(await runCli(['logs', 'haproxy/access.log', '--tz', '+01:00', '--json'], good)).toBe(0);
    // The lab capture's accept dates are 21:43:08.778–.779 wall clock.
    expect(JSON.parse(good.stdoutText()).timeRange).toEqual({ from: '2026-11-21T20:43:08.778Z', to: '2026-11-21T20:43:08.779Z' });
  });

  it('--fail-on: exit 1 with the crossed thresholds on stderr, 0 below them, 2 for a malformed one', async () => {
    const failed = io();
    expect(await runCli(['logs', 'haproxy/access.log', '--json', '--fail-on', 'proxy-issued>0,5xx-rate>95%,5xx-rate>90%'], failed)).toBe(1);
    expect(JSON.parse(failed.stdoutText()).classes).toEqual({ app: 2, proxy: 8, unknown: 0 });
    expect(failed.stderrText()).toBe('--fail-on threshold crossed: proxy-issued>0 (proxy-issued = 8)\n--fail-on threshold crossed: 5xx-rate>90% (5xx-rate = 90.91%)\n');
    const passed = io();
    expect(await runCli(['logs', 'haproxy/access.log', '--fail-on', 'proxy-issued>8'], passed)).toBe(0);
    expect(passed.stderrText()).toBe('');
    const indonesian = io();
    expect(await runCli(['logs', 'haproxy/access.log', '--lang', 'id', '--fail-on', 'app-issued>=1'], indonesian)).toBe(1);
    expect(indonesian.stderrText()).toBe('ambang --fail-on terlampaui: app-issued>=1 (app-issued = 2)\n');
    const malformed = io();
    expect(await runCli(['logs', 'haproxy/access.log', '--fail-on', '5xx-rate>1'], malformed)).toBe(2);
    expect(malformed.stderrText()).toContain('--fail-on "5xx-rate>1": 5xx-rate is a percentage: write it with %, e.g. 5xx-rate>1%');
    expect(malformed.stdoutText()).toBe('');
  });

  it('follows a growing file and reports what was appended, including a line finished later', async () => {
    const file = join(dir, 'live.log');
    writeFileSync(file, line(200, '/a') + line(502, '/b').slice(0, 30));
    const controller = new AbortController();
    const run = { ...memoryIo(), cwd: dir };
    type Snapshot = { totals: { lines: number; requests: number; byStatus: Record<string, number> } };
    const snapshots = (): Snapshot[] =>
      run
        .stdoutText()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Snapshot);
    const until = async (ok: (s: Snapshot[]) => boolean): Promise<void> => {
      for (let waited = 0; !ok(snapshots()) && waited < 10_000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    const done = runLogs([file], { follow: true, json: true, intervalMs: 50, signal: controller.signal }, run);
    await until((s) => s.some((x) => x.totals.requests > 0));
    // The cut-short second line waits for the rest instead of being counted as skipped.
    expect(snapshots().find((x) => x.totals.requests > 0)?.totals).toMatchObject({ lines: 1, requests: 1 });
    appendFileSync(file, line(502, '/b').slice(30) + line(504, '/c'));
    await until((s) => s.at(-1)?.totals.requests === 3);
    controller.abort();
    expect(await done).toBe(0);
    expect(snapshots().at(-1)?.totals).toMatchObject({ lines: 3, requests: 3, byStatus: { '200': 1, '502': 1, '504': 1 } });
  });

  it('stops with a coded error, not an empty report, when Node forbids generating code', () => {
    // A real process: the flag cannot be set for this one. Needs dist/ (npm test builds it first).
    const bin = new URL('../../bin/httpwhy.js', import.meta.url).pathname;
    const result = spawnSync(process.execPath, [bin, 'logs', 'nginx/access.log'], {
      cwd: FIXTURES,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--disallow-code-generation-from-strings' },
    });
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('--disallow-code-generation-from-strings');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a log nobody read is never a clean report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-cli-unread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const CLEAN = 'No 5xx, 499 or 009 in these logs.';

  async function logs(args: string[]): Promise<{ exit: number; out: string; err: string }> {
    const run = io();
    const exit = await runCli(['logs', ...args, '--no-progress'], run);
    return { exit, out: run.stdoutText(), err: run.stderrText() };
  }

  it('exits 1 for an empty file, a binary file or text in no known format, and says so first', async () => {
    writeFileSync(join(dir, 'empty.log'), '');
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    // Prose, not a log (written here: it stands for any text in no format httpwhy reads).
    writeFileSync(join(dir, 'notes.txt'), 'Meeting notes\nThe checkout page was slow on Tuesday.\n');
    for (const [file, says] of [
      [join(dir, 'empty.log'), 'empty.log: empty, no line to read'],
      [join(dir, 'image.png'), 'image.png: binary data, not a text log: 3 of 3 lines skipped'],
      [join(dir, 'notes.txt'), 'notes.txt: in no known format: 2 of 2 lines skipped'],
    ]) {
      const result = await logs([file as string]);
      expect(result.exit, file).toBe(1);
      expect(result.out.split('\n')[2]).toBe('No request was read from any of these files, so this report cannot tell whether anything failed.');
      expect(result.out).toContain(says as string);
      expect(result.out).not.toContain(CLEAN);
    }
  });

  it('exits 1 for an error log alone, reporting its upstream failures', async () => {
    const result = await logs(['nginx/error.log']);
    expect(result.exit).toBe(1);
    expect(result.out).toContain('No access-log request was read from these files, but the error logs show 9 upstream failures with no access entry.');
    expect(result.err).toBe('');
  });

  it('with --json: marks the report, says why on stderr; with --html: the page says it first', async () => {
    const html = join(dir, 'unread.html');
    const result = await logs(['nginx/app.log', '--json', '--html', html]);
    expect(result.exit).toBe(1);
    const report = JSON.parse(result.out);
    expect([report.noRequests, report.totals.requests, report.files[0].warning, report.files[0].format]).toEqual([true, 0, 'no-requests', 'app-text']);
    expect(result.err).toBe('No request was read from any of these files, so this report cannot tell whether anything failed.\n');
    expect(readFileSync(html, 'utf8')).toMatch(/<h1>[^<]+<\/h1>\n<section class="warn"><p><b>No request was read/);
  });

  it('--fail-on over zero requests fails and says why', async () => {
    const result = await logs(['nginx/app.log', '--fail-on', '5xx>0']);
    expect(result.exit).toBe(1);
    expect(result.err).toBe('--fail-on cannot be evaluated: no request was read from these logs\n');
    expect((await logs(['nginx/app.log', '--fail-on', '5xx>0', '--lang', 'id'])).err).toBe('--fail-on tidak dapat dievaluasi: tidak ada request yang terbaca dari log ini\n');
  });

  it('--format that reads no line of a file exits 2 with one message: the first lines and what the format expected', async () => {
    const result = await logs(['haproxy/access.log', 'nginx/access.log', '--format', 'haproxy']);
    expect(result.exit).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^httpwhy: --format haproxy reads none of the 11 lines of nginx\/access\.log; it expects HAProxy lines of option httplog, httpslog or httplog clf/);
    expect(result.err).toContain('The file starts:\n  nginx/access.log:1  127.0.0.1 [21/Nov/2026:21:43:08 +0000] "GET /connection-refused HTTP/1.1" 502');
    expect(result.err).toContain('\nWithout --format, it reads as nginx-custom (11 of its first 11 lines).\n');
    const json = await logs(['nginx/access.log', '--format', 'combined', '--json']);
    expect([json.exit, JSON.parse(json.out).error.code]).toEqual([2, 'HW_ERR_LOGS_FORMAT_MISMATCH']);
  });

  it('keeps exit 2 and its message for a directory and a missing file', async () => {
    const directory = await logs([dir]);
    expect([directory.exit, directory.err]).toEqual([2, `httpwhy: ${dir} is a directory, not a log file.\n`]);
    const missing = await logs(['missing.log']);
    expect([missing.exit, missing.err]).toEqual([2, 'httpwhy: missing.log: no such file.\n']);
  });

  it('still exits 0 for a log that was read, warning about a file mostly skipped', async () => {
    writeFileSync(join(dir, 'some.log'), `${line(200, '/a')}not a log line\nnor this one\n`);
    const result = await logs([join(dir, 'some.log')]);
    expect(result.exit).toBe(0);
    expect(result.out).toContain('Read warnings\n');
    expect(result.out).toContain('some.log: read as combined (detected 1/3), an access log: 2 of 3 lines skipped');
  });
});

