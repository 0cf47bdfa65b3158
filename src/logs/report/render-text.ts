/**
 * The terminal summary: read problems first (no request at all, inputs mostly skipped), files and skipped lines,
 * who issued the statuses, causes with their top routes and upstreams, app error messages, a sparkline, what the
 * access log hides, what the logs lack (the log-setup doctor), and the next step.
 */
import type { Example } from '../analysis/index.ts';
import type { LogsText } from './messages.ts';
import { howRead, noVerdictLine, readHeadline, warningText } from './read-text.ts';
import type { FileReport, LogReport } from './report.ts';
import type { Cause } from '../types.ts';

const SPARKS = '▁▂▃▄▅▆▇█';
const SPARK_WIDTH = 60;

/** Sums `values` into at most `width` groups. */
export function resample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const out = Array.from({ length: width }, () => 0);
  values.forEach((v, i) => {
    const at = Math.floor((i * width) / values.length);
    out[at] = (out[at] as number) + v;
  });
  return out;
}

export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  if (max === 0) return SPARKS[0]?.repeat(values.length) ?? '';
  return values.map((v) => (v === 0 ? ' ' : SPARKS[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}

/** Per-bucket sum of the verdict columns. */
function verdictSeries(report: LogReport): number[] {
  const timeline = report.timeline;
  if (!timeline) return [];
  const sum = Array.from({ length: timeline.total.length }, () => 0);
  for (const column of Object.values(timeline.byCause)) column.forEach((v, i) => (sum[i] = (sum[i] as number) + v));
  return sum;
}

const round = (v: number): number => Math.round(v * 10) / 10;

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${round(seconds)}s`;
  if (seconds < 3600) return `${round(seconds / 60)}m`;
  return seconds < 86_400 ? `${round(seconds / 3600)}h` : `${round(seconds / 86_400)}d`;
}

function pct(v: number, of: number): string {
  return `${of === 0 ? 0 : round((v / of) * 100)}%`;
}

/** `caddy in compose in syslog`: a file's format inside its wrappers, innermost first. */
export function formatName(f: FileReport, t: LogsText): string {
  const wrappers = [...f.wrappers.toReversed(), ...(f.document ? [t.ui.jsonDocument] : [])];
  return [f.format ?? '?', ...wrappers.map((w) => `${t.ui.wrappedIn} ${w}`)].join(' ');
}

function exampleLine(e: Example, t: LogsText): string {
  const what = [e.time, String(e.status).padStart(3, '0'), e.method, e.path].filter(Boolean).join(' ');
  const why = e.evidence.map((ev) => (ev.detail ? `${t.evidence[ev.kind]}: ${ev.detail}` : t.evidence[ev.kind])).join('; ');
  return `${e.file}:${e.line}${e.origin?.host ? ` [${e.origin.host}]` : ''}  ${what}${why ? `  (${why})` : ''}`;
}

/** The log-setup doctor: per access log, what it lacks and the configuration that adds it. */
function setupLines(report: LogReport, t: LogsText, n: (v: number) => string): string[] {
  if (!report.logSetup) return [];
  const out = ['', t.setup.title];
  for (const a of report.logSetup) {
    out.push(`  ${t.setup.weak(a.file, a.proxy, n(a.weak))}:`);
    for (const m of a.missing) out.push(`  ${n(m.count).padStart(8)}  ${m.fields.join(', ')}: ${t.setup.gaps[m.gap]}`);
    out.push(`  ${t.setup.where[a.proxy]}`, ...a.config.split('\n').map((line) => `    ${line}`));
  }
  return out;
}

/** Before everything else: why this report may not speak for the logs, file by file. */
function readProblems(report: LogReport, t: LogsText, n: (v: number) => string): string[] {
  const headline = readHeadline(report, t, n);
  if (!headline) return [];
  const out = ['', headline];
  for (const f of report.files) {
    const warning = warningText(f, t, n);
    if (warning) out.push(`  ${f.name}: ${warning}`);
  }
  if (report.noRequests) {
    for (const u of report.errorLog.unlinked) out.push(`  ${t.causes[u.cause].label}: ${n(u.count)}  (${u.examples[0]?.file}:${u.examples[0]?.line} ${u.examples[0]?.message})`);
  }
  return out;
}

export function renderLogReportText(report: LogReport, t: LogsText): string {
  const n = (v: number): string => v.toLocaleString(t.locale === 'id' ? 'id-ID' : 'en-US');
  const out: string[] = [t.ui.title, ...readProblems(report, t, n), '', `${t.ui.files}`];
  for (const f of report.files) {
    const format = f.format ? `${formatName(f, t)} (${howRead(f, t)})` : '?';
    out.push(`  ${f.name}  ${format}  ${n(f.lines)} ${t.ui.lines}, ${n(f.parsed)} ${t.ui.parsed}, ${n(f.skipped)} ${t.ui.skipped}`);
    if (f.detected && f.logFormat !== null) out.push(`    ${t.ui.inferredFormat}: ${f.logFormat}`);
    if (f.firstLines) out.push(`    ${t.ui.firstLines}:${f.firstLines.map((e) => `\n      ${f.name}:${e.line}  ${e.text}`).join('')}`);
    for (const [reason, tally] of Object.entries(f.skippedBy)) {
      out.push(`    ${t.ui.skipped}: ${n(tally.count)} ${t.skip[reason as keyof LogsText['skip']]}${tally.examples.map((e) => `\n      ${f.name}:${e.line}  ${e.text}`).join('')}`);
    }
    for (const [format2, count] of Object.entries(f.otherFormats)) out.push(`    ${n(count)} ${t.ui.mixed}: ${format2}`);
    if (f.continued > 0) out.push(`    ${n(f.continued)} ${t.ui.continued}`);
    if (f.rejoined > 0) out.push(`    ${n(f.rejoined)} ${t.ui.rejoined}`);
    if (f.invalidUtf8.count > 0) out.push(`    ${n(f.invalidUtf8.count)} ${t.ui.invalidUtf8}`);
    if (f.error) out.push(`    ${t.ui.readError}: ${f.error}`);
  }
  if (report.timeRange) out.push('', `${t.ui.timeRange}: ${report.timeRange.from} → ${report.timeRange.to}`);
  const total = report.totals.verdicts;
  const noStatus = report.totals.noStatus > 0 ? ` (${n(report.totals.noStatus)} ${t.ui.noStatus})` : '';
  out.push(`${t.ui.requests}: ${n(report.totals.requests)}${noStatus}  ·  ${t.ui.verdicts}: ${n(total)}`);
  if (total === 0) {
    const line = noVerdictLine(report, t, n);
    if (line) out.push('', line);
  } else {
    out.push('', t.ui.byClass);
    for (const cls of ['app', 'proxy', 'unknown'] as const) out.push(`  ${t.classes[cls].padEnd(24)} ${n(report.classes[cls]).padStart(10)}  ${pct(report.classes[cls], total)}`);
    out.push('', t.ui.byCause);
    for (const c of report.causes) {
      const statuses = Object.entries(c.byStatus).map(([s, k]) => `${s}×${n(k)}`).join(' ');
      out.push(`  ${t.causes[c.cause].label.padEnd(46)} ${n(c.count).padStart(10)}  ${pct(c.count, total).padStart(6)}  ${statuses}`);
      if (c.topRoutes.length > 0) out.push(`    ${t.ui.topRoutes}: ${c.topRoutes.map((r) => `${r.key} (${n(r.count)})`).join(', ')}`);
      if (c.topUpstreams.length > 0) out.push(`    ${t.ui.topUpstreams}: ${c.topUpstreams.map((r) => `${r.key} (${n(r.count)})`).join(', ')}`);
      const first = c.examples[0];
      if (first) out.push(`    ${exampleLine(first, t)}`);
    }
  }
  if (report.appMessages.length > 0) {
    out.push('', t.ui.appMessages);
    for (const m of report.appMessages) out.push(`  ${n(m.count).padStart(8)}  ${m.key}`);
  }
  const series = verdictSeries(report);
  if (report.timeline && series.some((v) => v > 0)) {
    const bucket = formatDuration((report.timeline.bucketSeconds * series.length) / Math.min(series.length, SPARK_WIDTH));
    out.push('', `${t.ui.timeline} (${bucket})`, `  ${sparkline(resample(series, SPARK_WIDTH))}  max ${n(Math.max(...resample(series, SPARK_WIDTH)))}`);
  }
  const { truncated, nonHttpReplies } = report.hidden;
  if (truncated.count > 0 || nonHttpReplies > 0) {
    out.push('', t.ui.hidden);
    if (truncated.count > 0) out.push(`  ${t.ui.truncated}: ${n(truncated.count)}`, ...truncated.examples.slice(0, 3).map((e) => `    ${exampleLine(e, t)}`));
    if (nonHttpReplies > 0) out.push(`  ${t.ui.nonHttp}: ${n(nonHttpReplies)}`);
  }
  if (report.unknownReasons.length > 0) {
    out.push('', t.ui.unknownWhy);
    for (const u of report.unknownReasons) out.push(`  ${n(u.count).padStart(8)}  ${t.reasons[u.reason]}`);
  }
  const { errorLog, correlation } = report;
  if (errorLog.events > 0 || correlation.appLines > 0) {
    out.push('', t.ui.correlation);
    if (correlation.appLines > 0) {
      out.push(`  ${n(correlation.appLines)} ${t.ui.appLines}`, `  ${n(correlation.byRequestId)} ${t.ui.byRequestId}`, `  ${n(correlation.byTimeWindow)} ${t.ui.byTimeWindow}`);
    }
    if (correlation.overflow > 0) out.push(`  ${n(correlation.overflow)} ${t.ui.pending}`);
    if (errorLog.events > 0) {
      out.push(`  ${t.ui.errorLog}: ${n(errorLog.linked)} ${t.ui.errorLogLinked}, ${n(errorLog.events - errorLog.linked)} ${t.ui.errorLogUnlinked}`);
      for (const u of errorLog.unlinked.slice(0, 3)) out.push(`    ${t.causes[u.cause].label}: ${n(u.count)}  (${u.examples[0]?.file}:${u.examples[0]?.line} ${u.examples[0]?.message})`);
    }
  }
  out.push(...setupLines(report, t, n));
  // With no request, the next step is that of the error logs' largest group of failures.
  const biggest: Cause | null = report.biggestCause ?? (report.noRequests ? (report.errorLog.unlinked[0]?.cause ?? null) : null);
  if (biggest) out.push('', `${t.ui.nextStep} (${t.causes[biggest].label}):`, `  ${t.causes[biggest].next}`);
  return `${out.join('\n')}\n`;
}
