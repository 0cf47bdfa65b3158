/**
 * `httpwhy clickhouse queries`: the classification as a view that dashboards query (one row per 5xx, 499 and 009
 * with its class, cause and evidence), and a few queries over it. The view is the report's classification with the
 * data-set-wide facts as scalar subqueries instead of constants; it joins app lines by request id only (the report
 * also joins by time window for logs without ids), and it counts the proxy requests the app log spans between the
 * app log's first and last time, where the report counts them by timeline bucket as the streaming analyzer does.
 */
import { CAUSES, DEFAULT_WINDOW_SECONDS, issuerClassOf, type IssuerClass } from '../logs/index.ts';
import { classifiedFrame, frameQuery, rowsWhere, type GlobalsSql, type Scope, type Target } from './classify-sql.ts';
import { sqlLiteral } from './rule-sql.ts';
import { checkIdentifier, DISTRIBUTED_TABLE, LOCAL_TABLE } from './schema.ts';

export const VIEW = 'verdicts';
const ALL_TIME: Scope = { fromMs: null, toMs: null };

function viewGlobals(t: Target): GlobalsSql {
  const app = (select: string): string => `(SELECT ${select} FROM ${t.rows} WHERE ${rowsWhere('app', ALL_TIME)})`;
  const appIds = `SELECT request_id FROM ${t.local} WHERE ${rowsWhere('app', ALL_TIME, "request_id != ''")}`;
  const first = app('if(countIf(time_ms != 0) = 0, inf, toFloat64(minIf(time_ms, time_ms != 0)))');
  const last = app('if(countIf(time_ms != 0) = 0, -inf, toFloat64(maxIf(time_ms, time_ms != 0)))');
  return {
    idMatchedAnywhere: `(SELECT count() > 0 FROM ${t.rows} WHERE ${rowsWhere('request', ALL_TIME, `verdict = 1 AND request_id != '' AND request_id IN (${appIds})`)})`,
    appEvents: app('count()'),
    requestLines: app("countIf(request_id != '' OR status > 0)"),
    pathLines: app("countIf(path != '')"),
    appFirst: first,
    appLast: last,
    appTimesLocal: app('argMaxIf(time_local, (host, file, line), time_ms != 0)'),
    windowMs: sqlLiteral(DEFAULT_WINDOW_SECONDS * 1000),
    proxyRequests: `(SELECT count() FROM ${t.rows} WHERE ${rowsWhere('request', ALL_TIME, `time_ms != 0 AND time_ms >= ${first} AND time_ms <= ${last}`)})`,
  };
}

/** The causes of one issuer class, as SQL literals. */
function causesOf(c: IssuerClass): string {
  return CAUSES.filter((x) => issuerClassOf(x) === c)
    .map((x) => sqlLiteral(x))
    .join(', ');
}

/** The issuer class of a cause column, from the analyzer's own mapping. */
function classSql(cause: string): string {
  return `multiIf(${cause} IN (${causesOf('app')}), 'app', ${cause} IN (${causesOf('unknown')}), 'unknown', 'proxy')`;
}

export function dashboardScript(options: { database: string; cluster?: string }): string {
  const db = checkIdentifier(options.database, '--database');
  const local = `${db}.${LOCAL_TABLE}`;
  const t: Target = { rows: options.cluster === undefined ? local : `${db}.${DISTRIBUTED_TABLE}`, local };
  const frame = classifiedFrame(t, ALL_TIME, viewGlobals(t), null);
  const columns = `host, file, line, time_ms, toDateTime(intDiv(time_ms, 1000)) AS time, status, route, upstream, request_id, cause, ${classSql('cause')} AS class, confidence, reason, link_source, has_error, evidence_kinds, evidence_details, app_message_out AS app_message`;
  const view = `${db}.${VIEW}`;
  const lastHour = 'time >= now() - INTERVAL 1 HOUR';
  return `-- Every 5xx, 499 and 009 with its class (app, proxy, unknown), cause and evidence, classified by httpwhy's rules.
CREATE VIEW IF NOT EXISTS ${view} AS
${frameQuery(frame, columns)};

-- Verdicts per minute by class, last hour.
SELECT toStartOfMinute(time) AS minute, class, count() AS verdicts FROM ${view} WHERE ${lastHour} GROUP BY minute, class ORDER BY minute, class;

-- Causes, last hour.
SELECT cause, class, count() AS verdicts FROM ${view} WHERE ${lastHour} GROUP BY cause, class ORDER BY verdicts DESC;

-- Routes with the most proxy-issued failures, last hour.
SELECT route, cause, count() AS verdicts FROM ${view} WHERE ${lastHour} AND class = 'proxy' GROUP BY route, cause ORDER BY verdicts DESC LIMIT 20;

-- Requests and 5xx per host per minute, last hour (straight from the rows).
SELECT host, toStartOfMinute(ts) AS minute, count() AS requests, countIf(status >= 500) AS status_5xx FROM ${t.rows} WHERE kind = 'request' AND ts >= now() - INTERVAL 1 HOUR GROUP BY host, minute ORDER BY host, minute;
`;
}
