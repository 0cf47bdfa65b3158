/**
 * The fleet path on today's ClickHouse, in process (chDB 26): the rule tables compiled to SQL agree with the
 * streaming analyzer's JavaScript on every combination of facts, and a report computed on the rows several hosts
 * emitted equals the streaming report on the same logs (real-proxy captures and a generated fleet with every
 * failure mode). chDB comes from `.cache/chdb` (`npm run setup:system`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.ts';
import { runLogs } from '../../src/cli/runners/logs.ts';
import { runClickHouse } from '../../src/cli/runners/clickhouse.ts';
import { isHttpwhyError } from '../../src/errors.ts';
import { ChdbEngine, fleetReport, schemaStatements, type Engine } from '../../src/fleet/index.ts';
import { haveChdb, loadTestChdb, skipWithout } from '../helpers/clickhouse.ts';
import { memoryIo } from '../helpers/memory-io.ts';
import { CAPTURES, comparable, emitRows, generatedFleet, streamingReport, type DataSet } from './fleet-fixtures.ts';
import { EXPRESSION_GRIDS, expressionMismatches, verdictMismatches } from './rule-grid.ts';

const ALL_TIME = { fromMs: null, toMs: null };

/** A fresh chDB data directory with the schema and the rows every host of `set` emitted. */
async function loaded(set: DataSet, dir: string): Promise<Engine> {
  const engine = new ChdbEngine(await loadTestChdb(), dir);
  for (const statement of schemaStatements({ database: 'httpwhy' })) await engine.command(statement);
  for (const host of set.hosts) await engine.insertNdjson('httpwhy.log_rows', await emitRows(set, host));
  return engine;
}

describe.skipIf(skipWithout(haveChdb))('fleet on chDB (ClickHouse 26, in process)', () => {
  const root = mkdtempSync(join(tmpdir(), 'httpwhy-chdb-'));
  let n = 0;
  const dataDir = (): string => join(root, `db${++n}`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('the rules compiled to SQL agree with the JavaScript the streaming analyzer runs', () => {
    let engine: ChdbEngine;
    beforeAll(async () => {
      engine = new ChdbEngine(await loadTestChdb(), dataDir());
      await engine.command('CREATE DATABASE IF NOT EXISTS grid');
    });
    afterAll(() => engine.close());

    it('the verdict table, on every combination of representative facts', async () => {
      expect(await verdictMismatches(engine, 'grid.verdicts')).toEqual([]);
    });

    it.each(EXPRESSION_GRIDS)('$name', async ({ expr, grid }) => {
      expect(await expressionMismatches(engine, expr, grid)).toEqual([]);
    });

    it('sees a drift: the same grid with one fact bound wrongly disagrees', async () => {
      const mismatches = await verdictMismatches(engine, 'grid.planted', { coverage: "'covered'" });
      expect(mismatches.length).toBeGreaterThan(0);
    });
  });

  describe('the ClickHouse report equals the streaming report', () => {
    it.each(CAPTURES)('$name', async (set) => {
      const engine = await loaded(set, dataDir());
      try {
        const fleet = await fleetReport(engine, { database: 'httpwhy', scope: ALL_TIME, windowMs: 2000, top: 5 });
        expect(comparable(fleet, set.hosts)).toEqual(comparable(await streamingReport(set), set.hosts));
      } finally {
        await engine.close();
      }
    });

    it('a generated fleet with every failure mode, joined by request id and by time window', { timeout: 120_000 }, async () => {
      const set = generatedFleet(20_000);
      const engine = await loaded(set, dataDir());
      try {
        const streaming = await streamingReport(set);
        // The set exercises what it is for: every class, both joins, unknowns, hidden failures, unclaimed events.
        expect(streaming.classes.unknown).toBeGreaterThan(0);
        expect(streaming.correlation.byTimeWindow).toBeGreaterThan(0);
        expect(streaming.hidden.truncated.count).toBeGreaterThan(0);
        expect(streaming.causes.length).toBeGreaterThanOrEqual(10);
        const fleet = await fleetReport(engine, { database: 'httpwhy', scope: ALL_TIME, windowMs: 2000, top: 5 });
        expect(comparable(fleet, set.hosts)).toEqual(comparable(streaming, set.hosts));
      } finally {
        await engine.close();
        set.dispose();
      }
    });
  });

  it('httpwhy logs --clickhouse DIR --engine chdb renders the report, and --fail-on reads it', async () => {
    const set = CAPTURES[0] as DataSet;
    const dir = dataDir();
    await (await loaded(set, dir)).close();
    const io = { ...memoryIo(), cwd: root };
    const code = await runLogs([[]], { clickhouse: dir, engine: 'chdb', loadChdb: loadTestChdb, failOn: 'proxy-issued>0', progress: false }, createContext(io, {}));
    expect(code).toBe(1);
    expect(io.stdoutText()).toContain('lb:nginx/access.log:');
    expect(io.stderrText()).toContain('proxy-issued>0');
  });

  it('--engine chdb without chDB installed is a clear error (exit 2)', async () => {
    const error = await runLogs([[]], { clickhouse: dataDir(), engine: 'chdb', progress: false }, createContext(memoryIo(), {})).catch((e: unknown) => e);
    expect(isHttpwhyError(error) && error.code).toBe('HW_ERR_CLICKHOUSE_ENGINE_MISSING');
    expect(isHttpwhyError(error) && error.exitCode).toBe(2);
  });

  it('the dashboard view of httpwhy clickhouse queries runs, and counts what the report counts', async () => {
    const set = CAPTURES[0] as DataSet;
    const engine = await loaded(set, dataDir());
    try {
      const io = memoryIo();
      expect(runClickHouse(['queries'], {}, createContext(io, {}))).toBe(0);
      const statements = io.stdoutText().split(/;\n/).map((s) => s.trim()).filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
      await engine.command(statements[0] as string);
      for (const query of statements.slice(1)) await engine.query(query);
      const byCause = await engine.query('SELECT cause, class, count() AS n FROM httpwhy.verdicts GROUP BY cause, class ORDER BY cause');
      const report = await fleetReport(engine, { database: 'httpwhy', scope: ALL_TIME, windowMs: 2000, top: 5 });
      expect(byCause.map((r) => [r.cause, r.class, Number(r.n)])).toEqual(report.causes.map((c) => [c.cause, c.class, c.count]).toSorted((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
    } finally {
      await engine.close();
    }
  });
});
