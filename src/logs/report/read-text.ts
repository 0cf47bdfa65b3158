/**
 * The words both views use about reading the inputs: how each was read, its warning, and the sentence that opens
 * a report with read problems (no request at all, or some inputs mostly skipped) or closes one with no verdict.
 */
import type { LogsText } from './messages.ts';
import type { FileReport, LogReport } from './report.ts';

/** `detected 50/50` or `given with --format`. */
export function howRead(f: FileReport, t: LogsText): string {
  return f.detected ? `${t.ui.detected}${f.sample ? ` ${f.sample.matched}/${f.sample.sampled}` : ''}` : t.ui.forced;
}

/** `read as app-text (detected 50/50), an app log`, or `in no known format`. */
function readAs(f: FileReport, t: LogsText): string {
  if (f.format === null) return t.ui.noKnownFormat;
  return `${t.ui.readAs} ${f.format} (${howRead(f, t)})${f.role ? `, ${t.roles[f.role]}` : ''}`;
}

/** The file's warning in words, or null when it has none. */
export function warningText(f: FileReport, t: LogsText, n: (v: number) => string): string | null {
  switch (f.warning) {
    case undefined:
      return null;
    case 'read-error':
      return `${t.ui.readError}: ${f.error}`;
    case 'empty':
      return t.ui.warnEmpty;
    case 'binary':
    case 'mostly-skipped': {
      const content = f.lines - (f.skippedBy.empty?.count ?? 0);
      return `${f.warning === 'binary' ? t.ui.warnBinary : readAs(f, t)}: ${t.ui.warnMostlySkipped(n(content - f.parsed), n(content))}`;
    }
    case 'no-requests':
      return `${readAs(f, t)}: ${t.ui.warnNoRequests(n(f.parsed))}`;
  }
}

/** Error-log events no access entry explained. */
export function unlinkedFailures(report: LogReport): number {
  return report.errorLog.events - report.errorLog.linked;
}

/**
 * The sentence that opens the report when reading went wrong: no request at all (with the error logs' upstream
 * failures when there are some), or read warnings; null when every input was read.
 */
export function readHeadline(report: LogReport, t: LogsText, n: (v: number) => string): string | null {
  const failures = unlinkedFailures(report);
  if (report.noRequests) return failures > 0 ? `${t.ui.noRequestsButErrors} ${n(failures)} ${t.ui.upstreamFailures(failures)}.` : t.ui.noRequests;
  return report.files.some((f) => f.warning) ? t.ui.readWarnings : null;
}

/** The line that ends a report without verdicts; never "No 5xx" while error logs show failures. Null without requests. */
export function noVerdictLine(report: LogReport, t: LogsText, n: (v: number) => string): string | null {
  if (report.noRequests) return null;
  const failures = unlinkedFailures(report);
  return failures > 0 ? `${t.ui.noVerdictsButErrors} ${n(failures)} ${t.ui.upstreamFailures(failures)}.` : t.ui.noVerdicts;
}
