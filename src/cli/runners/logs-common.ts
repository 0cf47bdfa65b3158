/**
 * What the three ways of `httpwhy logs` share: reading the flags into analysis options, and presenting a report
 * (terminal or `--json`, `--html`, the exit code from `--fail-on` and from a log nobody read).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HttpwhyError } from '../../errors.ts';
import { crossedThresholds, logsText, parseFailOn, renderLogReportHtml, renderLogReportText, type AnalyzeOptions, type LogReport, type LogsText, type Progress } from '../../logs/index.ts';
import type { ChdbModule } from '../../fleet/index.ts';
import type { LogsOptions } from '../commands/logs.ts';
import type { CommandContext } from '../context.ts';
import type { CliIo } from '../io.ts';

/** Follow mode: a pipe that pauses this long has sent all it has for now; detect its format from that. */
const FOLLOW_HEAD_WAIT_MS = 500;

/** The flags, and what only code that embeds the command sets (tests). */
export interface LogsRunOptions extends LogsOptions {
  /** Follow mode: snapshot interval in ms (default 2000). */
  intervalMs?: number;
  /** Stops follow mode; when absent, SIGINT does. */
  signal?: AbortSignal;
  /** `--engine chdb`: how to load chDB (default: the `chdb` package installed next to httpwhy). */
  loadChdb?: () => Promise<ChdbModule>;
}

export function positive(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${value}".`);
  }
  return n;
}

/** The flags of a report from ClickHouse. */
export const CLICKHOUSE_FLAGS: ReadonlyArray<[keyof LogsOptions, string]> = [
  ['since', '--since'],
  ['from', '--from'],
  ['to', '--to'],
  ['database', '--database'],
  ['engine', '--engine'],
  ['credentialsFile', '--credentials-file'],
  ['timeout', '--timeout'],
];

/** The flags of follow mode's Prometheus metrics, which only the report of log files has. */
export const METRICS_FLAGS: ReadonlyArray<[keyof LogsOptions, string]> = [
  ['metrics', '--metrics'],
  ['metricsFile', '--metrics-file'],
  ['maintenanceFile', '--maintenance-file'],
];

/** Refuses flags that mean nothing in this way of running `logs`. */
export function refuse(options: LogsRunOptions, flags: ReadonlyArray<[keyof LogsOptions, string]>, why: string): void {
  for (const [key, flag] of flags) {
    if (options[key] !== undefined && options[key] !== false) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `${flag} ${why}.`);
  }
}

export function analyzeOptionsOf(files: string[], options: LogsRunOptions, io: CliIo, onProgress: ((p: Progress) => void) | undefined): AnalyzeOptions {
  return {
    files,
    appFiles: options.app,
    format: options.format,
    writtenBy: options.writtenBy,
    appFormat: options.appFormat,
    requestIdField: options.requestIdField,
    messageField: options.messageField,
    idPattern: options.idPattern,
    timeZone: options.tz,
    windowSeconds: positive(options.window, '--window', false),
    top: positive(options.top, '--top', true),
    cwd: io.cwd,
    stdin: io.stdin,
    headWaitMs: options.follow ? FOLLOW_HEAD_WAIT_MS : undefined,
    onProgress,
  };
}

export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', stop) };
}

async function writeHtml(file: string, report: LogReport, text: LogsText, io: CliIo): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, file), renderLogReportHtml(report, text));
  } catch (error) {
    throw new HttpwhyError('HW_ERR_LOGS_OUTPUT_UNWRITABLE', `Cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file });
  }
}

/** `--fail-on`, parsed before any work so a typo fails at once. */
export function thresholdsOf(options: LogsRunOptions): ReturnType<typeof parseFailOn> {
  return options.failOn === undefined ? [] : parseFailOn(options.failOn);
}

/** Prints the final report (and writes `--html`); the exit code. */
export async function presentReport(report: LogReport, options: LogsRunOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const text = logsText(ctx.locale);
  const thresholds = thresholdsOf(options);
  if (options.html) await writeHtml(options.html, report, text, io);
  io.stdout.write(ctx.json ? `${JSON.stringify(report, null, options.follow ? undefined : 2)}\n` : renderLogReportText(report, text));
  // A log nobody read is never a pass: the report says why, and no threshold can be checked against it.
  if (report.noRequests) {
    if (ctx.json) io.stderr.write(`${text.ui.noRequests}\n`);
    if (thresholds.length > 0) io.stderr.write(`${text.ui.failOnNoRequests}\n`);
    return 1;
  }
  const crossed = crossedThresholds(report, thresholds);
  for (const c of crossed) io.stderr.write(`${text.ui.failOnCrossed}: ${c.threshold.text} (${c.threshold.metric} = ${c.actual}${c.threshold.rate ? '%' : ''})\n`);
  return crossed.length > 0 ? 1 : 0;
}
