/**
 * `httpwhy clickhouse schema`: the DDL for the rows (rows.ts). One MergeTree table partitioned by day, ordered so a
 * report reads the request rows that get a verdict, and the app error lines, as ranges; on a cluster, a Distributed table over it sharded
 * by the request id, so a request's proxy and app rows land on the same shard and the join between them stays local.
 */
import { HttpwhyError } from '../errors.ts';
import { PATH_QUERY_START } from '../logs/index.ts';
import { COLUMNS, verdictSql } from './rows.ts';
import { sqlLiteral } from './rule-sql.ts';

export const LOCAL_TABLE = 'log_rows';
export const DISTRIBUTED_TABLE = 'log_rows_all';
export const DEFAULT_DATABASE = 'httpwhy';

export interface SchemaOptions {
  database: string;
  /** A cluster from the servers' `remote_servers`: adds the Distributed table. */
  cluster?: string;
  /** Without `ON CLUSTER`, to run on every node (clusters without ZooKeeper or Keeper for distributed DDL). */
  perNode?: boolean;
  /** Days to keep; `TTL` needs ClickHouse 19.6 or later (older servers: drop partitions). */
  ttlDays?: number;
}

/** Rows without an id go to a random shard; with one, every row of that request to the same shard. */
export const SHARDING_KEY = "if(request_id = '', rand(), cityHash64(request_id))";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Database and cluster names go into SQL unquoted: only plain identifiers. */
export function checkIdentifier(value: string, flag: string): string {
  if (!IDENTIFIER.test(value)) throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', `${flag} must be a plain identifier (letters, digits, _), got "${value}".`);
  return value;
}

/** `30d` → 30. */
export function parseTtl(value: string): number {
  const m = /^(\d+)d$/.exec(value);
  const days = m ? Number(m[1]) : Number.NaN;
  if (!(days >= 1)) throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', `--ttl must be a number of days such as 30d, got "${value}".`);
  return days;
}

/** The statements, in order. */
export function schemaStatements(options: SchemaOptions): string[] {
  const db = checkIdentifier(options.database, '--database');
  const cluster = options.cluster === undefined ? undefined : checkIdentifier(options.cluster, '--cluster');
  const on = cluster && !options.perNode ? ` ON CLUSTER ${cluster}` : '';
  // Computed by each table from the emitted columns. The Distributed table declares them as ALIAS: queries reach the
  // shards as written, where they read the stored columns; inserts carry only the emitted ones (ClickHouse 18
  // refuses a Distributed insert that would carry MATERIALIZED columns).
  const derived = [
    { name: 'ts', type: 'DateTime', expr: 'toDateTime(intDiv(time_ms, 1000))' },
    { name: 'verdict', type: 'UInt8', expr: `kind = 'request' AND ${verdictSql()}` },
    // The path as the app join compares it, before its query (the analyzer's own PATH_QUERY_START).
    { name: 'path_key', type: 'String', expr: `replaceRegexpOne(path, ${sqlLiteral(`(?s)${PATH_QUERY_START.source}.*`)}, '')` },
  ];
  const columns = (how: 'MATERIALIZED' | 'ALIAS'): string => [...COLUMNS.map((c) => `  ${c.name} ${c.type}`), ...derived.map((d) => `  ${d.name} ${d.type} ${how} ${d.expr}`)].join(',\n');
  const ttl = options.ttlDays === undefined ? '' : `\nTTL ts + INTERVAL ${options.ttlDays} DAY`;
  const statements = [
    `CREATE DATABASE IF NOT EXISTS ${db}${on}`,
    `CREATE TABLE IF NOT EXISTS ${db}.${LOCAL_TABLE}${on}\n(\n${columns('MATERIALIZED')}\n)\nENGINE = MergeTree\nPARTITION BY toDate(ts)\nORDER BY (kind, verdict, app_error, host, time_ms)${ttl}`,
  ];
  if (cluster) {
    statements.push(`CREATE TABLE IF NOT EXISTS ${db}.${DISTRIBUTED_TABLE}${on}\n(\n${columns('ALIAS')}\n)\nENGINE = Distributed(${cluster}, ${db}, ${LOCAL_TABLE}, ${SHARDING_KEY})`);
  }
  return statements;
}

/** The DDL as a script: statements separated by `;`, each column documented. */
export function schemaScript(options: SchemaOptions): string {
  const docs = COLUMNS.map((c) => `--   ${c.name.padEnd(20)} ${c.doc}`).join('\n');
  return `-- httpwhy rows (httpwhy logs --emit ndjson), read as JSONEachRow:\n${docs}\n\n${schemaStatements(options).join(';\n\n')};\n`;
}
