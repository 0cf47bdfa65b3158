/**
 * @module fleet
 * httpwhy at fleet scale, on ClickHouse: rows out of every host (`httpwhy logs --emit ndjson`, row-writer.ts, the
 * columns in rows.ts), the DDL (schema.ts), the classification in SQL generated from the analyzer's own rule tables
 * (rule-sql.ts, classify-sql.ts), and the report from a server (server-engine.ts, `@clickhouse/client`) or from
 * chDB in this process (chdb-engine.ts), computed by fleet-report.ts as the same `LogReport` the streaming
 * analyzer gives. Sits above logs, below lab, web and cli.
 */
export { ChdbEngine, loadChdb, type ChdbModule } from './chdb-engine.ts';
export { readCredentials, serverUrl, type Credentials } from './credentials.ts';
export { dashboardScript } from './dashboard.ts';
export type { Engine } from './engine.ts';
export { fleetReport, type FleetReportOptions, type QueryProgress } from './fleet-report.ts';
export { RowWriter } from './row-writer.ts';
export { checkIdentifier, DEFAULT_DATABASE, parseTtl, schemaScript, schemaStatements, type SchemaOptions } from './schema.ts';
export { ServerEngine } from './server-engine.ts';
