/**
 * A ClickHouse server through its HTTP interface and the official client (`@clickhouse/client`). Failures become
 * coded errors: a URL that leads nowhere or credentials the server refuses are bad input (exit 2); a server that is
 * down, too slow or refuses the query is a failed run (exit 1). While a query runs, the engine asks the server how
 * many rows it has read (`system.processes`), for the progress line.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ClickHouseError, ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { HttpwhyError } from '../errors.ts';
import { withoutSecret, type Credentials } from './credentials.ts';
import type { Engine, Row } from './engine.ts';

export interface ServerOptions {
  url: URL;
  credentials: Credentials;
  /** How long one query may take, server side and on the wire. */
  timeoutMs: number;
}

const POLL_MS = 500;
/** Server error codes that mean "not these credentials": AUTHENTICATION_FAILED and older servers' more precise ones. */
const AUTH_CODES = new Set(['516', '192', '193', '194', '195']);
const UNKNOWN_DATABASE = '81';
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ETIMEDOUT']);

/** The first line of a server message, short. */
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** The server's error code: the client parses today's messages; older servers write `Code: 193, e.displayText() = …`. */
function serverCode(error: unknown, message: string): string | null {
  if (error instanceof ClickHouseError) return error.code;
  return /^Code: (\d+)[.,]/.exec(message)?.[1] ?? null;
}

/** `elapsedMs`: how long the request ran; the client's own timeout may surface as the socket it destroyed (ECONNRESET). */
function fail(error: unknown, options: ServerOptions, elapsedMs: number): HttpwhyError {
  const where = options.url.origin;
  const say = (text: string): string => withoutSecret(text, options.credentials);
  const message = error instanceof Error ? error.message : String(error);
  const server = serverCode(error, message);
  if (server !== null) {
    const text = firstLine(message.replace(/^Code: \d+[.,]\s*(?:e\.displayText\(\) = )?/, ''));
    if (AUTH_CODES.has(server)) return new HttpwhyError('HW_ERR_CLICKHOUSE_AUTH', say(`ClickHouse at ${where} refused the credentials: ${text}`));
    if (server === UNKNOWN_DATABASE) return new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', say(`ClickHouse at ${where}: ${text}`));
    return new HttpwhyError('HW_ERR_CLICKHOUSE_QUERY_FAILED', say(`ClickHouse at ${where} refused the query (code ${server}): ${text}`));
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_URL', `ClickHouse host ${options.url.hostname} not found (${code}).`);
  const timedOut = /timeout/i.test(message) || (UNREACHABLE.has(code) && elapsedMs >= options.timeoutMs);
  if (!timedOut && UNREACHABLE.has(code)) return new HttpwhyError('HW_ERR_CLICKHOUSE_UNAVAILABLE', `ClickHouse at ${where} did not answer (${code}).`);
  if (timedOut) return new HttpwhyError('HW_ERR_CLICKHOUSE_UNAVAILABLE', `ClickHouse at ${where} did not answer within ${options.timeoutMs / 1000} s.`);
  return new HttpwhyError('HW_ERR_CLICKHOUSE_QUERY_FAILED', say(`ClickHouse at ${where}: ${firstLine(message)}`));
}

export class ServerEngine implements Engine {
  private readonly client: ClickHouseClient;
  private readonly options: ServerOptions;

  constructor(options: ServerOptions) {
    this.options = options;
    this.client = createClient({
      url: options.url,
      username: options.credentials.username ?? 'default',
      password: options.credentials.password ?? '',
      request_timeout: options.timeoutMs,
      application: 'httpwhy',
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: { max_execution_time: Math.ceil(options.timeoutMs / 1000) },
    });
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } catch (error) {
      throw fail(error, this.options, performance.now() - started);
    }
  }

  async version(): Promise<string> {
    const rows = await this.query('SELECT version() AS v');
    return String(rows[0]?.v ?? '');
  }

  async query(sql: string, onRowsRead?: (rows: number) => void): Promise<Row[]> {
    const queryId = randomUUID();
    const poll = onRowsRead ? setInterval(() => void this.progress(queryId, onRowsRead), POLL_MS) : null;
    try {
      return await this.run(async () => (await this.client.query({ query: sql, format: 'JSONEachRow', query_id: queryId })).json<Row>());
    } finally {
      if (poll) clearInterval(poll);
    }
  }

  private async progress(queryId: string, onRowsRead: (rows: number) => void): Promise<void> {
    try {
      const rs = await this.client.query({ query: `SELECT read_rows FROM system.processes WHERE query_id = '${queryId}'`, format: 'JSONEachRow' });
      const [row] = await rs.json<{ read_rows: string | number }>();
      if (row) onRowsRead(Number(row.read_rows));
    } catch {
      // Progress is a courtesy: the query itself reports its own failure.
    }
  }

  async command(sql: string): Promise<void> {
    await this.run(() => this.client.command({ query: sql }));
  }

  async insertNdjson(table: string, ndjson: string): Promise<void> {
    await this.run(async () => {
      // Into a Distributed table, synchronously: the rows are on their shards when the insert returns.
      const result = await this.client.exec({ query: `INSERT INTO ${table} FORMAT JSONEachRow`, values: Readable.from([ndjson]), clickhouse_settings: { insert_distributed_sync: 1 } });
      result.stream.resume();
      await new Promise((resolve, reject) => result.stream.on('end', resolve).on('error', reject));
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
