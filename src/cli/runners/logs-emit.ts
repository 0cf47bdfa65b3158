/**
 * `httpwhy logs FILE... --emit ndjson [--host NAME] [-f]`: one JSON row per request, error-log event and app event on
 * stdout, for ClickHouse (`JSONEachRow`) through any shipper. Error logs given with the access logs are linked on
 * this host, as the streaming analyzer links them; with `-f` rows keep coming as the files grow.
 */
import { hostname } from 'node:os';
import { HttpwhyError } from '../../errors.ts';
import { RowWriter } from '../../fleet/index.ts';
import { followLogs, LogSession, progressBar } from '../../logs/index.ts';
import type { CommandContext } from '../context.ts';
import { analyzeOptionsOf, CLICKHOUSE_FLAGS, interruptSignal, METRICS_FLAGS, refuse, type LogsRunOptions } from './logs-common.ts';

export async function runEmit(files: string[], options: LogsRunOptions, ctx: CommandContext): Promise<number> {
  refuse(options, CLICKHOUSE_FLAGS, 'goes with --clickhouse, not --emit');
  refuse(options, [['html', '--html'], ['failOn', '--fail-on'], ['top', '--top'], ...METRICS_FLAGS], 'makes no sense with --emit: the rows are the output');
  if (ctx.json) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', '--json makes no sense with --emit: the rows are JSON already.');
  const { io } = ctx;
  const writer = new RowWriter(options.host ?? hostname(), (chunk) => io.stdout.write(chunk));
  const bar = options.progress === false ? null : progressBar(io.stderr);
  const session = await LogSession.open(analyzeOptionsOf(files, options, io, bar?.update), writer);
  if (options.follow) {
    const own = options.signal ? null : interruptSignal();
    try {
      await followLogs(session, { intervalMs: options.intervalMs ?? 2000, signal: options.signal ?? (own as { signal: AbortSignal }).signal, onSnapshot: () => writer.flush() });
    } finally {
      own?.dispose();
      if ([...files, ...(options.app ?? [])].includes('-')) io.stdin.destroy();
    }
  } else {
    await session.read();
    // Entries still waiting (for the app log, or for an error line written after them) are decided, and written.
    session.analysis.settle();
  }
  writer.flush();
  bar?.clear();
  return 0;
}
