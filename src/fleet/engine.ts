/** What runs the SQL: a ClickHouse server over HTTP (server-engine.ts) or chDB in this process (chdb-engine.ts). */

/** One result row of `JSONEachRow` (64-bit integers may come as strings). */
export type Row = Record<string, unknown>;

export interface Engine {
  /** The server's `version()`. */
  version(): Promise<string>;
  /** Rows of a SELECT. `onRowsRead` hears, now and then, how many rows the running query has read so far. */
  query(sql: string, onRowsRead?: (rows: number) => void): Promise<Row[]>;
  /** A statement without rows (DDL). */
  command(sql: string): Promise<void>;
  /** Inserts rows written by `httpwhy logs --emit ndjson`. */
  insertNdjson(table: string, ndjson: string): Promise<void>;
  close(): Promise<void>;
}

/** A result value as a number (ClickHouse quotes 64-bit integers in JSON). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A result value as text. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** Parses `JSONEachRow` text. */
export function parseRows(text: string): Row[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);
}
