/**
 * `httpwhy logs FILE... [--app APPLOG...]`: who issued every 5xx, 499 and 009 in proxy logs, and why.
 * Terminal summary on stdout (or `--json`), optional `--html FILE`, progress bar on a TTY stderr, `-f` to follow,
 * with Prometheus metrics (`--metrics`, `--metrics-file`).
 * With `--emit ndjson` it writes rows for ClickHouse instead (logs-emit.ts); with `--clickhouse URL` it reports on
 * the rows there (logs-clickhouse.ts).
 */
import { resolve } from 'node:path';
import { HttpwhyError } from '../../errors.ts';
import { followLogs, LogSession, logsText, progressBar, renderLogReportText, type LogReport } from '../../logs/index.ts';
import type { FollowMetrics, ListenAddress } from '../../metrics/index.ts';
import type { CommandContext } from '../context.ts';
import type { CliIo } from '../io.ts';
import { analyzeOptionsOf, CLICKHOUSE_FLAGS, interruptSignal, presentReport, refuse, thresholdsOf, type LogsRunOptions } from './logs-common.ts';

export type { LogsRunOptions } from './logs-common.ts';

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

export async function runLogs([files]: [files: string[]], options: LogsRunOptions, ctx: CommandContext): Promise<number> {
  if (options.clickhouse !== undefined) return (await import('./logs-clickhouse.ts')).runLogsOnClickHouse(options.clickhouse, files, options, ctx);
  if (options.emit !== undefined) return (await import('./logs-emit.ts')).runEmit(files, options, ctx);
  refuse(options, CLICKHOUSE_FLAGS, 'goes with --clickhouse');
  refuse(options, [['host', '--host']], 'goes with --emit ndjson');
  const { io } = ctx;
  const text = logsText(ctx.locale);
  thresholdsOf(options);
  const listen = await metricsAddress(options);
  const bar = options.progress === false ? null : progressBar(io.stderr);
  const session = await LogSession.open(analyzeOptionsOf(files, options, io, bar?.update));
  let report: LogReport;
  if (options.follow) {
    const own = options.signal ? null : interruptSignal();
    const show = (r: LogReport): void => {
      bar?.clear();
      if (ctx.json) io.stdout.write(`${JSON.stringify(r)}\n`);
      else io.stdout.write(`${io.stdout.isTTY ? '\u001b[H\u001b[2J' : '\n'}${renderLogReportText(r, text)}`);
    };
    const intervalMs = options.intervalMs ?? 2000;
    const metrics = await startMetrics(session, options, listen, io, intervalMs).catch(async (error: unknown) => {
      await session.close();
      throw error;
    });
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
  return presentReport(report, options, ctx);
}
