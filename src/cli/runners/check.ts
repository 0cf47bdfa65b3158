/**
 * `httpwhy check URL...` (or `--file LIST`, or stdin for no URL or `-`): redirect chain, timings, TLS,
 * network failure and diagnosis per URL. One URL argument gets the detailed view (or one JSON object);
 * anything else is a bulk run streamed as table lines, NDJSON (--json) or CSV (--csv), with a progress
 * bar on a terminal's stderr. SSRF-safe by default; --allow-private is operator mode and says so.
 * Exit 0 all fine, 1 a problem found (5xx, network failure, refused redirect), 2 bad input.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { setFlagsFromString } from 'node:v8';
import { checkUrl, checkUrls, CSV_HEADER, csvLine, isUrlLine, type BulkRow, type CheckOptions as UrlCheckOptions } from '../../check/index.ts';
import { ERROR_CATALOGUE, HttpwhyError, isHttpwhyError } from '../../errors.ts';
import { messages } from '../../i18n/index.ts';
import type { CheckOptions } from '../commands/check.ts';
import type { CommandContext } from '../context.ts';
import type { CliIo } from '../io.ts';
import { textStyle } from '../output.ts';
import { createProgress, type Progress } from '../progress.ts';
import { renderDetail, renderRow, tableHeader } from './check-text.ts';
import type { Locale } from '../../i18n/index.ts';

type Format = 'text' | 'json' | 'csv';

/** Reads a URL list file; an unreadable file is bad input, reported before any check starts. */
async function openList(file: string, io: CliIo) {
  try {
    return await open(resolve(io.cwd, file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new HttpwhyError('HW_ERR_FILE_UNREADABLE', `The URL list cannot be read (${reason}).`, { file });
  }
}

/** Splits a stream into lines, pulling one chunk at a time (so a slow consumer slows the reading). */
async function* lines(stream: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const parts = (rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split(/\r?\n/);
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

async function* inputs(urls: readonly string[], options: CheckOptions, io: CliIo): AsyncGenerator<string> {
  yield* urls.filter((url) => url !== '-');
  if (options.file) {
    const list = await openList(options.file, io);
    try {
      yield* lines(list.createReadStream({ autoClose: false }));
    } finally {
      await list.close();
    }
  }
  if ((urls.length === 0 && !options.file) || urls.includes('-')) yield* lines(io.stdin);
}

/** URLs in the list file, counted up front so the progress bar can show a total. */
async function countList(file: string, io: CliIo): Promise<number> {
  const list = await openList(file, io);
  let count = 0;
  try {
    for await (const line of lines(list.createReadStream({ autoClose: false }))) if (isUrlLine(line)) count++;
  } finally {
    await list.close();
  }
  return count;
}

function checkOptions(options: CheckOptions, locale: Locale): UrlCheckOptions {
  const timeouts = options.timeout === undefined ? undefined : { total: Math.round(options.timeout * 1000) };
  return { allowPrivate: options.allowPrivate === true, locale, timeouts };
}

/** A refused private address, with the hint that the CLI's operator may check it. */
function withPrivateHint(error: unknown, options: CheckOptions, locale: Locale): unknown {
  if (!isHttpwhyError(error) || error.code !== 'HW_ERR_CHECK_SSRF_BLOCKED' || options.allowPrivate) return error;
  return new HttpwhyError(error.code, `${error.message} ${messages(locale).check.privateHint}`, error.details);
}

async function checkOne(url: string, options: CheckOptions, format: Format, { io, out, locale, width }: CommandContext): Promise<number> {
  const m = messages(locale).check;
  const result = await checkUrl(url, checkOptions(options, locale)).catch((error: unknown) => {
    throw withPrivateHint(error, options, locale);
  });
  if (format === 'json') out.json(result);
  else if (format === 'csv') io.stdout.write(CSV_HEADER + csvLine({ index: 1, input: url, attempts: 1, result, error: null }));
  else io.stdout.write(renderDetail(result, m, textStyle(out, width)));
  return result.problem ? 1 : 0;
}

function rowExit(row: BulkRow): number {
  if (row.error) return ERROR_CATALOGUE[row.error.code].exit;
  return row.result?.problem ? 1 : 0;
}

/**
 * V8 sizes the young generation from the machine's memory (about 130 MB on a 24 GB host) and a long
 * bulk run, which allocates fast and keeps sockets alive across scavenges, grows it to that maximum.
 * Keeping it at its initial size holds a 10,000-URL run near 160 MB instead of 260 MB for a few percent
 * more CPU. This is a tuning flag read when the space would grow, and only this CLI process gets it.
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

async function checkMany(urls: readonly string[], options: CheckOptions, format: Format, { io, out, locale }: CommandContext): Promise<number> {
  keepYoungGenerationSmall();
  const m = messages(locale).check;
  const columns = messages(locale).cli.checkColumns;
  const showProgress = options.progress !== false && io.stderr.isTTY === true;
  const total = showProgress && options.file && !urls.includes('-') ? urls.length + (await countList(options.file, io)) : null;
  const progress: Progress | null = showProgress ? createProgress(io.stderr, total) : null;
  const write = (text: string) => {
    progress?.clear();
    io.stdout.write(text);
  };
  const started = performance.now();
  let checked = 0;
  let problems = 0;
  let refused = 0;
  let blocked = false;
  let exit = 0;
  if (format === 'csv') write(CSV_HEADER);
  if (format === 'text') write(`${out.style('bold', tableHeader(columns))}\n`);
  const bulk = { ...checkOptions(options, locale), concurrency: options.concurrency, perHost: options.perHost, retries: options.retries };
  for await (const row of checkUrls(inputs(urls, options, io), bulk)) {
    checked++;
    if (row.error) refused++;
    if (row.error?.code === 'HW_ERR_CHECK_SSRF_BLOCKED') blocked = true;
    else if (row.result?.problem) problems++;
    exit = Math.max(exit, rowExit(row));
    if (format === 'json') write(`${JSON.stringify(row)}\n`);
    else if (format === 'csv') write(csvLine(row));
    else write(`${renderRow(row, m, columns, out)}\n`);
    progress?.update(checked, problems + refused);
  }
  progress?.clear();
  if (checked === 0) throw new HttpwhyError('HW_ERR_CHECK_NO_INPUT', 'No URL to check: give URLs, --file LIST, or one URL per line on stdin.');
  const perSecond = Math.round(checked / Math.max((performance.now() - started) / 1000, 0.001));
  if (format === 'text' || showProgress) io.stderr.write(`${m.summary(checked, problems, refused, perSecond)}\n`);
  if (blocked && !options.allowPrivate) io.stderr.write(`httpwhy: ${m.privateHint}\n`);
  return exit;
}

export async function runCheck([urls]: [urls: string[]], options: CheckOptions, ctx: CommandContext): Promise<number> {
  if (ctx.json && options.csv) throw new HttpwhyError('HW_ERR_CLI_USAGE', 'Choose one of --json and --csv.');
  const format: Format = ctx.json ? 'json' : options.csv ? 'csv' : 'text';
  if (options.allowPrivate) ctx.io.stderr.write(`httpwhy: ${messages(ctx.locale).check.operatorMode}\n`);
  const single = urls.length === 1 && urls[0] !== '-' && !options.file;
  return single ? checkOne(urls[0] as string, options, format, ctx) : checkMany(urls, options, format, ctx);
}
