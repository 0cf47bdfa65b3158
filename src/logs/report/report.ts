/**
 * The report: one plain, JSON-ready object (the `--json` output, version 1) from which the terminal and
 * HTML views are rendered. Field order and names are stable; new fields may be added, none renamed.
 */
import { statusKey, type Analysis, type CauseSummary, type Example, type Ranked } from '../analysis/index.ts';
import type { FileStats, LineExample, SkipReason, Tally } from '../input/index.ts';
import { logSetupAdvice, type LogSetupAdvice } from './log-setup.ts';
import { readWarningOf, type ReadWarning } from './read-warnings.ts';
import { CAUSES, type Cause, type Confidence, type FileRole, type FormatId, type IssuerClass, type UnknownReason, type WrapperId } from '../types.ts';

/** What the analysis read from one file: its format and role, lines read, parsed and skipped (with reasons). */
export interface FileReport {
  name: string;
  format: FormatId | null;
  /** The log_format used for nginx-custom and nginx-json (given with --format or inferred from the lines), the log-format given for haproxy. */
  logFormat: string | null;
  role: FileRole | null;
  detected: boolean;
  /** Detection: sampled first lines, and how many the format read. */
  sample: { matched: number; sampled: number } | null;
  gzip: boolean;
  /** One JSON document (an array of records, pretty-printed objects) whose records were read as lines: `lines` counts records. */
  document: boolean;
  lines: number;
  parsed: number;
  /** Parsed lines that belong to the app entry before them (stack traces), included in `parsed`. */
  continued: number;
  /** Parsed lines that completed an entry a paste broke over lines, included in `parsed`. */
  rejoined: number;
  skipped: number;
  skippedBy: Partial<Record<SkipReason, Tally>>;
  otherFormats: Partial<Record<FormatId, number>>;
  invalidUtf8: Tally;
  error: string | null;
  /** Present when reading this input gave something to warn about (read-warnings.ts). */
  warning?: ReadWarning;
  /** With the `no-requests` warning: the input's first lines, to show what it holds. */
  firstLines?: LineExample[];
  /** The wrappers around its lines (docker json-file, CRI, syslog…), outermost first; empty for bare lines. */
  wrappers: WrapperId[];
}

/** Proxy error-log lines that matched no access-log entry, by cause. */
export interface UnlinkedErrors {
  cause: Cause;
  count: number;
  examples: Array<{ file: string; line: number; message: string }>;
}

/** What {@link analyzeLogs} returns: files, totals, and every 5xx, 499 and 009 grouped by issuer class and cause, with examples. */
export interface LogReport {
  schema: 'httpwhy.logs.report/1';
  files: FileReport[];
  totals: {
    lines: number;
    parsed: number;
    skipped: number;
    /** Access-log entries (requests). */
    requests: number;
    /** Of those, entries with no HTTP status: TCP sessions (Envoy's TCP proxy, HAProxy's tcplog, an ELB TCP listener). */
    noStatus: number;
    /** Requests per status ("009" for nginx's HTTP/0.9 relay, "000" for none). */
    byStatus: Record<string, number>;
    /** Entries that got a verdict: every 5xx, 499, 460, 009 and 000. */
    verdicts: number;
  };
  timeRange: { from: string; to: string } | null;
  classes: Record<IssuerClass, number>;
  causes: CauseSummary[];
  unknownReasons: Array<{ reason: UnknownReason; count: number }>;
  appMessages: Ranked[];
  hidden: { truncated: { count: number; examples: Example[] }; nonHttpReplies: number };
  errorLog: { events: number; linked: number; dropped: number; unlinked: UnlinkedErrors[] };
  correlation: {
    byRequestId: number;
    byTimeWindow: number;
    byErrorLog: number;
    appLines: number;
    appLinesWithId: number;
    /** Entries classified without the app log because too many were waiting. */
    overflow: number;
  };
  confidence: Record<Confidence, number>;
  timeline: { start: string; bucketSeconds: number; total: number[]; byCause: Partial<Record<Cause, number[]>> } | null;
  /** The largest cause, whose next step the views show. */
  biggestCause: Cause | null;
  /** Present when some verdicts stayed unknown or weak because a log lacks a field: what to add, per access log. */
  logSetup?: LogSetupAdvice[];
  /**
   * Present only when no input gave an access-log request: nothing here says the logs are healthy, the views say
   * so first, every file carries its `warning`, and the CLI exits 1.
   */
  noRequests?: true;
}

/** Examples kept per cause of error-log events no entry claimed. */
export const UNLINKED_EXAMPLES = 3;

function fileReport(stats: FileStats, noRequests: boolean): FileReport {
  const warning = readWarningOf(stats, noRequests);
  return {
    name: stats.name,
    format: stats.format,
    logFormat: stats.logFormat,
    role: stats.role,
    detected: stats.detected,
    sample: stats.sample,
    gzip: stats.gzip,
    document: stats.document,
    lines: stats.lines,
    parsed: stats.parsed,
    continued: stats.continued,
    rejoined: stats.rejoined,
    skipped: stats.skipped,
    skippedBy: Object.fromEntries(stats.skippedBy),
    otherFormats: Object.fromEntries(stats.otherFormats),
    invalidUtf8: stats.invalidUtf8,
    error: stats.error,
    ...(warning ? { warning } : {}),
    ...(warning === 'no-requests' ? { firstLines: stats.firstLines } : {}),
    wrappers: [...stats.wrappers],
  };
}

function timelineOf(analysis: Analysis): LogReport['timeline'] {
  const series = analysis.timeline.series();
  if (!series) return null;
  const byCause: Partial<Record<Cause, number[]>> = {};
  CAUSES.forEach((cause, i) => {
    const column = series.columns[i + 1] as number[];
    if (column.some((n) => n > 0)) byCause[cause] = column;
  });
  return { start: new Date(series.start).toISOString(), bucketSeconds: series.bucketMs / 1000, total: series.columns[0] as number[], byCause };
}

export function buildReport(analysis: Analysis, files: FileStats[], options: { top: number }): LogReport {
  const causes = analysis.findings.summaries(options.top);
  const classes: Record<IssuerClass, number> = { app: 0, proxy: 0, unknown: 0 };
  for (const c of causes) classes[c.class] += c.count;
  const byStatus: Record<string, number> = {};
  analysis.byStatus.forEach((n, status) => {
    if (n > 0) byStatus[statusKey(status)] = n;
  });
  const range = analysis.timeline.range;
  const { findings, errors, join } = analysis;
  const noRequests = analysis.requests === 0;
  const errorLogRead = errors.size + errors.dropped > 0 || files.some((f) => f.role === 'error');
  const logSetup = logSetupAdvice(files, findings.gaps.byFile, errorLogRead);
  return {
    schema: 'httpwhy.logs.report/1',
    files: files.map((f) => fileReport(f, noRequests)),
    totals: {
      lines: files.reduce((sum, f) => sum + f.lines, 0),
      parsed: files.reduce((sum, f) => sum + f.parsed, 0),
      skipped: files.reduce((sum, f) => sum + f.skipped, 0),
      requests: analysis.requests,
      noStatus: analysis.noStatus,
      byStatus,
      verdicts: causes.reduce((sum, c) => sum + c.count, 0),
    },
    timeRange: range ? { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() } : null,
    classes,
    causes,
    unknownReasons: [...findings.unknownReasons].map(([reason, count]) => ({ reason, count })).toSorted((a, b) => b.count - a.count),
    appMessages: findings.appMessages.top(options.top),
    hidden: { truncated: findings.truncated, nonHttpReplies: analysis.byStatus[9] as number },
    errorLog: {
      events: errors.size + errors.dropped,
      linked: errors.linked,
      dropped: errors.dropped,
      unlinked: errors.unlinked(UNLINKED_EXAMPLES).map((g) => ({
        cause: g.cause,
        count: g.count,
        examples: g.examples.map((s) => ({ file: s.ref.file, line: s.ref.line, message: s.event.message })),
      })),
    },
    correlation: {
      byRequestId: findings.correlation.requestId,
      byTimeWindow: findings.correlation.timeWindow,
      byErrorLog: findings.correlation.errorLog,
      appLines: join.appEvents,
      appLinesWithId: join.idLines,
      overflow: analysis.overflow,
    },
    confidence: findings.confidence,
    timeline: timelineOf(analysis),
    biggestCause: causes[0]?.cause ?? null,
    ...(logSetup.length > 0 ? { logSetup } : {}),
    ...(noRequests ? { noRequests: true as const } : {}),
  };
}
