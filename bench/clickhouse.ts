/**
 * Benchmark: the fleet path (issue #14) on this machine, beside the streaming analyzer on the same logs.
 *
 *   node bench/clickhouse.ts                  about 10M rows
 *   node bench/clickhouse.ts --rows 1000000   any size
 *   node bench/clickhouse.ts --scale 10       then copy the rows 9 more times inside ClickHouse (other hosts, ids
 *                                             and later times: 100M rows from 10M without 30 GB of logs) and report again
 *   node bench/clickhouse.ts --engine server  only ClickHouse 18.16 (or chdb: only chDB 26)
 *
 * Steps: generate a fleet's logs (test/logs/generate-fleet-logs.ts: two load balancers, one app host, every failure
 * mode) sized to give about --rows rows; the streaming analyzer on all of them (`httpwhy logs … --json`); each
 * host's `httpwhy logs … --emit ndjson` into one file (rows/s emitted); then per engine: ingest that file
 * (clickhouse-client `INSERT … FORMAT JSONEachRow` into a ClickHouse 18.16 server started here and always stopped;
 * `INSERT … FROM INFILE` in chDB), the bytes per row stored (compressed, from system.parts, after merging), and the
 * report (what `httpwhy logs --clickhouse` runs, in this process, with its slowest queries). Every report's per-cause counts are
 * checked against the streaming analyzer's. Needs dist/ (npm run build), clickhouse-server and .cache/chdb
 * (npm run setup:system). Results also go to .bench-tmp/clickhouse/results.json.
 */
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ChdbEngine, fleetReport, ServerEngine, type Engine } from '../src/fleet/index.ts';
import { COLUMNS } from '../src/fleet/rows.ts';
import { schemaStatements } from '../src/fleet/schema.ts';
import type { LogReport } from '../src/logs/index.ts';
import { CHDB_ENTRY, haveChdb, haveServer, loadTestChdb, startCluster } from '../test/helpers/clickhouse.ts';
import { generateFleetLogs } from '../test/logs/generate-fleet-logs.ts';
import { measure, type Measured } from './lib/measure.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'httpwhy.js');
const CLIENT = '/usr/bin/clickhouse-client';
/** Rows per generated request: the request, ~0.8 app lines (85% of the time), ~0.05 error-log events. */
const ROWS_PER_REQUEST = 1.8;

const { values } = parseArgs({ options: { rows: { type: 'string' }, scale: { type: 'string' }, engine: { type: 'string' } } });
const wanted = Number(values.rows ?? 10_000_000);
const scale = Number(values.scale ?? 1);
const engines = values.engine === undefined ? ['server', 'chdb'] : [values.engine];
const dir = join(ROOT, '.bench-tmp', 'clickhouse');
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

const n = (v: number): string => Math.round(v).toLocaleString('en-US');
const causeCounts = (r: LogReport): string => JSON.stringify(r.causes.map((c) => [c.cause, c.count]).toSorted());
const countsByCause = (r: LogReport): Map<string, number> => new Map(r.causes.map((c) => [c.cause, c.count]));

/** Whether the per-cause counts agree with the streaming analyzer's, and if not, where and why they may not. */
function compared(fleet: LogReport, streaming: LogReport): { same: boolean; note: string } {
  if (causeCounts(fleet) === causeCounts(streaming)) return { same: true, note: "per-cause counts equal the streaming analyzer's" };
  const a = countsByCause(streaming);
  const b = countsByCause(fleet);
  const diff = [...new Set([...a.keys(), ...b.keys()])].filter((c) => a.get(c) !== b.get(c)).map((c) => `${c} ${a.get(c) ?? 0}→${b.get(c) ?? 0}`);
  const bounds = `streaming dropped ${n(streaming.errorLog.dropped)} error-log events and left ${n(streaming.correlation.overflow)} entries unjoined (its memory bounds)`;
  return { same: false, note: `per-cause counts differ from the streaming analyzer's (streaming→ClickHouse: ${diff.join(', ')}); ${bounds}` };
}

/** What this benchmark started, stopped however the run ends. */
const cleanups: Array<() => Promise<void>> = [];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all(cleanups.map((c) => c())).finally(() => process.exit(130));
  });
}

function line(label: string, m: Measured, rows: number, unit = 'rows'): void {
  console.log(`${label.padEnd(34)} wall ${m.seconds.toFixed(1).padStart(7)} s  cpu ${m.cpuSeconds.toFixed(1).padStart(7)} s  ${n(rows / m.seconds).padStart(11)} ${unit}/s  peak RSS ${(m.peakRssKb / 1024).toFixed(0).padStart(5)} MB`);
}

function ok(m: Measured): Measured {
  if (!m.ok) throw new Error(`${m.name} failed`);
  return m;
}

async function main(): Promise<void> {
  if (!existsSync(BIN) || !existsSync(join(ROOT, 'dist'))) throw new Error('needs dist/: npm run build');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const requests = Math.round(wanted / ROWS_PER_REQUEST);
  let started = Date.now();
  const logs = generateFleetLogs(join(dir, 'logs'), requests);
  const logBytes = [...logs.lbFiles.lb1, ...logs.lbFiles.lb2, logs.appFile].reduce((sum, f) => sum + statSync(join(logs.dir, f)).size, 0);
  console.log(`generated ${n(requests)} requests, ${(logBytes / 1e9).toFixed(2)} GB of logs in ${((Date.now() - started) / 1000).toFixed(0)} s; node ${process.version}`);

  const proxyFiles = [...logs.lbFiles.lb1, ...logs.lbFiles.lb2].map((f) => join(logs.dir, f));
  const streaming = ok(await measure('streaming', process.execPath, [BIN, 'logs', ...proxyFiles, '--app', join(logs.dir, logs.appFile), '--json', '--no-progress']));
  const lines = (JSON.parse(streaming.stdout) as LogReport).totals.lines;
  const streamingReport = JSON.parse(streaming.stdout) as LogReport;
  line('streaming analyzer (httpwhy logs)', streaming, lines, 'lines');
  results.streaming = { lines, seconds: streaming.seconds, cpuSeconds: streaming.cpuSeconds, peakRssKb: streaming.peakRssKb };

  const rowsFile = join(dir, 'rows.ndjson');
  const emitted: Measured[] = [];
  for (const [host, files] of [['lb1', logs.lbFiles.lb1], ['lb2', logs.lbFiles.lb2], ['app', [logs.appFile]]] as const) {
    emitted.push(ok(await measure(`emit-${host}`, process.execPath, [BIN, 'logs', ...files.map((f) => join(logs.dir, f)), '--emit', 'ndjson', '--host', host, '--no-progress'], { stdout: { file: rowsFile, append: true } })));
  }
  const rows = await countLines(rowsFile);
  const emit: Measured = { name: 'emit', seconds: emitted.reduce((s, m) => s + m.seconds, 0), cpuSeconds: emitted.reduce((s, m) => s + m.cpuSeconds, 0), peakRssKb: Math.max(...emitted.map((m) => m.peakRssKb)), stdout: '', ok: true };
  line('--emit ndjson (3 hosts, one by one)', emit, rows);
  console.log(`  ${n(rows)} rows, ${(statSync(rowsFile).size / rows).toFixed(0)} bytes of NDJSON per row`);
  results.emit = { rows, seconds: emit.seconds, cpuSeconds: emit.cpuSeconds, ndjsonBytesPerRow: statSync(rowsFile).size / rows };

  for (const engine of engines) {
    started = Date.now();
    if (engine === 'server') results.server = await onServer(rowsFile, rows, streamingReport);
    else results.chdb = await onChdb(rowsFile, rows, streamingReport);
    console.log(`  (${engine}: ${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  }
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  rmSync(join(dir, 'logs'), { recursive: true, force: true });
  rmSync(rowsFile, { force: true });
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) count++;
  return count;
}

/** The report as `httpwhy logs --clickhouse` computes it (same code, in this process), with the time of each query. */
async function timedReport(engine: Engine): Promise<{ seconds: number; report: LogReport; slowest: string }> {
  const starts: Array<{ label: string; step: number; at: number }> = [];
  const started = Date.now();
  const report = await fleetReport(engine, {
    database: 'httpwhy',
    scope: { fromMs: null, toMs: null },
    windowMs: 2000,
    top: 5,
    onProgress: (p) => {
      if (starts.at(-1)?.step !== p.step) starts.push({ label: p.label, step: p.step, at: Date.now() });
    },
  });
  const ended = Date.now();
  const slowest = starts
    .map((s, i) => ({ label: s.label, ms: (starts[i + 1]?.at ?? ended) - s.at }))
    .toSorted((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((q) => `${q.label} ${(q.ms / 1000).toFixed(1)} s`)
    .join(', ');
  return { seconds: (ended - started) / 1000, report, slowest };
}

/** The rows copied `scale - 1` more times: other hosts, ids and later times, so the copies are a bigger fleet over a longer time. */
function copyStatements(database: string, copies: number, spanMs: number): string[] {
  const shifted: Record<string, (k: number) => string> = {
    host: (k) => `concat(host, '-${k}')`,
    request_id: (k) => `if(request_id = '', '', concat(request_id, '-${k}'))`,
    time_ms: (k) => `if(time_ms = 0, 0, time_ms + ${k * spanMs})`,
  };
  const columns = COLUMNS.map((c) => c.name);
  return Array.from({ length: copies }, (_, i) => `INSERT INTO ${database}.log_rows (${columns.join(', ')}) SELECT ${columns.map((c) => shifted[c]?.(i + 1) ?? c).join(', ')} FROM ${database}.log_rows WHERE host IN ('lb1', 'lb2', 'app')`);
}

async function storedBytes(query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<{ rows: number; bytes: number; uncompressed: number }> {
  const [r] = await query("SELECT sum(rows) AS rows, sum(data_compressed_bytes) AS bytes, sum(data_uncompressed_bytes) AS raw FROM system.parts WHERE active AND database = 'httpwhy' AND table = 'log_rows'");
  return { rows: Number(r?.rows), bytes: Number(r?.bytes), uncompressed: Number(r?.raw) };
}

/** The report on an engine at this many rows, timed and printed as one line. */
async function reportLine(engine: Engine, rowsNow: number): Promise<{ seconds: number; report: LogReport }> {
  const r = await timedReport(engine);
  console.log(`  report at ${n(rowsNow)} rows`.padEnd(35) + `wall ${r.seconds.toFixed(1).padStart(7)} s  ${n(rowsNow / r.seconds).padStart(11)} rows/s  (slowest: ${r.slowest})`);
  return r;
}

async function onServer(rowsFile: string, rows: number, streaming: LogReport): Promise<Record<string, unknown>> {
  if (!haveServer || !existsSync(CLIENT)) {
    console.log('ClickHouse server: not installed (npm run setup:system), skipped');
    return { skipped: true };
  }
  const cluster = await startCluster('bench', 1);
  cleanups.push(() => cluster.stop());
  try {
    const shard = cluster.shards[0] as { url: string; tcpPort: number };
    const query = async (sql: string): Promise<Array<Record<string, unknown>>> => {
      const res = await fetch(`${shard.url}/?default_format=JSONEachRow`, { method: 'POST', body: sql });
      const text = await res.text();
      if (!res.ok) throw new Error(text);
      return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    for (const statement of schemaStatements({ database: 'httpwhy' })) await query(statement);
    const version = (await query('SELECT version() AS v'))[0]?.v;
    const ingest = ok(await measure('server-ingest', CLIENT, ['--port', String(shard.tcpPort), '--query', 'INSERT INTO httpwhy.log_rows FORMAT JSONEachRow'], { stdinFile: rowsFile, stderr: 'inherit' }));
    console.log(`ClickHouse ${version} server (one process, started here):`);
    line('  ingest (clickhouse-client)', ingest, rows);
    await query('OPTIMIZE TABLE httpwhy.log_rows FINAL');
    const stored = await storedBytes(query);
    console.log(`  stored ${n(stored.rows)} rows: ${(stored.bytes / stored.rows).toFixed(1)} bytes per row compressed (${(stored.uncompressed / stored.rows).toFixed(0)} uncompressed)`);
    const engine = new ServerEngine({ url: new URL(shard.url), credentials: {}, timeoutMs: 3_600_000 });
    const report = (rowsNow: number) => reportLine(engine, rowsNow);
    const first = await report(stored.rows);
    const check = compared(first.report, streaming);
    console.log(`  ${check.note}`);
    const out: Record<string, unknown> = { version, ingest: { rows, seconds: ingest.seconds }, stored, report: { rows: stored.rows, seconds: first.seconds, ...check } };
    if (scale > 1) {
      const span = (streaming.timeline?.total.length ?? 1) * (streaming.timeline?.bucketSeconds ?? 1) * 1000 + 60_000;
      const copying = Date.now();
      for (const statement of copyStatements('httpwhy', scale - 1, span)) await query(statement);
      console.log(`  copied to ${scale}x in ${((Date.now() - copying) / 1000).toFixed(0)} s`);
      await query('OPTIMIZE TABLE httpwhy.log_rows FINAL');
      const big = await storedBytes(query);
      console.log(`  stored ${n(big.rows)} rows: ${(big.bytes / big.rows).toFixed(1)} bytes per row compressed`);
      const scaled = await report(big.rows);
      out.scaled = { stored: big, report: { rows: big.rows, seconds: scaled.seconds } };
    }
    await engine.close();
    return out;
  } finally {
    await cluster.stop();
  }
}

async function onChdb(rowsFile: string, rows: number, streaming: LogReport): Promise<Record<string, unknown>> {
  if (!haveChdb) {
    console.log(`chDB: not in ${CHDB_ENTRY} (npm run setup:system), skipped`);
    return { skipped: true };
  }
  const data = join(dir, 'chdb');
  const engine = new ChdbEngine(await loadTestChdb(), data);
  cleanups.push(() => engine.close());
  try {
    for (const statement of schemaStatements({ database: 'httpwhy' })) await engine.command(statement);
    const version = await engine.version();
    let started = process.hrtime.bigint();
    await engine.command(`INSERT INTO httpwhy.log_rows FROM INFILE '${rowsFile}' FORMAT JSONEachRow`);
    const ingestSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`chDB ${version} (in this process):`);
    console.log(`  ingest (INSERT FROM INFILE)         wall ${ingestSeconds.toFixed(1).padStart(7)} s  ${n(rows / ingestSeconds).padStart(11)} rows/s`);
    await engine.command('OPTIMIZE TABLE httpwhy.log_rows FINAL');
    const stored = await storedBytes((sql) => engine.query(sql));
    console.log(`  stored ${n(stored.rows)} rows: ${(stored.bytes / stored.rows).toFixed(1)} bytes per row compressed (${(stored.uncompressed / stored.rows).toFixed(0)} uncompressed)`);
    const report = (rowsNow: number) => reportLine(engine, rowsNow);
    const first = await report(stored.rows);
    const check = compared(first.report, streaming);
    console.log(`  ${check.note}`);
    const out: Record<string, unknown> = { version, ingest: { rows, seconds: ingestSeconds }, stored, report: { rows: stored.rows, seconds: first.seconds, ...check } };
    if (scale > 1) {
      const span = (streaming.timeline?.total.length ?? 1) * (streaming.timeline?.bucketSeconds ?? 1) * 1000 + 60_000;
      try {
        for (const statement of copyStatements('httpwhy', scale - 1, span)) await engine.command(statement);
      } catch (error) {
        // In process, chDB shares this machine's memory with everything else: say so, and keep the results so far.
        console.log(`  copying to ${scale}x failed: ${(error as Error).message.slice(0, 200)}`);
        out.scaled = { failed: (error as Error).message };
        return out;
      }
      const big = await storedBytes((sql) => engine.query(sql));
      const scaled = await report(big.rows);
      out.scaled = { stored: big, report: { rows: big.rows, seconds: scaled.seconds } };
    }
    return out;
  } finally {
    await engine.close();
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
