/**
 * ClickHouse in this process through chDB (npm `chdb`, today's ClickHouse): `--engine chdb`, with `--clickhouse`
 * naming the chDB data directory. The tests use it to run the same SQL on the current dialect.
 */
import { HttpwhyError } from '../errors.ts';
import { parseRows, type Engine, type Row } from './engine.ts';

/** What chdb-engine needs of the `chdb` module (its `Session`), so tests can hand over a copy installed elsewhere. */
export interface ChdbModule {
  Session: new (path?: string) => {
    queryAsync(query: string, options?: { format?: string }): Promise<{ text(): string }>;
    insert(params: { table: string; values: Buffer | string; format: 'JSONEachRow' }): Promise<unknown>;
    close(): void;
  };
}

/** Loads `chdb` as installed next to httpwhy (e.g. `npm install -g chdb`), or says how to install it. */
export async function loadChdb(): Promise<ChdbModule> {
  try {
    return (await import('chdb')) as ChdbModule;
  } catch {
    throw new HttpwhyError(
      'HW_ERR_CLICKHOUSE_ENGINE_MISSING',
      '--engine chdb needs the npm package chdb (about 550 MB, so httpwhy does not install it): npm install chdb@3.4.0 where httpwhy is installed (npm install -g chdb for a global httpwhy).',
    );
  }
}

function failed(error: unknown): HttpwhyError {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0] ?? '';
  return new HttpwhyError('HW_ERR_CLICKHOUSE_QUERY_FAILED', `chDB: ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
}

export class ChdbEngine implements Engine {
  private readonly session: InstanceType<ChdbModule['Session']>;

  /** A session over the data directory `path` (a temporary one when absent). */
  constructor(chdb: ChdbModule, path?: string) {
    this.session = new chdb.Session(path);
  }

  async version(): Promise<string> {
    const rows = await this.query('SELECT version() AS v');
    return String(rows[0]?.v ?? '');
  }

  async query(sql: string): Promise<Row[]> {
    try {
      return parseRows((await this.session.queryAsync(sql, { format: 'JSONEachRow' })).text());
    } catch (error) {
      throw failed(error);
    }
  }

  async command(sql: string): Promise<void> {
    try {
      await this.session.queryAsync(sql);
    } catch (error) {
      throw failed(error);
    }
  }

  async insertNdjson(table: string, ndjson: string): Promise<void> {
    try {
      await this.session.insert({ table, values: Buffer.from(ndjson), format: 'JSONEachRow' });
    } catch (error) {
      throw failed(error);
    }
  }

  async close(): Promise<void> {
    this.session.close();
  }
}
