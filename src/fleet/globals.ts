/**
 * The first queries of a report: where the rows are (one table, or a Distributed one over shards), and what the
 * whole data set says that every verdict depends on, as the streaming analyzer knows it after reading everything:
 * the proxy's time range (which sets the timeline's bucket), the app log's extent and density, whether ids join.
 */
import { HttpwhyError } from '../errors.ts';
import { APP_CLOCK_SHIFT_MS, bucketMsFor, compileExpr, type CoverageFact, type Scalar } from '../logs/index.ts';
import { rowsWhere, type Globals, type Scope, type Target } from './classify-sql.ts';
import { num, str, type Row } from './engine.ts';
import { DISTRIBUTED_TABLE, LOCAL_TABLE } from './schema.ts';

export type RunQuery = (label: string, sql: string) => Promise<Row[]>;

/** The requests side of the data set. */
export interface AccessStats {
  requests: number;
  /** Of those, entries with no HTTP status (TCP sessions, a proxy's `000`). */
  noStatus: number;
  /** First and last request time (epoch ms), null without timed requests. */
  range: { first: number; last: number } | null;
  /** The timeline's bucket (ms) for that range, as the streaming timeline ends up with. */
  bucketMs: number;
  verdicts: number;
  errorLinked: number;
  truncated: number;
}

export async function findTarget(run: RunQuery, database: string): Promise<Target> {
  const tables = new Set((await run('tables', `SELECT name FROM system.tables WHERE database = '${database}'`)).map((r) => str(r.name)));
  if (!tables.has(LOCAL_TABLE)) {
    throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', `No table ${database}.${LOCAL_TABLE}: create it with the DDL of httpwhy clickhouse schema${database === 'httpwhy' ? '' : ` --database ${database}`}, then load rows from httpwhy logs --emit ndjson.`);
  }
  const local = `${database}.${LOCAL_TABLE}`;
  return { rows: tables.has(DISTRIBUTED_TABLE) ? `${database}.${DISTRIBUTED_TABLE}` : local, local };
}

export async function accessStats(run: RunQuery, t: Target, scope: Scope): Promise<AccessStats & { verdictsWithoutId: number; tzs: number[] }> {
  const [r = {}] = await run(
    'requests',
    `SELECT count() AS requests, countIf(tcp = 1) AS no_status, countIf(time_ms != 0) AS timed, minIf(time_ms, time_ms != 0) AS first, maxIf(time_ms, time_ms != 0) AS last, countIf(verdict = 1) AS verdicts, countIf(verdict = 1 AND request_id = '') AS without_id, groupUniqArrayIf(tz_offset_min, verdict = 1) AS tzs, countIf(has_error = 1) AS error_linked, countIf(truncated_kind != '') AS truncated FROM ${t.rows} WHERE ${rowsWhere('request', scope)}`,
  );
  const range = num(r.timed) > 0 ? { first: num(r.first), last: num(r.last) } : null;
  return {
    requests: num(r.requests),
    noStatus: num(r.no_status),
    range,
    bucketMs: range ? bucketMsFor(range.first, range.last) : bucketMsFor(0, 0),
    verdicts: num(r.verdicts),
    verdictsWithoutId: num(r.without_id),
    tzs: ((r.tzs as unknown[] | undefined) ?? []).map(num).toSorted((a, b) => a - b),
    errorLinked: num(r.error_linked),
    truncated: num(r.truncated),
  };
}

export interface AppStats {
  events: number;
  idLines: number;
}

/** The facts of the app-log join (classify-sql.ts `Globals`), and the app side's counts for the report. */
export async function joinGlobals(run: RunQuery, t: Target, scope: Scope, access: AccessStats & { verdictsWithoutId: number; tzs: number[] }, windowMs: number): Promise<{ globals: Globals; app: AppStats }> {
  const [a = {}] = await run(
    'app lines',
    `SELECT count() AS events, countIf(request_id != '' OR status > 0) AS request_lines, countIf(request_id != '') AS id_lines, countIf(path != '') AS path_lines, countIf(time_ms != 0) AS timed, minIf(time_ms, time_ms != 0) AS first, maxIf(time_ms, time_ms != 0) AS last, argMaxIf(time_local, (host, file, line), time_ms != 0) AS local FROM ${t.rows} WHERE ${rowsWhere('app', scope)}`,
  );
  const events = num(a.events);
  const idLines = num(a.id_lines);
  const timed = num(a.timed) > 0;
  let idMatchedAnywhere = false;
  if (events > 0 && idLines > 0 && access.verdicts > 0) {
    const appIds = `SELECT request_id FROM ${t.local} WHERE ${rowsWhere('app', scope, "request_id != ''")}`;
    const [m = {}] = await run('id matches', `SELECT count() AS n FROM ${t.rows} WHERE ${rowsWhere('request', scope, `verdict = 1 AND request_id != '' AND request_id IN (${appIds})`)}`);
    idMatchedAnywhere = num(m.n) > 0;
  }
  const globals: Globals = {
    idMatchedAnywhere,
    appEvents: events,
    requestLines: num(a.request_lines),
    pathLines: num(a.path_lines),
    // As the streaming join starts them: no timed app line leaves them infinite, so no entry falls inside.
    appFirst: timed ? num(a.first) : Number.POSITIVE_INFINITY,
    appLast: timed ? num(a.last) : Number.NEGATIVE_INFINITY,
    appTimesLocal: num(a.local) === 1,
    windowMs,
    proxyRequestsByTz: new Map(),
    windowJoin: events > 0 && num(a.path_lines) > 0 && (idMatchedAnywhere ? access.verdictsWithoutId > 0 : access.verdicts > 0),
  };
  if (events > 0 && timed && access.range) globals.proxyRequestsByTz = await proxyRequestsByTz(run, t, scope, globals, access);
  return { globals, app: { events, idLines } };
}

const appClockShift = compileExpr(APP_CLOCK_SHIFT_MS);

/** Per zone offset of the entries, the requests in the timeline buckets the app log spans, as the streaming join counts them. */
async function proxyRequestsByTz(run: RunQuery, t: Target, scope: Scope, g: Globals, access: AccessStats & { tzs: number[] }): Promise<Map<number, number>> {
  const b = access.bucketMs;
  const counts = access.tzs.map((tz, i) => {
    const shift = appClockShift({ appTimesLocal: g.appTimesLocal, tzOffsetMin: tz } as Record<CoverageFact, Scalar>) as number;
    return `countIf(intDiv(time_ms, ${b}) BETWEEN ${Math.floor((g.appFirst - shift) / b)} AND ${Math.floor((g.appLast - shift) / b)}) AS n${i}`;
  });
  if (counts.length === 0) return new Map();
  const [r = {}] = await run('requests while the app logged', `SELECT ${counts.join(', ')} FROM ${t.rows} WHERE ${rowsWhere('request', scope, 'time_ms != 0')}`);
  return new Map(access.tzs.map((tz, i) => [tz, num(r[`n${i}`])]));
}
