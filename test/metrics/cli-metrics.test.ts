/** The CLI's metrics surface in-process: `httpwhy metrics rules|dashboard`, and `logs -f` with --metrics-file and --maintenance-file. */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createContext } from '../../src/cli/context.ts';
import { run } from '../../src/cli/index.ts';
import { runLogs } from '../../src/cli/runners/logs.ts';
import { memoryIo } from '../helpers/memory-io.ts';

const FIXTURES = new URL('../fixtures/logs/', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function cli(args: string[]): Promise<{ exit: number; out: string; err: string }> {
  const io = { ...memoryIo(), cwd: FIXTURES };
  const exit = await run(args, io);
  return { exit, out: io.stdoutText(), err: io.stderrText() };
}

describe('httpwhy metrics', () => {
  it('rules: a Prometheus rule file in YAML, or the same groups as JSON', async () => {
    const yaml = await cli(['metrics', 'rules']);
    const json = await cli(['metrics', 'rules', '--json']);
    expect([yaml.exit, json.exit]).toEqual([0, 0]);
    expect(parse(yaml.out)).toEqual(JSON.parse(json.out));
    expect((JSON.parse(json.out) as { groups: Array<{ name: string }> }).groups.map((g) => g.name)).toEqual(['httpwhy-recording', 'httpwhy-alerts']);
  });

  it('dashboard: Grafana JSON with a data-source variable', async () => {
    const { exit, out } = await cli(['metrics', 'dashboard']);
    expect(exit).toBe(0);
    const dashboard = JSON.parse(out) as { uid: string; templating: { list: Array<{ name: string; type: string }> }; panels: Array<{ title: string }> };
    expect(dashboard.uid).toBe('httpwhy-logs');
    expect(dashboard.templating.list.map((v) => [v.name, v.type])).toEqual([
      ['datasource', 'datasource'],
      ['job', 'query'],
    ]);
    expect(dashboard.panels.map((p) => p.title)).toContain('5xx by who issued them');
  });

  it.each([
    [['metrics'], "missing required argument 'artifact'"],
    [['metrics', 'alerts'], "'alerts' is invalid for argument 'artifact'. Allowed choices are rules, dashboard."],
    [['logs', 'nginx/access.log', '--metrics', '9464'], '--metrics, --metrics-file and --maintenance-file need -f (follow mode).'],
    [['logs', 'nginx/access.log', '-f', '--maintenance-file', 'm'], '--maintenance-file needs --metrics or --metrics-file.'],
    [['logs', 'nginx/access.log', '-f', '--metrics', 'localhost'], '--metrics takes [HOST:]PORT (e.g. 9464 or 0.0.0.0:9464), got "localhost".'],
  ])('%j is bad input (exit 2)', async (args, message) => {
    const { exit, out, err } = await cli(args);
    expect([exit, out]).toEqual([2, '']);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('logs -f --metrics-file --maintenance-file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-cli-metrics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the textfile current, declares maintenance while the file exists, and writes a last time on stop', async () => {
    const [first, ...rest] = readFileSync(join(FIXTURES, 'haproxy/access.log'), 'utf8').split('\n').filter(Boolean);
    const log = join(dir, 'access.log');
    writeFileSync(log, `${first}\n`);
    const prom = join(dir, 'httpwhy.prom');
    const maintenance = join(dir, 'maintenance');
    const controller = new AbortController();
    const io = { ...memoryIo(), cwd: dir };
    const options = { follow: true, progress: false, metricsFile: 'httpwhy.prom', maintenanceFile: 'maintenance', intervalMs: 50, signal: controller.signal };
    const done = runLogs([['access.log']], options, createContext(io, { json: true }));
    const textfile = () => (existsSync(prom) ? readFileSync(prom, 'utf8') : '');
    const until = async (ok: () => boolean) => {
      for (let waited = 0; !ok() && waited < 10_000; waited += 25) await sleep(25);
    };
    await until(() => textfile().includes('httpwhy_requests_total{code="503"} 1'));
    expect(textfile()).toContain('httpwhy_failures_total{issuer="proxy",cause="refused",code="503"} 1\n');
    expect(textfile()).toContain('httpwhy_maintenance 0\n');
    appendFileSync(log, rest.map((l) => `${l}\n`).join(''));
    writeFileSync(maintenance, '');
    // A followed entry waits up to 2 s for an error line its proxy may append to another file before its verdict counts.
    const appError = 'httpwhy_failures_total{issuer="app",cause="app-error",code="500"} 1\n';
    await until(() => textfile().includes('httpwhy_maintenance 1') && textfile().includes(`httpwhy_log_lines_total{file="access.log"} ${rest.length + 1}`) && textfile().includes(appError));
    expect(textfile()).toContain('httpwhy_maintenance 1\n');
    expect(textfile()).toContain(appError);
    rmSync(maintenance);
    controller.abort();
    expect(await done).toBe(0);
    // The last write, on stop: maintenance is over.
    expect(textfile()).toContain('httpwhy_maintenance 0\n');
    expect(io.stderrText()).toBe('');
  });
});
