/**
 * Runs one analysis over proxy and app logs: checks and opens every input, detects each format, then streams
 * error logs, access logs and app logs in that order (so error events are indexed before the access lines
 * that link to them, and access entries wait for app lines), and returns the report.
 */
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { assertCodeGeneration } from '../code-generation.ts';
import { HttpwhyError } from '../errors.ts';
import { Analysis, DEFAULT_WINDOW_SECONDS, type AnalysisTap, type LogWriter, type VerdictEvent } from './analysis/index.ts';
import { FileSink } from './file-sink.ts';
import { formatMismatch } from './format-mismatch.ts';
import { detectInput, detectWrappers, hasAppLines, isAppFormat, parsersFor, parseTimeZone, readsLogFormat, resolveFormat, roleOf, type CompiledFormat, type ParserOptions } from './formats/index.ts';
import { checkReadable, FileStats, FollowedFile, headLines, LineSplitter, openInput, type OpenedInput } from './input/index.ts';
import { liveCounts, type LiveCounts } from './live-counts.ts';
import { buildReport, type LogReport } from './report/index.ts';
import type { FileRole, FormatId } from './types.ts';

/** What {@link analyzeLogs} reads and how: the files, the app logs to join, formats (detected when absent), the time zone. */
export interface AnalyzeOptions {
  /** Proxy / web-server logs; `-` is stdin. An app log given here is recognised and used as one. */
  files: string[];
  /** Application logs. */
  appFiles?: string[];
  /** Format of `files`: a format id or an nginx `log_format` string. Detected per file when absent. */
  format?: string;
  /**
   * Who wrote `files`, when the user knows: `app` for an application server's own access log (gunicorn, morgan,
   * Tomcat's AccessLogValve), whose 5xx are then the application's where no field says otherwise.
   */
  writtenBy?: LogWriter;
  /** Format of `appFiles`: `app-json` or `app-text`. Detected per file when absent. */
  appFormat?: string;
  /** JSON app logs: field holding the request id (dots for nesting). */
  requestIdField?: string;
  /** JSON app logs: field holding the message. */
  messageField?: string;
  /** Text app logs: regular expression whose first group is the request id. */
  idPattern?: string;
  /** Zone of times logged without one: an IANA name or `±HH:MM` (HAProxy defaults to this machine's zone). */
  timeZone?: string;
  /** Time-window join: seconds either side (default 2). */
  windowSeconds?: number;
  /** Rows in top-N tables (default 5). */
  top?: number;
  cwd: string;
  stdin: Readable;
  /**
   * How long to wait for more of a stream's first bytes before detecting its format from what came. Unset: until
   * 64 KiB or the end. Follow mode sets it, since a live pipe may pause for as long as it likes.
   */
  headWaitMs?: number;
  /** Called at most every 200 ms while reading. */
  onProgress?: (progress: Progress) => void;
}

/** How far an analysis has read, for a progress bar. */
export interface Progress {
  bytes: number;
  totalBytes: number;
  lines: number;
  elapsedMs: number;
}

function parserOptions(options: AnalyzeOptions, forced: Pick<ParserOptions, 'custom' | 'haproxy'> | null): ParserOptions {
  let idPattern: RegExp | undefined;
  if (options.idPattern !== undefined) {
    try {
      idPattern = new RegExp(options.idPattern);
    } catch (error) {
      throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `--id-pattern is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const timeZone = options.timeZone === undefined ? undefined : parseTimeZone(options.timeZone);
  return { appFields: { requestId: options.requestIdField, message: options.messageField }, idPattern, custom: forced?.custom, haproxy: forced?.haproxy, timeZone };
}

function validate(options: AnalyzeOptions): void {
  const all = [...options.files, ...(options.appFiles ?? [])];
  if (options.files.length === 0) throw new HttpwhyError('HW_ERR_LOGS_NO_INPUT', 'Give at least one log file (or - for stdin).');
  if (all.filter((f) => f === '-').length > 1) throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', 'Standard input (-) can be read only once.');
  if (options.windowSeconds !== undefined && !(options.windowSeconds > 0)) {
    throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', '--window must be a positive number of seconds.');
  }
  if (options.appFormat !== undefined && !isAppFormat(resolveFormat(options.appFormat).format)) {
    throw new HttpwhyError('HW_ERR_LOGS_UNKNOWN_FORMAT', `--app-format must be app-json or app-text, not "${options.appFormat}".`);
  }
}

const ROLE_ORDER: Record<FileRole, number> = { error: 0, access: 1, app: 2 };

interface Input {
  stats: FileStats;
  /** Given with --app. */
  app: boolean;
  /** The file's own compiled log_format (inferred), else the one given with --format. */
  custom: CompiledFormat | undefined;
  opened: OpenedInput | null;
  splitter: LineSplitter | null;
  /** Absolute path of an uncompressed regular file (can be followed), else null. */
  path: string | null;
  /** Follow mode: the file being followed, once the first pass has read it. */
  follower: FollowedFile | null;
  /** Bytes read from disk so far. */
  offset: number;
}

/** Opens one input and settles its format (given or detected) and role; a failure is recorded, not thrown. */
async function openAndDetect(
  name: string,
  app: boolean,
  explicit: FormatId | null,
  custom: CompiledFormat | undefined,
  options: AnalyzeOptions,
  parsing: ParserOptions,
): Promise<Input> {
  const stats = new FileStats(name);
  const input: Input = { stats, app, custom, opened: null, splitter: null, path: null, follower: null, offset: 0 };
  let errorsOnly = false;
  try {
    const opened = await openInput(name, options.cwd, options.stdin, (n) => (input.offset += n), options.headWaitMs);
    input.opened = opened;
    stats.gzip = opened.gzip;
    stats.document = opened.document;
    stats.firstLines = headLines(opened.head, opened.complete);
    if (name !== '-' && !opened.gzip && !opened.document) input.path = resolve(options.cwd, name);
    const detected = explicit ? null : detectInput(opened.head, opened.complete, app, parsing);
    errorsOnly = detected?.errorsOnly ?? false;
    stats.detected = explicit === null;
    stats.sample = detected ? { matched: detected.matched, sampled: detected.sampled } : null;
    stats.format = explicit ?? detected?.format ?? null;
    stats.wrappers = detected?.wrappers ?? (explicit ? detectWrappers(opened.head, opened.complete, explicit, parsing) : []);
    input.custom = detected?.custom ?? detected?.inferred ?? custom;
    stats.logFormat = stats.format !== null && readsLogFormat(stats.format) ? (input.custom?.source ?? null) : stats.format === 'haproxy' ? (parsing.haproxy?.source ?? null) : null;
  } catch (error) {
    stats.error = (error as Error).message;
  }
  stats.role = roleOf(stats.format, errorsOnly, app);
  return input;
}

/**
 * One analysis over a set of inputs. `open` checks, opens and detects; `read` streams everything once;
 * `readAppended` reads what was appended to regular files since (follow mode); `report` builds the report.
 */
export class LogSession {
  readonly analysis: Analysis;
  private readonly inputs: Input[];
  private readonly options: AnalyzeOptions;
  private readonly parsing: ParserOptions;
  private readonly started = Date.now();
  private readonly totalBytes: number;
  private lastProgress = 0;
  private closed = false;

  private constructor(options: AnalyzeOptions, parsing: ParserOptions, inputs: Input[], totalBytes: number, tap: AnalysisTap | null) {
    this.options = options;
    this.parsing = parsing;
    this.inputs = inputs;
    this.totalBytes = totalBytes;
    const opened = inputs.filter((i) => i.opened);
    const inStream = opened.some((i) => i.stats.format !== null && hasAppLines(i.stats.format));
    this.analysis = new Analysis(
      inStream ? 'in-stream' : opened.some((i) => i.stats.role === 'app') ? 'own-files' : 'none',
      (options.windowSeconds ?? DEFAULT_WINDOW_SECONDS) * 1000,
      tap,
      options.writtenBy ?? null,
    );
  }

  /** `tap` sees every entry and event as it is read (rows for the fleet domain). */
  static async open(options: AnalyzeOptions, tap: AnalysisTap | null = null): Promise<LogSession> {
    validate(options);
    assertCodeGeneration('httpwhy logs (one function per nginx log_format)');
    const forced = options.format === undefined ? null : resolveFormat(options.format);
    const forcedApp = options.appFormat === undefined ? null : resolveFormat(options.appFormat).format;
    const parsing = parserOptions(options, forced);
    const specs = [...options.files.map((name) => ({ name, app: false })), ...(options.appFiles ?? []).map((name) => ({ name, app: true }))];
    const sizes = await Promise.all(specs.map((s) => checkReadable(s.name, options.cwd)));
    const inputs: Input[] = [];
    for (const spec of specs) {
      const explicit = spec.app ? forcedApp : (forced?.format ?? null);
      inputs.push(await openAndDetect(spec.name, spec.app, explicit, forced?.custom, options, parsing));
    }
    // App logs on their own: the lines the app wrote for each request it answered are the requests.
    const appRequests = inputs.every((i) => i.stats.role !== 'access');
    return new LogSession(options, { ...parsing, appRequests }, inputs, sizes.reduce((a, b) => a + b, 0), tap);
  }

  private splitterFor(input: Input): LineSplitter {
    if (input.splitter) return input.splitter;
    const { primary, fallbacks } = parsersFor(input.stats.format, input.stats.role, { ...this.parsing, custom: input.custom }, input.stats.wrappers);
    input.splitter = new LineSplitter(new FileSink(input.stats, primary, fallbacks, this.analysis));
    return input.splitter;
  }

  private async consume(input: Input, chunks: AsyncIterable<Buffer>): Promise<void> {
    try {
      for await (const chunk of chunks) {
        // A followed stdin is still being read when the session closes: what comes after belongs to no report.
        if (this.closed) break;
        // Looked up per chunk: a rotated or truncated file gets a new splitter (its lines count from 1 again).
        this.splitterFor(input).push(chunk);
        this.reportProgress();
      }
    } catch (error) {
      input.stats.error = (error as Error).message;
    }
  }

  private reportProgress(): void {
    const now = Date.now();
    if (!this.options.onProgress || now - this.lastProgress < 200) return;
    this.lastProgress = now;
    const lines = this.inputs.reduce((sum, i) => sum + (i.splitter?.lines ?? 0), 0);
    const bytes = this.inputs.reduce((sum, i) => sum + i.offset, 0);
    this.options.onProgress({ bytes, totalBytes: this.totalBytes, lines, elapsedMs: now - this.started });
  }

  /**
   * Streams every input once, error logs first, then access logs, then app logs. With `keepTail`, a last
   * line without a terminator in a followable file waits for more bytes instead of being counted now.
   */
  async read(keepTail = false): Promise<void> {
    const byRole = this.inputs.toSorted((a, b) => ROLE_ORDER[a.stats.role ?? 'access'] - ROLE_ORDER[b.stats.role ?? 'access']);
    for (const input of byRole) {
      if (!input.opened) continue;
      if (keepTail && input.opened.file === null) {
        // A followed stdin may never end: it is read alongside the files, which otherwise would never be reached.
        void this.consume(input, input.opened.chunks);
        continue;
      }
      await this.consume(input, input.opened.chunks);
      this.analysis.inputRead();
      const file = input.opened.file;
      if (keepTail && input.path && file) {
        input.follower = new FollowedFile(input.path, file, input.offset, (n) => (input.offset += n));
      } else {
        input.splitter?.end();
        await file?.close();
      }
    }
    if (!keepTail) this.checkForcedFormats();
  }

  /** A format forced with --format or --app-format that reads no line of an input is bad input (HW_ERR_LOGS_FORMAT_MISMATCH). */
  private checkForcedFormats(): void {
    for (const input of this.inputs) {
      const { stats, opened } = input;
      if (stats.detected || stats.format === null || !opened) continue;
      const flag = input.app ? '--app-format' : '--format';
      const logFormat = input.app ? undefined : (stats.logFormat ?? undefined);
      const mismatch = formatMismatch(stats, stats.format, { head: opened.head, complete: opened.complete, app: input.app, flag, logFormat }, this.parsing);
      if (mismatch) throw mismatch;
    }
  }

  /**
   * Follow mode: reads what was added to followed files since the last read. A rotated file is read to its
   * end and the new one from its start; a truncated one from its start.
   */
  async readAppended(): Promise<void> {
    for (const input of this.inputs) {
      if (!input.follower) continue;
      const restart = (): void => {
        input.splitter?.end();
        input.splitter = null;
      };
      await this.consume(input, input.follower.read(restart));
    }
    this.analysis.inputPaused();
  }

  /** Ends every input (counting last lines without a terminator) and closes followed files. */
  async close(): Promise<void> {
    this.closed = true;
    for (const input of this.inputs) {
      input.splitter?.end();
      await input.follower?.close();
      input.follower = null;
    }
  }

  /** Calls `listener` with every verdict from now on (follow mode's metrics). */
  onVerdict(listener: (verdict: VerdictEvent) => void): void {
    this.analysis.onVerdict = listener;
  }

  /** Requests and lines read so far, without building a report. */
  counts(): LiveCounts {
    return liveCounts(this.analysis, this.inputs.map((i) => i.stats));
  }

  report(): LogReport {
    return buildReport(this.analysis, this.inputs.map((i) => i.stats), { top: this.options.top ?? 5 });
  }
}

/** One batch analysis: open, read everything, classify, report. */
export async function analyzeLogs(options: AnalyzeOptions): Promise<LogReport> {
  const session = await LogSession.open(options);
  await session.read();
  session.analysis.settle();
  return session.report();
}
