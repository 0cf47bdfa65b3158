/**
 * `httpwhy logs FILE... [--app APPLOG...]`: who issued every 5xx, 499 and 009 in proxy logs, and why.
 * Terminal summary on stdout (or `--json`), optional `--html FILE`, progress bar on a TTY stderr, `-f` to follow.
 * Exit 1 when a --fail-on threshold is crossed or no request was read from any file; 2 for bad input.
 *
 * Wiring (commander), one line per option:
 *   .command('logs').argument('<files...>', 'proxy or web-server logs; - for stdin; .gz is read directly')
 *   .option('--app <files...>', 'application logs to join (JSON lines or text with request ids)')
 *   .option('--format <format>', 'format of FILES: combined, common, nginx-main, ingress-nginx, traefik-clf, nginx-error,
 *            apache-error, haproxy, alb, envoy, caddy, traefik-json, or an nginx log_format string (detected when absent)')
 *   .option('--app-format <format>', 'app-json or app-text (detected when absent)')
 *   .option('--request-id-field <field>', 'JSON app logs: field with the request id, dots for nesting (detected when absent)')
 *   .option('--message-field <field>', 'JSON app logs: field with the message (detected when absent)')
 *   .option('--id-pattern <regex>', 'text app logs: regex whose first group is the request id')
 *   .option('--tz <zone>', 'zone of times logged without one (HAProxy; app logs): IANA name or ±HH:MM (default: this machine's)')
 *   .option('--window <seconds>', 'time window for joining by time and path (default 2)')
 *   .option('--top <n>', 'rows in top tables (default 5)')
 *   .option('--html <file>', 'also write a self-contained HTML report')
 *   .option('--fail-on <expr>', 'exit 1 when a threshold is crossed: proxy-issued>0, 5xx-rate>1%, … (comma-separated)')
 *   .option('-f, --follow', 'keep reading growing files and stdin, refreshing the summary (Ctrl-C to stop)')
 *   .option('--no-progress', 'no progress bar on stderr')
 *   global: --json, --lang
 *   .action(async (files, opts, cmd) => setExit(await runLogs(files, { ...opts, ...cmd.optsWithGlobals() }, io)))
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HttpwhyError } from '../../errors.ts';
import { parseLocale } from '../../i18n/index.ts';
import {
  crossedThresholds,
  followLogs,
  LogSession,
  logsText,
  parseFailOn,
  progressBar,
  renderHtml,
  renderText,
  type AnalyzeOptions,
  type LogReport,
  type LogsText,
} from '../../logs/index.ts';
import type { CliIo } from '../io.ts';

/** Follow mode: a pipe that pauses this long has sent all it has for now; detect its format from that. */
const FOLLOW_HEAD_WAIT_MS = 500;

export interface LogsCommandOptions {
  /** `--app FILE...`: application logs. */
  app?: string[];
  /** `--format`: format id or nginx log_format string for the positional files. */
  format?: string;
  /** `--app-format`: app-json or app-text. */
  appFormat?: string;
  /** `--request-id-field`: JSON app logs, request id field (dots for nesting). */
  requestIdField?: string;
  /** `--message-field`: JSON app logs, message field. */
  messageField?: string;
  /** `--id-pattern`: text app logs, regex with the request id as first group. */
  idPattern?: string;
  /** `--tz`: zone of times logged without one, an IANA name or `±HH:MM` (HAProxy defaults to this machine's). */
  tz?: string;
  /** `--window`: seconds either side for the time-window join (commander passes a string). */
  window?: string | number;
  /** `--top`: rows in top-N tables. */
  top?: string | number;
  /** `--json`: the report as JSON on stdout (NDJSON snapshots with --follow). */
  json?: boolean;
  /** `--fail-on`: thresholds that make the exit code 1, e.g. `proxy-issued>0,5xx-rate>1%`. */
  failOn?: string;
  /** `--html FILE`: also write the self-contained HTML report. */
  html?: string;
  /** `--lang`: en or id (default $HTTPWHY_LANG, then en). */
  lang?: string;
  /** `-f`, `--follow`: keep reading; stops on SIGINT (or `signal`). */
  follow?: boolean;
  /** `--no-progress` sets this to false. */
  progress?: boolean;
  /** Follow mode: snapshot interval in ms (default 2000). */
  intervalMs?: number;
  /** Stops follow mode; when absent, SIGINT does. For tests and embedding, not a CLI flag. */
  signal?: AbortSignal;
}

function positive(value: string | number | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${value}".`);
  }
  return n;
}

async function writeHtml(file: string, report: LogReport, text: LogsText, io: CliIo): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, file), renderHtml(report, text));
  } catch (error) {
    throw new HttpwhyError('HW_ERR_LOGS_OUTPUT_UNWRITABLE', `Cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file });
  }
}

function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', stop) };
}

export async function runLogs(files: string[], options: LogsCommandOptions, io: CliIo): Promise<number> {
  const text = logsText(parseLocale(options.lang ?? io.env.HTTPWHY_LANG));
  const thresholds = options.failOn === undefined ? [] : parseFailOn(options.failOn);
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
    const own = options.signal ? null : interruptSignal();
    const show = (r: LogReport): void => {
      bar?.clear();
      if (options.json) io.stdout.write(`${JSON.stringify(r)}\n`);
      else io.stdout.write(`${io.stdout.isTTY ? '\u001b[H\u001b[2J' : '\n'}${renderText(r, text)}`);
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
  if (options.html) await writeHtml(options.html, report, text, io);
  io.stdout.write(options.json ? `${JSON.stringify(report, null, options.follow ? undefined : 2)}\n` : renderText(report, text));
  // A log nobody read is never a pass: the report says why, and no threshold can be checked against it.
  if (report.noRequests) {
    if (options.json) io.stderr.write(`${text.ui.noRequests}\n`);
    if (thresholds.length > 0) io.stderr.write(`${text.ui.failOnNoRequests}\n`);
    return 1;
  }
  const crossed = crossedThresholds(report, thresholds);
  for (const c of crossed) io.stderr.write(`${text.ui.failOnCrossed}: ${c.threshold.text} (${c.threshold.metric} = ${c.actual}${c.threshold.rate ? '%' : ''})\n`);
  return crossed.length > 0 ? 1 : 0;
}
