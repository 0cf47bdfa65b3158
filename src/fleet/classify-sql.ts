/**
 * The classification of every 5xx, 499 and 009 in SQL, generated from the analyzer's own rule tables: the app
 * join (by request id, shard-local on a cluster; by time window when ids do not decide), the link choice, the
 * coverage, the verdict table and its evidence. The result is a `WITH … FROM … WHERE` frame that the report's
 * queries aggregate. Runs on ClickHouse 18.16 and on today's (one JOIN per SELECT, no window functions).
 */
import {
  COVERAGE,
  ID_LINK_CONFIDENCE,
  LINK_SOURCE,
  WINDOW_CONFIDENCE,
  WINDOW_MATCH,
  type CoverageFact,
  type VerdictFact,
  type WindowFact,
} from '../logs/index.ts';
import { factColumn, ROW_FACTS } from './rows.ts';
import { ruleSql, sqlLiteral } from './rule-sql.ts';
import { verdictAliases } from './verdict-sql.ts';

/** Where the rows are. On a cluster `rows` is the Distributed table and `local` each shard's own. */
export interface Target {
  rows: string;
  local: string;
}

/** The time range a report covers (epoch ms, `to` excluded); null ends are open. */
export interface Scope {
  fromMs: number | null;
  toMs: number | null;
}

/** What the whole data set says, fetched before the classification (report.ts), as the streaming join knows it. */
export interface Globals {
  idMatchedAnywhere: boolean;
  appEvents: number;
  requestLines: number;
  pathLines: number;
  /** ±Infinity when no app line has a time, as in the streaming join. */
  appFirst: number;
  appLast: number;
  appTimesLocal: boolean;
  windowMs: number;
  /** Proxy requests while the app log ran, by the entry's logged zone offset (see APP_CLOCK_SHIFT_MS). */
  proxyRequestsByTz: ReadonlyMap<number, number>;
  /** Some entry may take a time-window app line: run that join. */
  windowJoin: boolean;
}

/** `kind = '…'` (any kind for null) and the time range; `ts` lets ClickHouse skip whole day partitions. */
export function rowsWhere(kind: 'request' | 'upstream-error' | 'app' | null, scope: Scope, extra = ''): string {
  const parts = kind === null ? ['1'] : [`kind = '${kind}'`];
  if (scope.fromMs !== null) parts.push(`ts >= toDateTime(${Math.floor(scope.fromMs / 1000)})`, `time_ms >= ${scope.fromMs}`);
  if (scope.toMs !== null) parts.push(`ts <= toDateTime(${Math.ceil(scope.toMs / 1000)})`, `time_ms < ${scope.toMs}`);
  if (extra) parts.push(extra);
  return parts.join(' AND ');
}

/** An entry's time as the streaming join sees it: NaN when the line had none. */
const entryTime = (column: string): string => `if(${column} = 0, nan, toFloat64(${column}))`;
/** Stream order of rows, by which "the first" is decided, as the streaming analyzer reads files in the order given. */
const ORDER = (prefix = ''): string => `(${prefix}host, ${prefix}file, ${prefix}line)`;

/**
 * An app link takes its message and stack from the first app error line that joined: those heavy columns are read
 * from the app error lines only (`kind, verdict, app_error` lead the table's order, so they are one range).
 */
function appErrors(t: string, scope: Scope, key: string, alias: string): string {
  return `SELECT ${key}, argMin(app_message, ${ORDER()}) AS ${alias}_message, argMin(app_stack, ${ORDER()}) AS ${alias}_stack, argMin(app_stack_omitted, ${ORDER()}) AS ${alias}_stack_omitted FROM ${t} WHERE ${rowsWhere('app', scope, 'app_error = 1')}`;
}

/** App lines per request id, restricted to the ids of entries that get a verdict. Shard-local on a cluster. */
function idJoin(t: Target, scope: Scope): string {
  const verdictIds = `request_id IN (SELECT request_id FROM ${t.local} WHERE ${rowsWhere('request', scope, "verdict = 1 AND request_id != ''")})`;
  const lines = `SELECT request_id, 1 AS id_linked, max(app_error) AS id_error, max(status) AS id_status FROM ${t.local} WHERE ${rowsWhere('app', scope, `request_id != '' AND ${verdictIds}`)} GROUP BY request_id`;
  return `SELECT * FROM (${lines}) AS lines ANY LEFT JOIN (${appErrors(t.local, scope, 'request_id', 'id')} AND ${verdictIds} GROUP BY request_id) AS errors USING request_id`;
}

/** App lines and entries meet in time buckets this wide before WINDOW_MATCH decides: no pair of far-apart lines is formed. */
const WINDOW_BUCKET_MS = 60_000;

/**
 * The buckets an entry's window can reach: from its time less what it took and the window, to its time plus the
 * window, on the epoch clock and on its logged wall clock (app lines may use either).
 */
function entryBuckets(windowMs: number): string {
  const range = (shift: string): string => {
    const lo = `toInt64(floor((time_ms + ${shift} - request_time * 1000 - ${windowMs}) / ${WINDOW_BUCKET_MS}))`;
    const hi = `toInt64(floor((time_ms + ${shift} + ${windowMs}) / ${WINDOW_BUCKET_MS}))`;
    return `arrayMap(b -> b + ${lo}, range(toUInt64(${hi} - ${lo} + 1)))`;
  };
  return `arrayJoin(arrayDistinct(arrayConcat(${range('0')}, ${range('tz_offset_min * 60000')})))`;
}

/** Pairs of (app line, entry) with the same path that WINDOW_MATCH accepts. */
function windowPairs(t: Target, scope: Scope, windowMs: number): string {
  const events = `SELECT host AS e_host, file AS e_file, line AS e_line, path_key, intDiv(time_ms, ${WINDOW_BUCKET_MS}) AS bucket, method AS e_method, time_ms AS e_time, time_local AS e_local, app_error AS e_error, status AS e_status FROM ${t.rows} WHERE ${rowsWhere('app', scope, "path != '' AND time_ms != 0")}`;
  // An entry without a time matches no app line (its window is nowhere).
  const entries = `SELECT host AS r_host, file AS r_file, line AS r_line, path_key, ${entryBuckets(windowMs)} AS bucket, method AS r_method, time_ms AS r_time, tz_offset_min AS r_tz, request_time AS r_took FROM ${t.rows} WHERE ${rowsWhere('request', scope, 'verdict = 1 AND time_ms != 0')}`;
  const bind: Record<WindowFact, string> = {
    time: entryTime('r_time'),
    tzOffsetMin: 'r_tz',
    tookMs: '(r_took * 1000)',
    method: 'r_method',
    eventTime: 'toFloat64(e_time)',
    eventLocal: 'e_local',
    eventMethod: 'e_method',
    windowMs: sqlLiteral(windowMs),
    candidates: 'cand',
  };
  return `SELECT e_host, e_file, e_line, e_error, e_status, r_host, r_file, r_line FROM (${events}) AS events ALL INNER JOIN (${entries}) AS entries USING (path_key, bucket) WHERE ${ruleSql(WINDOW_MATCH, bind)}`;
}

/**
 * Per entry, its time-window app link. Each matching app line is counted once with the entries it matched (its
 * candidates); the first line that joined decides the link's confidence by that count, as in the streaming join.
 */
function windowJoin(t: Target, scope: Scope, windowMs: number): string {
  const confidence = ruleSql(WINDOW_CONFIDENCE, { candidates: 'cand' } as Record<WindowFact, string>); // uses no other fact
  const byEvent = `SELECT e_host, e_file, e_line, any(e_error) AS ev_error, any(e_status) AS ev_status, groupArray((r_host, r_file, r_line)) AS entries, count() AS cand FROM (${windowPairs(t, scope, windowMs)}) GROUP BY e_host, e_file, e_line`;
  const firstError = `argMinIf(${ORDER('e_')}, ${ORDER('e_')}, ev_error = 1)`;
  const links = `SELECT entry.1 AS host, entry.2 AS file, entry.3 AS line, 1 AS win_linked, argMin(${confidence}, ${ORDER('e_')}) AS win_confidence, max(ev_error) AS win_error, max(ev_status) AS win_status, ${firstError}.1 AS fe_host, ${firstError}.2 AS fe_file, ${firstError}.3 AS fe_line FROM (${byEvent}) ARRAY JOIN entries AS entry GROUP BY host, file, line`;
  const errors = `${appErrors(t.rows, scope, 'host AS fe_host, file AS fe_file, line AS fe_line', 'win')} GROUP BY fe_host, fe_file, fe_line`;
  return `SELECT host, file, line, win_linked, win_confidence, win_error, win_status, win_message, win_stack, win_stack_omitted FROM (${links}) AS links ANY LEFT JOIN (${errors}) AS errors USING (fe_host, fe_file, fe_line)`;
}

/** The columns of an entry that the verdict, the report and the examples use. */
const ENTRY_COLUMNS = ['host', 'file', 'line', 'time_ms', 'tz_offset_min', 'status', 'client', 'method', 'path', 'route', 'request_id', 'upstream', ...ROW_FACTS.map(factColumn)];
const ID_COLUMNS = ['id_linked', 'id_error', 'id_status', 'id_message', 'id_stack', 'id_stack_omitted'];

/** A query frame over the classified entries: `WITH <aliases> SELECT … FROM <from> WHERE <where>`. */
export interface Frame {
  with: string;
  from: string;
  where: string;
}

/** The app link's value of `id`/`win` columns, by the link chosen. */
function linked(id: string, win: string | null, none: string): string {
  return `multiIf(link_source = 'request-id', ${id}, link_source = 'time-window', ${win ?? none}, ${none})`;
}

/** The data-set-wide facts of the coverage rule, as SQL: constants for a report, scalar subqueries for a view. */
export type GlobalsSql = Readonly<Record<'idMatchedAnywhere' | 'appEvents' | 'requestLines' | 'pathLines' | 'appFirst' | 'appLast' | 'appTimesLocal' | 'windowMs' | 'proxyRequests', string>>;

/** A report's globals as constants; the proxy requests by the entry's zone offset. */
export function globalsSql(g: Globals): GlobalsSql {
  const tzs = [...g.proxyRequestsByTz];
  return {
    idMatchedAnywhere: sqlLiteral(g.idMatchedAnywhere),
    appEvents: sqlLiteral(g.appEvents),
    requestLines: sqlLiteral(g.requestLines),
    pathLines: sqlLiteral(g.pathLines),
    appFirst: sqlLiteral(g.appFirst),
    appLast: sqlLiteral(g.appLast),
    appTimesLocal: sqlLiteral(g.appTimesLocal),
    windowMs: sqlLiteral(g.windowMs),
    proxyRequests: tzs.length === 0 ? '0' : `multiIf(${tzs.map(([tz, n]) => `tz_offset_min = ${tz}, ${n}`).join(', ')}, 0)`,
  };
}

/**
 * The classified entries. `windowJoinMs`: also join app lines by time window (for entries whose ids do not decide),
 * with that window; null when no entry needs it.
 */
export function classifiedFrame(t: Target, scope: Scope, g: GlobalsSql, windowJoinMs: number | null): Frame {
  const entries = `${t.rows} ANY LEFT JOIN (${idJoin(t, scope)}) AS ids USING request_id`;
  const where = rowsWhere('request', scope, 'verdict = 1');
  const win = windowJoinMs !== null;
  const from = win
    ? `(SELECT ${[...ENTRY_COLUMNS, ...ID_COLUMNS].join(', ')} FROM ${entries} WHERE ${where}) AS entries ANY LEFT JOIN (${windowJoin(t, scope, windowJoinMs)}) AS windows USING (host, file, line)`
    : entries;
  const w = (column: string): string | null => (win ? column : null);
  const coverage: Record<CoverageFact, string> = { ...g, hasRequestId: "(request_id != '')", time: entryTime('time_ms'), tzOffsetMin: 'tz_offset_min' };
  const facts: Record<VerdictFact, string> = {
    ...(Object.fromEntries(ROW_FACTS.map((f) => [f, factColumn(f)])) as Record<(typeof ROW_FACTS)[number], string>),
    status: 'status',
    hasApp: "(link_source != 'none')",
    appError: 'app_error_v',
    appStatus: 'app_status_v',
    appConfidence: 'app_confidence_v',
    appMessage: 'app_message_v',
    coverage: 'coverage_v',
  };
  const aliases = [
    `${ruleSql(LINK_SOURCE, { idMatchedAnywhere: g.idMatchedAnywhere, hasRequestId: "(request_id != '')", idLinked: 'id_linked', windowLinked: win ? 'win_linked' : '0' })} AS link_source`,
    `${linked('id_error', w('win_error'), '0')} AS app_error_v`,
    `${linked('id_status', w('win_status'), '0')} AS app_status_v`,
    `${linked(sqlLiteral(ID_LINK_CONFIDENCE), w('win_confidence'), "''")} AS app_confidence_v`,
    `${linked('id_message', w('win_message'), "''")} AS app_message_v`,
    `${linked('id_stack', w('win_stack'), 'emptyArrayString()')} AS app_stack_v`,
    `${linked('id_stack_omitted', w('win_stack_omitted'), '0')} AS app_stack_omitted_v`,
    `${ruleSql(COVERAGE, coverage)} AS coverage_v`,
    ...verdictAliases(facts),
    'if(app_error_v = 1 AND length(app_stack_v) > 0, app_stack_v, emptyArrayString()) AS app_stack_out',
    'if(length(app_stack_out) > 0, app_stack_omitted_v, 0) AS app_stack_omitted_out',
  ];
  return { with: `WITH ${aliases.join(',\n  ')}`, from, where: win ? '1' : where };
}

/** `WITH … SELECT <select> FROM … WHERE … <tail>`. */
export function frameQuery(frame: Frame, select: string, tail = '', extraWhere = ''): string {
  return `${frame.with}\nSELECT ${select}\nFROM ${frame.from}\nWHERE ${frame.where}${extraWhere ? ` AND ${extraWhere}` : ''}\n${tail}`;
}
