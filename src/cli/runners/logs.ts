/**
 * `httpwhy logs FILE... [--app APPLOG...]`: who issued every 5xx, 499 and 009 in proxy logs, and why.
 * Terminal summary on stdout (or `--json`), optional `--html FILE`, progress bar on a TTY stderr, `-f` to follow.
 * With `--emit ndjson` it writes rows for ClickHouse instead (logs-emit.ts); with `--clickhouse URL` it reports on
 * the rows there (logs-clickhouse.ts).
 */
import { followLogs, LogSession, logsText, progressBar, renderLogReportText, type LogReport } from '../../logs/index.ts';
import type { CommandContext } from '../context.ts';
import { analyzeOptionsOf, CLICKHOUSE_FLAGS, interruptSignal, presentReport, refuse, thresholdsOf, type LogsRunOptions } from './logs-common.ts';

export type { LogsRunOptions } from './logs-common.ts';

export async function runLogs([files]: [files: string[]], options: LogsRunOptions, ctx: CommandContext): Promise<number> {
  if (options.clickhouse !== undefined) return (await import('./logs-clickhouse.ts')).runLogsOnClickHouse(options.clickhouse, files, options, ctx);
  if (options.emit !== undefined) return (await import('./logs-emit.ts')).runEmit(files, options, ctx);
  refuse(options, CLICKHOUSE_FLAGS, 'goes with --clickhouse');
  refuse(options, [['host', '--host']], 'goes with --emit ndjson');
  const { io } = ctx;
  const text = logsText(ctx.locale);
  thresholdsOf(options);
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
    try {
      report = await followLogs(session, { intervalMs: options.intervalMs ?? 2000, signal: options.signal ?? (own as { signal: AbortSignal }).signal, onSnapshot: show });
    } finally {
      own?.dispose();
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
