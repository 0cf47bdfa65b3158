import { describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../errors.ts';
import { COLUMNS, ROW_FACTS, factColumn } from './rows.ts';
import { parseTtl, schemaScript, schemaStatements, SHARDING_KEY } from './schema.ts';

describe('the ClickHouse DDL', () => {
  it('one MergeTree table partitioned by day, the verdict rows in one range of its order', () => {
    const [database, table, ...rest] = schemaStatements({ database: 'logs' });
    expect(database).toBe('CREATE DATABASE IF NOT EXISTS logs');
    expect(table).toContain('CREATE TABLE IF NOT EXISTS logs.log_rows\n(');
    expect(table).toContain('PARTITION BY toDate(ts)\nORDER BY (kind, verdict, app_error, host, time_ms)');
    expect(table).toContain("verdict UInt8 MATERIALIZED kind = 'request' AND (status >= 500 OR status IN (499, 460, 9, 0))");
    expect(table).not.toContain('TTL');
    expect(rest).toEqual([]);
  });

  it('on a cluster, a Distributed table sharded by request id, ON CLUSTER unless per node', () => {
    const statements = schemaStatements({ database: 'httpwhy', cluster: 'logs', ttlDays: 30 });
    expect(statements[0]).toBe('CREATE DATABASE IF NOT EXISTS httpwhy ON CLUSTER logs');
    expect(statements[1]).toContain('TTL ts + INTERVAL 30 DAY');
    expect(statements[2]).toContain(`ENGINE = Distributed(logs, httpwhy, log_rows, ${SHARDING_KEY})`);
    // The derived columns are ALIAS there: a Distributed insert carries only the emitted columns.
    expect(statements[2]).toContain('  ts DateTime ALIAS toDateTime(intDiv(time_ms, 1000))');
    expect(schemaStatements({ database: 'httpwhy', cluster: 'logs', perNode: true }).join('\n')).not.toContain('ON CLUSTER');
  });

  it('has a column for each emitted field and each verdict fact a row carries, documented in the script', () => {
    const script = schemaScript({ database: 'httpwhy' });
    for (const fact of ROW_FACTS) expect(COLUMNS.map((c) => c.name)).toContain(factColumn(fact));
    for (const c of COLUMNS) expect(script).toContain(`--   ${c.name.padEnd(20)} ${c.doc}`);
  });

  it.each([
    [() => schemaStatements({ database: 'x; DROP TABLE y' }), '--database must be a plain identifier'],
    [() => schemaStatements({ database: 'ok', cluster: 'a-b' }), '--cluster must be a plain identifier'],
    [() => parseTtl('30'), '--ttl must be a number of days such as 30d'],
    [() => parseTtl('0d'), '--ttl must be a number of days such as 30d'],
  ])('refuses what would not be safe or sensible SQL (%#)', (make, message) => {
    let caught: unknown;
    try {
      make();
    } catch (error) {
      caught = error;
    }
    expect(isHttpwhyError(caught) && caught.code).toBe('HW_ERR_CLICKHOUSE_BAD_OPTION');
    expect((caught as Error).message).toContain(message);
  });
});
