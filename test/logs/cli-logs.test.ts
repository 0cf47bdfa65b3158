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
