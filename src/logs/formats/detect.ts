/**
 * Format detection, the one place that decides which format reads an input and its lines: the format of an input
 * from its first lines (the candidate that reads most of them, or an nginx log_format inferred from the first
 * line, text or JSON), the role that follows, and the parsers that read the lines its format cannot (mixed files).
 */
import type { FileRole, FormatId } from '../types.ts';
import { inferLogFormat } from './infer-format.ts';
import { inferJsonLogFormat } from './infer-json-format.ts';
import { KIND, type LineParser } from './line-parser.ts';
import { compileLogFormat, type CompiledFormat } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';
import { APP_FORMATS, createParser, isAppFormat, isErrorFormat, logFormatId, PROXY_FORMATS, readsLogFormat, type ParserOptions } from './registry.ts';

const SAMPLE_LINES = 50;

/** Non-empty lines of the peeked head; the last one only when the head holds the whole input. */
function sampleLines(head: Buffer, complete: boolean): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let pos = 0;
  while (pos < head.length && lines.length < SAMPLE_LINES) {
    let nl = head.indexOf(10, pos);
    if (nl < 0 && !complete) break;
    if (nl < 0) nl = head.length;
    const end = nl > pos && head[nl - 1] === 13 ? nl - 1 : nl;
    if (end > pos) lines.push([pos, end]);
    pos = nl + 1;
  }
  return lines;
}

export interface Detection {
  format: FormatId;
  /** For `nginx-custom` and `nginx-json`: the log_format inferred from the lines. */
  custom?: CompiledFormat;
  /**
   * A log_format inferred from the first line that read some sample lines, even when another format read more
   * (an error log with a custom-format access line in it, as `docker logs` interleaves them): a fallback.
   */
  inferred?: CompiledFormat;
  matched: number;
  /** Sample lines that carried something to analyse (an access, proxy-error or app event), not just a known shape. */
  events: number;
  sampled: number;
  /** The sample has error-log lines and no access lines (e.g. a Caddy error log kept in its own file). */
  errorsOnly: boolean;
}

/** 3 points per line read, 2 when an nginx-style format left text over; 0 when the parser reads none. */
function score(parser: LineParser, head: Buffer, text: string, lines: Array<[number, number]>): { score: number; matched: number; events: number; errorsOnly: boolean } {
  if (parser instanceof NginxFormatParser) parser.strict = true;
  let matched = 0;
  let events = 0;
  let points = 0;
  const kinds = new Set<number>();
  for (const [start, end] of lines) {
    const kind = parser.parse(head, text, start, end);
    if (kind === KIND.none) continue;
    kinds.add(kind);
    matched++;
    if (kind === KIND.access || kind === KIND.proxyError || kind === KIND.app) events++;
    points += parser instanceof NginxFormatParser && parser.trailing > 0 ? 2 : 3;
  }
  return { score: points, matched, events, errorsOnly: kinds.has(KIND.proxyError) && !kinds.has(KIND.access) };
}

/**
 * The candidate that reads most sample lines (exact fits of nginx-style formats break ties, and a proxy format
 * beats an app format, which reads any JSON), or, with `infer`, a log_format inferred from the first line when it
 * fits better; null if nothing reads any line.
 */
export function detectFormat(head: Buffer, complete: boolean, candidates: readonly FormatId[], options: ParserOptions, infer = false): Detection | null {
  const lines = sampleLines(head, complete);
  const text = head.toString('latin1');
  let best: Detection | null = null;
  let bestScore = 0;
  /** Keeps the format if it reads the sample best so far; returns how many lines it read. */
  const consider = (format: FormatId, parser: LineParser, custom?: CompiledFormat): number => {
    const result = score(parser, head, text, lines);
    const current = best as Detection | null;
    const beatsApp = result.score === bestScore && current !== null && isAppFormat(current.format) && !isAppFormat(format);
    if (result.score > bestScore || beatsApp) {
      best = { format, custom, matched: result.matched, events: result.events, sampled: lines.length, errorsOnly: result.errorsOnly };
      bestScore = result.score;
    }
    return result.matched;
  };
  for (const format of candidates) consider(format, createParser(format, options));
  const first = lines[0];
  const firstLine = first ? head.toString('utf8', first[0], first[1]) : '';
  const inferred = infer && first ? (inferJsonLogFormat(firstLine) ?? inferLogFormat(firstLine)) : null;
  let readSome: CompiledFormat | undefined;
  if (inferred) {
    const custom = compileLogFormat(inferred);
    const format = logFormatId(custom);
    if (consider(format, new NginxFormatParser(format, custom), custom) > 0) readSome = custom;
  }
  const found = best as Detection | null;
  return found && readSome && !readsLogFormat(found.format) ? { ...found, inferred: readSome } : found;
}

/**
 * The format of an input from its first bytes (`head`, the whole input when `complete`). An `--app` input is one
 * of the app formats; any other is tried with the proxy formats, app JSON and a log_format inferred from its
 * first line, and last as a plain-text app log.
 */
export function detectInput(head: Buffer, complete: boolean, app: boolean, options: ParserOptions): Detection | null {
  if (app) return detectFormat(head, complete, APP_FORMATS, options);
  const detected = detectFormat(head, complete, [...PROXY_FORMATS, 'app-json'], options, true);
  if (detected) return detected;
  // Taken only when some lines carry a request id, a request line or an error, since the plain-text app parser
  // accepts any line as one it has nothing to say about.
  const asApp = detectFormat(head, complete, ['app-text'], options);
  return asApp && asApp.events > 0 ? asApp : null;
}

/** What an input holds: its format's role, or error lines only (`errorsOnly`); for an unread input, what it was given as. */
export function roleOf(format: FormatId | null, errorsOnly: boolean, app: boolean): FileRole {
  if (format === null) return app ? 'app' : 'access';
  if (isAppFormat(format)) return 'app';
  return errorsOnly || isErrorFormat(format) ? 'error' : 'access';
}

/**
 * The parsers of an input: its format's first, then the other formats of its family (app or proxy) for the lines
 * that one cannot read (mixed files, e.g. `docker logs` interleaving access and error lines). The input's own
 * log_format (`options.custom`) also reads lines of a file that detection gave another format.
 */
export function parsersFor(format: FormatId | null, role: FileRole | null, options: ParserOptions): { primary: LineParser; fallbacks: LineParser[] } {
  const family = role === 'app' ? APP_FORMATS : PROXY_FORMATS;
  const primary = format ?? (family[0] as FormatId);
  const own = options.custom ? logFormatId(options.custom) : null;
  const others = own && primary !== own ? [...family, own] : family;
  return { primary: createParser(primary, options), fallbacks: others.filter((f) => f !== primary).map((f) => createParser(f, options)) };
}
