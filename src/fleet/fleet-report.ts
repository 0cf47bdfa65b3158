/**
 * `httpwhy logs --clickhouse URL`: the report of `httpwhy logs`, computed on ClickHouse from the rows of many hosts.
 * The same `LogReport` (so the same terminal, JSON and HTML views and `--fail-on`), with the same counts, causes
 * and examples as the streaming analyzer on the same logs: the verdicts come from the same rule tables
 * (classify-sql.ts), and "the first examples" are the first by host, file and line, the order in which the
 * streaming analyzer reads files given in that order. A failed query fails the whole report: no partial one.
 */
import type { Confidence } from '../confidence.ts';
import { CAUSES, compareCauses, issuerClassOf, MAX_EXAMPLES, statusKey, type Cause, type CauseSummary, type IssuerClass, type LogReport, type UnknownReason } from '../logs/index.ts';
import { classifiedFrame, frameQuery, globalsSql, rowsWhere, type Scope, type Target } from './classify-sql.ts';
import { num, str, type Engine, type Row } from './engine.ts';
import { errorLog, exampleOf, filesOf, firstOf, truncatedOf } from './report-parts.ts';
import { accessStats, findTarget, joinGlobals, type RunQuery } from './globals.ts';

export interface FleetReportOptions {
  database: string;
  scope: Scope;
  windowMs: number;
  /** Rows in top tables. */
  top: number;
  /** Hears each query as it starts and, now and then, the rows it has read. */
  onProgress?: (progress: QueryProgress) => void;
}

export interface QueryProgress {
  /** What the query computes, and its number in this report. */
  label: string;
  step: number;
  rowsRead: number;
  elapsedMs: number;
}

function runner(engine: Engine, options: FleetReportOptions): RunQuery {
  let step = 0;
  return async (label, sql) => {
    step++;
    const started = Date.now();
    const tell = (rowsRead: number): void => options.onProgress?.({ label, step, rowsRead, elapsedMs: Date.now() - started });
    tell(0);
    return engine.query(sql, tell);
  };
}

export async function fleetReport(engine: Engine, options: FleetReportOptions): Promise<LogReport> {
  const run = runner(engine, options);
  const { scope, top } = options;
  const t: Target = await findTarget(run, options.database);
  const access = await accessStats(run, t, scope);
  const { globals, app } = await joinGlobals(run, t, scope, access, options.windowMs);
  const b = access.bucketMs;
  const byStatus: Record<string, number> = {};
  for (const r of (await run('statuses', `SELECT status, count() AS n FROM ${t.rows} WHERE ${rowsWhere('request', scope)} GROUP BY status`)).toSorted((x, y) => num(x.status) - num(y.status))) {
    byStatus[statusKey(num(r.status))] = num(r.n);
  }
  const causes = new Map<Cause, CauseSummary>();
  const reasons = new Map<UnknownReason, { count: number; first: unknown }>();
  const correlation = { byRequestId: 0, byTimeWindow: 0, byErrorLog: 0 };
  const confidence: Record<Confidence, number> = { high: 0, medium: 0, low: 0 };
  const byCauseBuckets: Array<{ cause: Cause; bucket: number; n: number }> = [];
  let appMessages: Array<{ key: string; count: number }> = [];
  if (access.verdicts > 0) {
    const frame = classifiedFrame(t, scope, globalsSql(globals), globals.windowJoin ? globals.windowMs : null);
    const groups = await run('verdicts', frameQuery(frame, 'cause, status, reason, confidence, link_source, has_error, count() AS n, min((host, file, line)) AS first', 'GROUP BY cause, status, reason, confidence, link_source, has_error'));
    for (const g of groups) {
      const cause = str(g.cause) as Cause;
      const n = num(g.n);
      const summary = causes.get(cause) ?? { cause, class: issuerClassOf(cause), count: 0, byStatus: {}, topRoutes: [], topUpstreams: [], examples: [], approximate: false };
      causes.set(cause, summary);
      summary.count += n;
      const key = statusKey(num(g.status));
      summary.byStatus[key] = (summary.byStatus[key] ?? 0) + n;
      const reason = str(g.reason) as UnknownReason | '';
      if (reason !== '') {
        const seen = reasons.get(reason);
        reasons.set(reason, { count: (seen?.count ?? 0) + n, first: seen ? firstOf(seen.first, g.first) : g.first });
      }
      if (str(g.link_source) === 'request-id') correlation.byRequestId += n;
      if (str(g.link_source) === 'time-window') correlation.byTimeWindow += n;
      if (num(g.has_error) === 1) correlation.byErrorLog += n;
      confidence[str(g.confidence) as Confidence] += n;
    }
    for (const s of causes.values()) s.byStatus = Object.fromEntries(Object.entries(s.byStatus).toSorted((x, y) => Number(x[0]) - Number(y[0])));
    const ranked = async (label: string, column: string, where: string): Promise<void> => {
      const rows = await run(label, frameQuery(frame, `cause, ${column} AS key, count() AS n`, `GROUP BY cause, key ORDER BY cause, n DESC, key LIMIT ${top} BY cause`, where));
      for (const r of rows) causes.get(str(r.cause) as Cause)?.[column === 'route' ? 'topRoutes' : 'topUpstreams'].push({ key: str(r.key), count: num(r.n) });
    };
    await ranked('top routes', 'route', '');
    await ranked('top upstreams', 'upstream', "upstream != ''");
    const exampleColumns = 'cause, host, file, line, time_ms, status, method, path, client, request_id, upstream, confidence, evidence_kinds, evidence_details, app_message_out, app_stack_out, app_stack_omitted_out';
    for (const r of await run('examples', frameQuery(frame, exampleColumns, `ORDER BY cause, host, file, line LIMIT ${MAX_EXAMPLES} BY cause`))) {
      causes.get(str(r.cause) as Cause)?.examples.push(exampleOf(r));
    }
    const messages = await run('app messages', frameQuery(frame, 'substringUTF8(app_message_out, 1, 200) AS key, count() AS n', `GROUP BY key ORDER BY n DESC, key LIMIT ${top}`, "app_message_out != ''"));
    appMessages = messages.map((r) => ({ key: str(r.key), count: num(r.n) }));
    for (const r of await run('timeline by cause', frameQuery(frame, `cause, intDiv(time_ms, ${b}) AS bucket, count() AS n`, 'GROUP BY cause, bucket', 'time_ms != 0'))) {
      byCauseBuckets.push({ cause: str(r.cause) as Cause, bucket: num(r.bucket), n: num(r.n) });
    }
  }
  const totalBuckets = access.range ? await run('timeline', `SELECT intDiv(time_ms, ${b}) AS bucket, count() AS n FROM ${t.rows} WHERE ${rowsWhere('request', scope, 'time_ms != 0')} GROUP BY bucket`) : [];
  const files = await filesOf(run, t, scope, access.requests === 0);
  const summaries = [...causes.values()].toSorted(compareCauses);
  const classes: Record<IssuerClass, number> = { app: 0, proxy: 0, unknown: 0 };
  for (const c of summaries) classes[c.class] += c.count;
  return {
    schema: 'httpwhy.logs.report/1',
    files,
    totals: {
      lines: files.reduce((sum, f) => sum + f.lines, 0),
      parsed: files.reduce((sum, f) => sum + f.parsed, 0),
      skipped: 0,
      requests: access.requests,
      noStatus: access.noStatus,
      byStatus,
      verdicts: summaries.reduce((sum, c) => sum + c.count, 0),
    },
    timeRange: access.range ? { from: new Date(access.range.first).toISOString(), to: new Date(access.range.last).toISOString() } : null,
    classes,
    causes: summaries,
    unknownReasons: [...reasons]
      .toSorted((x, y) => y[1].count - x[1].count || (firstOf(x[1].first, y[1].first) === x[1].first ? -1 : 1))
      .map(([reason, r]) => ({ reason, count: r.count })),
    appMessages,
    hidden: { truncated: await truncatedOf(run, t, scope, access.truncated), nonHttpReplies: byStatus['009'] ?? 0 },
    errorLog: await errorLog(run, t, scope, access.errorLinked),
    correlation: { ...correlation, appLines: app.events, appLinesWithId: app.idLines, overflow: 0 },
    confidence,
    timeline: timelineOf(access.range, b, totalBuckets, byCauseBuckets),
    biggestCause: summaries[0]?.cause ?? null,
    ...(access.requests === 0 ? { noRequests: true as const } : {}),
  };
}

function timelineOf(range: { first: number; last: number } | null, b: number, totals: Row[], byCause: Array<{ cause: Cause; bucket: number; n: number }>): LogReport['timeline'] {
  if (!range) return null;
  const first = Math.floor(range.first / b);
  const length = Math.floor(range.last / b) - first + 1;
  const total = Array.from({ length }, () => 0);
  for (const r of totals) total[num(r.bucket) - first] = num(r.n);
  const columns: Partial<Record<Cause, number[]>> = {};
  for (const { cause, bucket, n } of byCause) (columns[cause] ??= Array.from({ length }, () => 0))[bucket - first] = n;
  const ordered: Partial<Record<Cause, number[]>> = {};
  for (const cause of CAUSES) if (columns[cause]) ordered[cause] = columns[cause];
  return { start: new Date(first * b).toISOString(), bucketSeconds: b / 1000, total, byCause: ordered };
}
