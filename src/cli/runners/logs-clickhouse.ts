/**
 * `httpwhy logs --clickhouse URL [--database D] [--since 1h | --from T --to T]`: the report of `httpwhy logs` on the
 * rows of a fleet in ClickHouse, with the same views, `--json`, `--html` and `--fail-on`. A progress line on a
 * terminal names the query running and the rows it has read. The engine is closed whatever happens; a failure
 * leaves no report at all.
 */
import { resolve } from 'node:path';
import { HttpwhyError } from '../../errors.ts';
import {
  ChdbEngine,
  checkIdentifier,
  DEFAULT_DATABASE,
  fleetReport,
  loadChdb,
  readCredentials,
  serverUrl,
  ServerEngine,
  type Engine,
  type QueryProgress,
} from '../../fleet/index.ts';
import { DEFAULT_WINDOW_SECONDS } from '../../logs/index.ts';
import type { CommandContext } from '../context.ts';
import type { OutputStream } from '../io.ts';
import { METRICS_FLAGS, positive, presentReport, refuse, thresholdsOf, type LogsRunOptions } from './logs-common.ts';

const DEFAULT_TIMEOUT_S = 300;
const UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `15m`, `1h`, `7d` → ms. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(value);
  const ms = m ? Number(m[1]) * (UNITS_MS[m[2] as string] as number) : Number.NaN;
  if (!(ms > 0)) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `--since must be a duration such as 90s, 15m, 1h or 7d, got "${value}".`);
  return ms;
}

function parseTime(value: string, flag: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `${flag} must be an ISO 8601 time such as 2026-05-01T10:00:00Z, got "${value}".`);
  return ms;
}

function scopeOf(options: LogsRunOptions, now: number): { fromMs: number | null; toMs: number | null } {
  if (options.since !== undefined) {
    if (options.from !== undefined || options.to !== undefined) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', '--since counts back from now: give it alone, or --from and --to.');
    return { fromMs: now - parseDuration(options.since), toMs: null };
  }
  const fromMs = options.from === undefined ? null : parseTime(options.from, '--from');
  const toMs = options.to === undefined ? null : parseTime(options.to, '--to');
  if (fromMs !== null && toMs !== null && fromMs >= toMs) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', '--from must come before --to.');
  return { fromMs, toMs };
}

function compact(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(n);
}

/** The progress line on a terminal: which query, rows read, seconds. */
function queryProgress(stream: OutputStream): { update: (p: QueryProgress) => void; clear: () => void } {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let drawn = false;
  return {
    update: (p) => {
      stream.write(`\r\u001b[2KClickHouse: query ${p.step} (${p.label})  ${compact(p.rowsRead)} rows read  ${(p.elapsedMs / 1000).toFixed(1)} s`);
      drawn = true;
    },
    clear: () => {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

async function engineOf(where: string, options: LogsRunOptions, ctx: CommandContext, timeoutMs: number): Promise<Engine> {
  if (options.engine === 'chdb') {
    refuse(options, [['credentialsFile', '--credentials-file']], 'goes with a server, not --engine chdb');
    const chdb = await (options.loadChdb ?? loadChdb)();
    return new ChdbEngine(chdb, resolve(ctx.io.cwd, where));
  }
  const url = serverUrl(where);
  const credentials = await readCredentials(ctx.io.env, options.credentialsFile, ctx.io.cwd);
  return new ServerEngine({ url, credentials, timeoutMs });
}

/** `where`: the `--clickhouse` URL, or with `--engine chdb` the data directory. */
export async function runLogsOnClickHouse(where: string, files: string[], options: LogsRunOptions, ctx: CommandContext): Promise<number> {
  if (files.length > 0) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', '--clickhouse reports on the rows in ClickHouse: give no log files (load them with --emit ndjson).');
  refuse(
    options,
    [
      ['emit', '--emit'],
      ['follow', '--follow'],
      ['app', '--app'],
      ['format', '--format'],
      ['writtenBy', '--written-by'],
      ['appFormat', '--app-format'],
      ['host', '--host'],
      ...METRICS_FLAGS,
    ],
    'reads log files, not ClickHouse',
  );
  thresholdsOf(options);
  const scope = scopeOf(options, Date.now());
  const database = checkIdentifier(options.database ?? DEFAULT_DATABASE, '--database');
  const timeoutMs = (positive(options.timeout, '--timeout', false) ?? DEFAULT_TIMEOUT_S) * 1000;
  const windowMs = (positive(options.window, '--window', false) ?? DEFAULT_WINDOW_SECONDS) * 1000;
  const top = positive(options.top, '--top', true) ?? 5;
  const progress = options.progress === false ? null : queryProgress(ctx.io.stderr);
  const engine = await engineOf(where, options, ctx, timeoutMs);
  let report;
  try {
    report = await fleetReport(engine, { database, scope, windowMs, top, onProgress: progress?.update });
  } finally {
    progress?.clear();
    await engine.close();
  }
  return presentReport(report, options, ctx);
}
