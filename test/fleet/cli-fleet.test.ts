/** The fleet commands in-process, as the CLI wires them: rows out (`--emit ndjson`, `-f` too), the DDL, and their flags. */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.ts';
import { run as runCli } from '../../src/cli/index.ts';
import { runLogs, type LogsRunOptions } from '../../src/cli/runners/logs.ts';
import { isHttpwhyError } from '../../src/errors.ts';
import { memoryIo } from '../helpers/memory-io.ts';

const FIXTURES = new URL('../fixtures/logs/', import.meta.url).pathname;
const line = (status: number, path: string) => `10.0.0.1 - - [01/May/2026:10:00:00 +0000] "GET ${path} HTTP/1.1" ${status} 5 "-" "curl/8.0"\n`;

function io() {
  return { ...memoryIo(), cwd: FIXTURES };
}

describe('httpwhy logs --emit ndjson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-cli-fleet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON row per line that carries something, and nothing else on stdout', async () => {
    const run = io();
    expect(await runCli(['logs', 'haproxy/access.log', '--app', 'haproxy/app.log', '--emit', 'ndjson', '--host', 'edge-1'], run)).toBe(0);
    const rows = run
      .stdoutText()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; host: string; file: string });
    expect(rows.filter((r) => r.kind === 'request')).toHaveLength(11);
    expect(rows.filter((r) => r.kind === 'app')).toHaveLength(4);
    expect(new Set(rows.map((r) => r.host))).toEqual(new Set(['edge-1']));
    expect(run.stderrText()).toBe('');
  });

  it('with -f, keeps writing rows as the file grows', async () => {
    const file = join(dir, 'live.log');
    writeFileSync(file, line(200, '/a'));
    const controller = new AbortController();
    const run = { ...memoryIo(), cwd: dir };
    const requests = (): number => run.stdoutText().split('\n').filter((l) => l.includes('"kind":"request"')).length;
    const until = async (n: number): Promise<void> => {
      for (let waited = 0; requests() < n && waited < 10_000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    const done = runLogs([[file]], { emit: 'ndjson', follow: true, intervalMs: 50, signal: controller.signal, progress: false }, createContext(run, {}));
    await until(1);
    appendFileSync(file, line(502, '/b') + line(504, '/c'));
    await until(3);
    controller.abort();
    expect(await done).toBe(0);
    expect(run.stdoutText()).toContain('"status":504');
    expect(requests()).toBe(3);
  });
});

describe('the fleet flags of httpwhy logs', () => {
  it.each<[string, string[], LogsRunOptions & { json?: boolean }, string]>([
    ['--emit with --json', ['nginx/access.log'], { emit: 'ndjson', json: true }, '--json makes no sense with --emit'],
    ['--emit with --html', ['nginx/access.log'], { emit: 'ndjson', html: 'x.html' }, '--html makes no sense with --emit'],
    ['--emit with --since', ['nginx/access.log'], { emit: 'ndjson', since: '1h' }, '--since goes with --clickhouse, not --emit'],
    ['--since alone', ['nginx/access.log'], { since: '1h' }, '--since goes with --clickhouse'],
    ['--host without --emit', ['nginx/access.log'], { host: 'x' }, '--host goes with --emit ndjson'],
    ['--clickhouse with files', ['nginx/access.log'], { clickhouse: 'http://127.0.0.1:1' }, 'give no log files'],
    ['--clickhouse with --emit', [], { clickhouse: 'http://127.0.0.1:1', emit: 'ndjson' }, '--emit reads log files, not ClickHouse'],
    ['--clickhouse with -f', [], { clickhouse: 'http://127.0.0.1:1', follow: true }, '--follow reads log files, not ClickHouse'],
    ['--clickhouse with --metrics', [], { clickhouse: 'http://127.0.0.1:1', metrics: '9464' }, '--metrics reads log files, not ClickHouse'],
    ['--emit with --metrics-file', ['nginx/access.log'], { emit: 'ndjson', follow: true, metricsFile: 'x.prom' }, '--metrics-file makes no sense with --emit'],
    ['--since with --from', [], { clickhouse: 'http://127.0.0.1:1', since: '1h', from: '2026-05-01T00:00:00Z' }, '--since counts back from now'],
    ['a bad --since', [], { clickhouse: 'http://127.0.0.1:1', since: '1 hour' }, '--since must be a duration such as 90s, 15m, 1h or 7d'],
    ['a bad --from', [], { clickhouse: 'http://127.0.0.1:1', from: 'yesterday' }, '--from must be an ISO 8601 time'],
    ['--from after --to', [], { clickhouse: 'http://127.0.0.1:1', from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' }, '--from must come before --to'],
    ['a bad --database', [], { clickhouse: 'http://127.0.0.1:1', database: 'a.b' }, '--database must be a plain identifier'],
    ['a bad --timeout', [], { clickhouse: 'http://127.0.0.1:1', timeout: '0' }, '--timeout must be a positive number'],
    ['credentials file with chdb', [], { clickhouse: '/tmp/x', engine: 'chdb', credentialsFile: 'c' }, '--credentials-file goes with a server'],
  ])('%s is bad input (exit 2), before any connection', async (_name, files, { json, ...options }, message) => {
    const error = await runLogs([files], { progress: false, ...options }, createContext(io(), { json })).catch((e: unknown) => e);
    expect(isHttpwhyError(error) && error.exitCode).toBe(2);
    expect((error as Error).message).toContain(message);
  });

  it('no file and no --clickhouse: exit 2, say what to give', async () => {
    const run = io();
    expect(await runCli(['logs'], run)).toBe(2);
    expect(run.stderrText()).toBe('httpwhy: Give at least one log file (or - for stdin).\n');
  });

  it('--help names the three steps of the fleet path', async () => {
    const run = io();
    expect(await runCli(['logs', '--help'], run)).toBe(0);
    expect(run.stdoutText()).toContain('--emit <format>');
    expect(run.stdoutText()).toContain('--clickhouse <url>');
    expect(run.stdoutText()).toContain('httpwhy clickhouse schema');
  });
});

describe('httpwhy clickhouse', () => {
  it('schema prints the DDL, as a script or as --json statements', async () => {
    const text = io();
    expect(await runCli(['clickhouse', 'schema', '--cluster', 'logs', '--ttl', '14d'], text)).toBe(0);
    expect(text.stdoutText()).toContain('CREATE TABLE IF NOT EXISTS httpwhy.log_rows_all ON CLUSTER logs');
    expect(text.stdoutText()).toContain('TTL ts + INTERVAL 14 DAY');
    const json = io();
    expect(await runCli(['clickhouse', 'schema', '--database', 'edge', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdoutText()).statements).toHaveLength(2);
  });

  it('queries prints a view and dashboard queries over it', async () => {
    const run = io();
    expect(await runCli(['clickhouse', 'queries'], run)).toBe(0);
    expect(run.stdoutText()).toContain('CREATE VIEW IF NOT EXISTS httpwhy.verdicts AS');
    expect(run.stdoutText()).toContain('FROM httpwhy.verdicts WHERE time >= now() - INTERVAL 1 HOUR');
  });

  it.each([
    [['clickhouse', 'schema', '--per-node'], '--per-node goes with --cluster'],
    [['clickhouse', 'queries', '--ttl', '30d'], '--ttl and --per-node go with schema'],
    [['clickhouse', 'schema', '--ttl', 'a month'], '--ttl must be a number of days'],
    [['clickhouse', 'tables'], "command-argument value 'tables' is invalid"],
  ])('%j is bad input (exit 2)', async (args, message) => {
    const run = io();
    expect(await runCli(args, run)).toBe(2);
    expect(run.stderrText()).toContain(message);
    expect(run.stdoutText()).toBe('');
  });
});
