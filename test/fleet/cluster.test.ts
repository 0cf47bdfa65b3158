/**
 * The fleet path on a real distributed ClickHouse: Debian's clickhouse-server 18.16, two shards on loopback started
 * by the suite (and always stopped). Rows from three simulated hosts (two load balancers with access and error
 * logs, one app host) go through the Distributed table, sharded by request id; `httpwhy logs --clickhouse` then
 * reports on them through the official client, and the report equals the streaming one. Also: the rules agree
 * with the JavaScript on this old dialect, credentials never leak, and every failure is a clear exit code.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type GlobalOptions } from '../../src/cli/context.ts';
import { run as runCli } from '../../src/cli/index.ts';
import { runClickHouse } from '../../src/cli/runners/clickhouse.ts';
import { runLogs, type LogsRunOptions } from '../../src/cli/runners/logs.ts';
import { schemaStatements, ServerEngine, type Engine } from '../../src/fleet/index.ts';
import type { LogReport } from '../../src/logs/index.ts';
import { haveServer, LIMITED, REPORTER, skipWithout, startCluster, type Cluster } from '../helpers/clickhouse.ts';
import { memoryIo, type MemoryIo } from '../helpers/memory-io.ts';
import { CAPTURES, comparable, emitRows, generatedFleet, streamingReport, type DataSet } from './fleet-fixtures.ts';
import { EXPRESSION_GRIDS, expressionMismatches, verdictMismatches } from './rule-grid.ts';

const CLUSTER = 'fleet';
const WRONG_PASSWORD = 'not-the-Password-42';
const reporterEnv = { CLICKHOUSE_USER: REPORTER.user, CLICKHOUSE_PASSWORD: REPORTER.password };

function engineOn(url: string, credentials = {}): Engine {
  return new ServerEngine({ url: new URL(url), credentials, timeoutMs: 60_000 });
}

describe.skipIf(skipWithout(haveServer))('fleet on a two-shard ClickHouse 18.16 cluster', { timeout: 120_000 }, () => {
  let cluster: Cluster;
  let url: string;
  const everything: string[] = [];
  const sets: Array<{ set: DataSet; database: string }> = [];
  const generated = generatedFleet(6000);

  /** The CLI in-process, as a user runs it; every output is kept to look for leaked secrets. */
  async function cli(options: LogsRunOptions & GlobalOptions, env: Record<string, string> = reporterEnv): Promise<{ code: number; io: MemoryIo }> {
    const io = { ...memoryIo({ env }), cwd: generated.cwd };
    const { json, lang, ...rest } = options;
    const code = await runLogs([[]], { progress: false, ...rest }, createContext(io, { json, lang })).catch(async (error: unknown) => {
      // As bin/httpwhy.js would: the coded error becomes a message and an exit code.
      const { isHttpwhyError } = await import('../../src/errors.ts');
      if (!isHttpwhyError(error)) throw error;
      io.stderr.write(`httpwhy: ${error.message}\n`);
      return error.exitCode;
    });
    everything.push(io.stdoutText(), io.stderrText());
    return { code, io };
  }

  beforeAll(async () => {
    cluster = await startCluster(CLUSTER, 2);
    url = (cluster.shards[0] as { url: string }).url;
    for (const [i, set] of [generated, ...CAPTURES].entries()) {
      const database = `fleet${i}`;
      for (const shard of cluster.shards) {
        const engine = engineOn(shard.url);
        for (const statement of schemaStatements({ database, cluster: CLUSTER, perNode: true })) await engine.command(statement);
        await engine.close();
      }
      const engine = engineOn(url);
      for (const host of set.hosts) await engine.insertNdjson(`${database}.log_rows_all`, await emitRows(set, host));
      await engine.close();
      sets.push({ set, database });
    }
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    generated.dispose();
  });

  it('spreads the rows over both shards, and keeps each request with its app lines', async () => {
    const { database } = sets[0] as { database: string };
    for (const shard of cluster.shards) {
      const engine = engineOn(shard.url);
      const [counts] = await engine.query(`SELECT countIf(kind = 'request') AS requests, countIf(kind = 'app') AS app FROM ${database}.log_rows`);
      expect(Number(counts?.requests)).toBeGreaterThan(1000);
      expect(Number(counts?.app)).toBeGreaterThan(1000);
      // An app line with an id whose request row is on the other shard would break the shard-local join.
      const [strays] = await engine.query(`SELECT count() AS n FROM ${database}.log_rows WHERE kind = 'app' AND request_id != '' AND request_id NOT IN (SELECT request_id FROM ${database}.log_rows WHERE kind = 'request')`);
      expect(Number(strays?.n)).toBe(0);
      await engine.close();
    }
  });

  it('agrees with the JavaScript rules on every combination of facts, on this old dialect too', async () => {
    const engine = engineOn(url);
    await engine.command('CREATE DATABASE IF NOT EXISTS grid');
    expect(await verdictMismatches(engine, 'grid.verdicts')).toEqual([]);
    for (const { expr, grid } of EXPRESSION_GRIDS) expect(await expressionMismatches(engine, expr, grid)).toEqual([]);
    await engine.close();
  });

  it('reports through the Distributed table what the streaming analyzer reports on the same logs', async () => {
    for (const { set, database } of sets) {
      const { code, io } = await cli({ clickhouse: url, database, json: true });
      expect(io.stderrText()).toBe('');
      expect([0, 1]).toContain(code);
      const fleet = JSON.parse(io.stdoutText()) as LogReport;
      expect({ set: set.name, ...comparable(fleet, set.hosts) }).toEqual({ set: set.name, ...comparable(await streamingReport(set), set.hosts) });
    }
  });

  it('renders the terminal report with each example host:file:line, and --fail-on exits 1', async () => {
    const { code, io } = await cli({ clickhouse: url, database: 'fleet0', failOn: 'proxy-issued>0' });
    expect(code).toBe(1);
    expect(io.stdoutText()).toMatch(/\n {4}lb[12]:lb[12]\/access\.log:\d+ {2}2026-05-01T/);
    expect(io.stderrText()).toMatch(/^--fail-on threshold crossed: proxy-issued>0 \(proxy-issued = \d+\)\n$/);
    const scoped = await cli({ clickhouse: url, database: 'fleet0', json: true, from: '2026-05-01T10:00:10Z', to: '2026-05-01T10:00:20Z' });
    const report = JSON.parse(scoped.io.stdoutText()) as LogReport;
    expect(String(report.timeRange?.from) >= '2026-05-01T10:00:10').toBe(true);
    expect(String(report.timeRange?.to) < '2026-05-01T10:00:20').toBe(true);
  });

  it('on a terminal, shows which query runs and clears the line before the report', async () => {
    const io = { ...memoryIo({ env: reporterEnv, tty: true }), cwd: generated.cwd };
    expect(await runLogs([[]], { clickhouse: url, database: 'fleet1' }, createContext(io, {}))).toBe(0);
    expect(io.stderrText()).toMatch(/^\r\u001b\[2KClickHouse: query 1 \(tables\) {2}0 rows read {2}0\.\d s/);
    expect(io.stderrText()).toContain('(verdicts)');
    expect(io.stderrText().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('takes credentials from a file as well as from the environment', async () => {
    const file = `${generated.cwd}/credentials`;
    writeFileSync(file, `${REPORTER.user}:${REPORTER.password}\n`);
    const { code, io } = await cli({ clickhouse: url, database: 'fleet1', credentialsFile: 'credentials', json: true }, {});
    expect(code).toBe(0);
    expect(JSON.parse(io.stdoutText()).totals.requests).toBe(11);
  });

  it.each([
    ['credentials the server refuses', { clickhouse: '' }, { CLICKHOUSE_USER: REPORTER.user, CLICKHOUSE_PASSWORD: WRONG_PASSWORD }, 2, /refused the credentials/],
    ['credentials in the URL', { clickhouse: `http://${REPORTER.user}:${REPORTER.password}@127.0.0.1:1` }, {}, 2, /CLICKHOUSE_USER and CLICKHOUSE_PASSWORD or with --credentials-file/],
    ['a URL that is no URL', { clickhouse: `${REPORTER.user}:${REPORTER.password}@clickhouse` }, {}, 2, /must be an http or https URL/],
    ['a server that is down', { clickhouse: 'http://127.0.0.1:1' }, reporterEnv, 1, /did not answer \(ECONNREFUSED\)/],
    ['a database without the table', { clickhouse: '', database: 'nothing_here' }, reporterEnv, 2, /No table nothing_here\.log_rows/],
    ['a query the server refuses', { clickhouse: '', database: 'fleet0' }, { CLICKHOUSE_USER: LIMITED.user, CLICKHOUSE_PASSWORD: LIMITED.password }, 1, /refused the query \(code 158\)/],
    ['a server too slow for --timeout', { clickhouse: '', database: 'fleet0', timeout: '0.001' }, reporterEnv, 1, /did not answer within 0\.001 s/],
  ] as const)('%s: the right exit code, a clear message, no report, no secret', async (_name, options, env, exit, message) => {
    const { code, io } = await cli({ ...options, clickhouse: options.clickhouse || url }, env);
    expect(code).toBe(exit);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toMatch(message);
  });

  it('never prints a password, whatever happened', () => {
    const output = everything.join('\n');
    expect(output.length).toBeGreaterThan(1000);
    expect(output).not.toContain(REPORTER.password);
    expect(output).not.toContain(WRONG_PASSWORD);
    expect(output).not.toContain(LIMITED.password);
  });

  it('exits 2 through the real CLI for a URL with credentials, and says nothing of them', async () => {
    const io = memoryIo();
    expect(await runCli(['logs', '--clickhouse', `http://u:${REPORTER.password}@127.0.0.1:1`, '--json'], io)).toBe(2);
    expect(`${io.stdoutText()}${io.stderrText()}`).not.toContain(REPORTER.password);
    expect(JSON.parse(io.stdoutText()).error.code).toBe('HW_ERR_CLICKHOUSE_BAD_URL');
  });

  it('runs the dashboard view of httpwhy clickhouse queries over the Distributed table', async () => {
    const io = memoryIo();
    expect(runClickHouse(['queries'], { database: 'fleet1', cluster: CLUSTER }, createContext(io, {}))).toBe(0);
    const statements = io.stdoutText().split(/;\n/).map((s) => s.trim()).filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
    const engine = engineOn(url);
    await engine.command(statements[0] as string);
    for (const query of statements.slice(1)) await engine.query(query);
    const [row] = await engine.query("SELECT count() AS n, countIf(class = 'proxy') AS proxy FROM fleet1.verdicts");
    await engine.close();
    const streaming = await streamingReport(CAPTURES[0] as DataSet);
    expect([Number(row?.n), Number(row?.proxy)]).toEqual([streaming.totals.verdicts, streaming.classes.proxy]);
  });
});
