/**
 * `httpwhy logs FILE... [--app APPLOG...]`: who issued every 5xx, 499 and 009 in proxy logs, and why.
 * Terminal summary on stdout (or `--json`), optional `--html FILE`, progress bar on a TTY stderr, `-f` to follow,
 * with Prometheus metrics (`--metrics`, `--metrics-file`).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HttpwhyError } from '../../errors.ts';
import {
  crossedThresholds,
  followLogs,
  LogSession,
  logsText,
  parseFailOn,
  progressBar,
  renderLogReportHtml,
  renderLogReportText,
  type AnalyzeOptions,
  type LogReport,
  type LogsText,
} from '../../logs/index.ts';
import type { FollowMetrics, ListenAddress } from '../../metrics/index.ts';
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
}

function positive(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${value}".`);
  }
  return n;
}

async function writeHtml(file: string, report: LogReport, text: LogsText, io: CliIo): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, file), renderLogReportHtml(report, text));
  } catch (error) {
    throw new HttpwhyError('HW_ERR_LOGS_OUTPUT_UNWRITABLE', `Cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file });
  }
}

/** The metrics flags, checked before any file is opened: they need -f, and a parseable address. */
async function metricsAddress(options: LogsRunOptions): Promise<ListenAddress | undefined> {
  const { metrics, metricsFile, maintenanceFile } = options;
  if ((metrics ?? metricsFile ?? maintenanceFile) === undefined) return undefined;
  if (!options.follow) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', '--metrics, --metrics-file and --maintenance-file need -f (follow mode).');
  if (metrics === undefined && metricsFile === undefined) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', '--maintenance-file needs --metrics or --metrics-file.');
  return metrics === undefined ? undefined : (await import('../../metrics/index.ts')).parseListenAddress(metrics);
}

/** Follow mode's metrics, when asked for; the endpoint's URL goes to stderr. */
async function startMetrics(session: LogSession, options: LogsRunOptions, listen: ListenAddress | undefined, io: CliIo, intervalMs: number): Promise<FollowMetrics | null> {
  if (listen === undefined && options.metricsFile === undefined) return null;
  const { startFollowMetrics } = await import('../../metrics/index.ts');
  const absolute = (file: string | undefined) => (file === undefined ? undefined : resolve(io.cwd, file));
  const metrics = await startFollowMetrics(session, {
    listen,
    file: absolute(options.metricsFile),
    maintenanceFile: absolute(options.maintenanceFile),
    intervalMs,
    onError: (error) => io.stderr.write(`httpwhy: ${error.message}\n`),
  });
  if (metrics.url) io.stderr.write(`httpwhy: metrics on ${metrics.url}\n`);
  return metrics;
}

function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', stop) };
}

export async function runLogs([files]: [files: string[]], options: LogsRunOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const text = logsText(ctx.locale);
  const thresholds = options.failOn === undefined ? [] : parseFailOn(options.failOn);
  const listen = await metricsAddress(options);
  const bar = options.progress === false ? null : progressBar(io.stderr);
  const analyzeOptions: AnalyzeOptions = {
    files,
    appFiles: options.app,
    format: options.format,
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
    onProgress: bar?.update,
  };
  const session = await LogSession.open(analyzeOptions);
  let report: LogReport;
  if (options.follow) {
    const intervalMs = options.intervalMs ?? 2000;
    const metrics = await startMetrics(session, options, listen, io, intervalMs).catch(async (error: unknown) => {
      await session.close();
      throw error;
    });
    const own = options.signal ? null : interruptSignal();
    const show = (r: LogReport): void => {
      bar?.clear();
      if (ctx.json) io.stdout.write(`${JSON.stringify(r)}\n`);
      else io.stdout.write(`${io.stdout.isTTY ? '\u001b[H\u001b[2J' : '\n'}${renderLogReportText(r, text)}`);
    };
    try {
      report = await followLogs(session, { intervalMs, signal: options.signal ?? (own as { signal: AbortSignal }).signal, onSnapshot: show });
    } finally {
      own?.dispose();
      await metrics?.stop();
      // A followed stdin never ends by itself; let the process exit.
      if ([...files, ...(options.app ?? [])].includes('-')) io.stdin.destroy();
    }
  } else {
    await session.read();
    session.analysis.settle();
    report = session.report();
  }
  bar?.clear();
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
