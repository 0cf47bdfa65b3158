/**
 * Format detection, the one place that decides which format reads an input and its lines: the format of an input
 * from its first lines (the candidate that reads most of them, or an nginx log_format inferred from the first
 * line that has the shape of one, text or JSON), the wrappers around its lines, the role that follows, and the parsers that read the lines its
 * format cannot (mixed files). Wrappers and format are decided together: a line may begin with a time that is a
 * wrapper's (`kubectl logs --timestamps`) or the format's own first field, and only reading the sample both ways tells.
 */
import type { FileRole, FormatId, WrapperId } from '../types.ts';
import { ChangedJsonFormatParser } from './changed-json-format.ts';
import { inferLogFormat } from './infer-format.ts';
import { inferJsonLogFormat } from './infer-json-format.ts';
import { inferKeyedLogFormat } from './infer-keyed-format.ts';
import { KIND, type LineParser } from './line-parser.ts';
import { compileLogFormat, type CompiledFormat } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';
import { NginxVariantsParser } from './nginx-variants.ts';
import { rejoinedSample } from './broken-sample.ts';
import { APP_FORMATS, createParser, hasAppLines, isAppFormat, isErrorFormat, isMarkedIn, logFormatId, PROXY_FORMATS, readsLogFormat, readsOthersLines, type ParserOptions } from './registry.ts';
import { UnwrappingParser } from './unwrapping-parser.ts';
import { isLooseChain, Unwrapper, unwrapSample, wrapperChain, type LineView } from './wrappers/index.ts';

const SAMPLE_LINES = 50;
/** Lines of the peeked head searched for a proxy's lines when its first ones read as an app's or as nothing. */
const WIDE_SAMPLE_LINES = 2000;

/** Non-empty lines of the peeked head; the last one only when the head holds the whole input. */
export function sampleLines(head: Buffer, complete: boolean, max = SAMPLE_LINES): LineView[] {
  const text = head.toString('latin1');
  const lines: LineView[] = [];
  let pos = 0;
  while (pos < head.length && lines.length < max) {
    let nl = head.indexOf(10, pos);
    if (nl < 0 && !complete) break;
    if (nl < 0) nl = head.length;
    const end = nl > pos && head[nl - 1] === 13 ? nl - 1 : nl;
    if (end > pos) lines.push({ buf: head, text, start: pos, end });
    pos = nl + 1;
  }
  return lines;
}

export interface Detection {
  format: FormatId;
  /** For `nginx-custom` and `nginx-json`: the log_format inferred from the lines. */
  custom?: CompiledFormat;
  /**
   * A log_format inferred from a sample line that read some sample lines, even when another format read more (an
   * error log with a custom-format access line in it, as `docker logs` interleaves them): a fallback.
   */
  inferred?: CompiledFormat;
  matched: number;
  /** Sample lines that carried something to analyse (an access, proxy-error or app event), not just a known shape. */
  events: number;
  sampled: number;
  /** The sample has error-log lines and no access lines (e.g. a Caddy error log kept in its own file). */
  errorsOnly: boolean;
  /** 3 points per sample line read, 2 when an nginx-style format left text over. */
  score: number;
  /** The wrappers around the lines, outermost first; empty for bare lines. */
  wrappers: readonly WrapperId[];
}

/** 3 points per line read, 2 when an nginx-style format left text over; 0 when the parser reads none. */
function score(parser: LineParser, lines: readonly LineView[]): { score: number; matched: number; events: number; accesses: number; errorsOnly: boolean } {
  const fieldChecking = parser instanceof NginxFormatParser || parser instanceof NginxVariantsParser ? parser : null;
  if (fieldChecking) fieldChecking.strict = true;
  let matched = 0;
  let events = 0;
  let accesses = 0;
  let points = 0;
  const kinds = new Set<number>();
  for (const { buf, text, start, end } of lines) {
    const kind = parser.parse(buf, text, start, end);
    if (kind === KIND.none) continue;
    kinds.add(kind);
    matched++;
    if (kind === KIND.access || kind === KIND.proxyError || kind === KIND.app) events++;
    if (kind === KIND.access) accesses++;
    points += fieldChecking && fieldChecking.trailing > 0 ? 2 : 3;
  }
  return { score: points, matched, events, accesses, errorsOnly: kinds.has(KIND.proxyError) && !kinds.has(KIND.access) };
}

/**
 * Share of the sample a proxy format must read as requests to beat an app format that reads more of it: a platform's
 * export mixes its request entries with the app's own JSON lines (Cloud Run's request log beside the container's
 * stdout), which the app reader, taking any JSON, always reads more of.
 */
const MIXED_STREAM_SHARE = 1 / 3;

/**
 * The candidate that reads most sample lines (exact fits of nginx-style formats break ties, and a proxy format
 * beats an app format, which reads any JSON), or, with `infer`, a log_format inferred from a sample line when it
 * fits better; null if nothing reads any line.
 */
export function detectFormat(lines: readonly LineView[], candidates: readonly FormatId[], options: ParserOptions, infer = false): Detection | null {
  let best: Detection | null = null;
  let bestScore = 0;
  // The best is a proxy format that reads a share of the lines as requests: no app format, reading more, replaces it.
  let heldByRequests = false;
  /** Keeps the format if it reads the sample best so far; returns how many lines it read. */
  const consider = (format: FormatId, parser: LineParser, custom?: CompiledFormat): number => {
    const result = score(parser, lines);
    const current = best as Detection | null;
    const app = isAppFormat(format);
    // A log_format inferred from a line reads any JSON with a status key: it has no hold of its own.
    const requests = !app && !custom && result.accesses >= lines.length * MIXED_STREAM_SHARE;
    const overApp = !app && current !== null && isAppFormat(current.format) && (result.score === bestScore || requests);
    // Between two proxy formats, one that reads something to analyse beats one whose lines carry nothing, whatever
    // their numbers (Envoy's own start-up and config lines beside the JSON access lines of its sidecar).
    const eventsDecide = !app && current !== null && !isAppFormat(current.format) && result.events > 0 !== current.events > 0;
    const better = eventsDecide ? result.events > 0 : result.score > bestScore || overApp;
    if (!(app && heldByRequests) && better) {
      best = { format, custom, matched: result.matched, events: result.events, sampled: lines.length, errorsOnly: result.errorsOnly, score: result.score, wrappers: [] };
      bestScore = result.score;
      heldByRequests = requests;
    }
    return result.matched;
  };
  let texts: string[] | null = null;
  const sampleTexts = () => (texts ??= lines.map(({ buf, start, end }) => buf.toString('utf8', start, end)));
  for (const format of candidates) if (isMarkedIn(format, sampleTexts)) consider(format, createParser(format, options));
  const inferred = infer ? inferFromSample(lines) : null;
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
 * A log_format inferred from the first sample line that has the shape of one (JSON, a CLF start with more fields,
 * or labelled fields): a container's log often opens with start-up notices before its first access line.
 */
function inferFromSample(lines: readonly LineView[]): string | null {
  for (const { buf, start, end } of lines) {
    const line = buf.toString('utf8', start, end);
    const inferred = inferJsonLogFormat(line) ?? inferLogFormat(line) ?? inferKeyedLogFormat(line);
    if (inferred) return inferred;
  }
  return null;
}

/** The format of an input's sample lines: see `detectInput`. */
function detectLines(lines: readonly LineView[], app: boolean, options: ParserOptions): Detection | null {
  if (app) return detectFormat(lines, APP_FORMATS, options);
  const detected = detectFormat(lines, [...PROXY_FORMATS, 'app-json'], options, true);
  if (detected && !detected.custom) return detected;
  // Taken only when some lines carry a request id, a request line or an error, since the plain-text app parser
  // accepts any line as one it has nothing to say about. A log_format inferred from one line yields to it when that
  // format reads few of the lines and the app's text holds well over as many requests and errors: an app server's
  // request lines among its app's logger lines, one of which has labelled fields (`rid=… method=GET status_code=401`).
  const asApp = detectFormat(lines, ['app-text'], options);
  if (detected) {
    const few = detected.matched < detected.sampled * MIXED_STREAM_SHARE;
    return few && asApp && asApp.events > 2 * detected.matched ? asApp : detected;
  }
  return asApp && asApp.events > 0 ? asApp : null;
}

/**
 * Whether reading `a` beats `b`: a proxy format over the app formats, which read any text or any JSON (a docker
 * json-file record too), then more points. On a tie `a`, which strips more wrappers, wins, unless those are all loose.
 */
function beats(a: Detection, b: Detection | null, loose: boolean): boolean {
  if (!b) return true;
  const appA = isAppFormat(a.format);
  if (appA !== isAppFormat(b.format)) return !appA;
  if (a.score !== b.score) return a.score > b.score;
  return !loose;
}

/** The best reading of the sample: bare, or inside each depth of the wrappers its lines carry. */
function bestReading(sample: readonly LineView[], detect: (lines: readonly LineView[]) => Detection | null): Detection | null {
  const chain = wrapperChain(sample);
  let best = detect(sample);
  let depth = 0;
  for (let d = 1; d <= chain.length; d++) {
    const found = detect(unwrapSample(sample, chain.slice(0, d)));
    if (found && beats(found, best, isLooseChain(chain.slice(depth, d)))) {
      best = { ...found, wrappers: chain.slice(0, d) };
      depth = d;
    }
  }
  return best;
}

/**
 * The format of an input from its first bytes (`head`, the whole input when `complete`), and the wrappers around
 * its lines. An `--app` input is one of the app formats; any other is tried with the proxy formats, app JSON and a
 * log_format inferred from its first line of that shape, and last as a plain-text app log.
 */
export function detectInput(head: Buffer, complete: boolean, app: boolean, options: ParserOptions): Detection | null {
  const sample = sampleLines(head, complete);
  const found = bestReading(sample, (lines) => detectLines(lines, app, options));
  if (app) return found;
  const detected = brokenEntries(platformStream(found, sample, options), sample, options) ?? wrappedText(sample, options);
  if (detected && !isAppFormat(detected.format)) return detected;
  // Lines further into the head than the sample: a proxy's where the sample read as an app's text or as nothing (a
  // `docker compose up` log opens with other services' start-up output, a plugin build's shell trace); an app's
  // request or error lines where it read as nothing (a Gin server's debug banner and route list, `[GIN-debug] GET
  // /ping --> …`, fill its first lines before the first request).
  const wide = sampleLines(head, complete, WIDE_SAMPLE_LINES);
  if (wide.length <= sample.length) return detected;
  return laterLines(wide, PROXY_FORMATS, options) ?? detected ?? laterLines(wide, ['app-text'], options);
}

/** The best reading of the wide sample among `candidates`, taken when its lines carry something to analyse. */
function laterLines(wide: readonly LineView[], candidates: readonly FormatId[], options: ParserOptions): Detection | null {
  const found = bestReading(wide, (lines) => detectFormat(lines, candidates, options));
  return found && found.events > 0 ? found : null;
}

/**
 * A proxy's entries broken over lines, where whole lines read as no proxy's (broken-sample.ts), bare or inside the
 * wrappers the lines carry: a wrapper prefixes only the first piece of an entry a paste broke (a compose or journald
 * prefix, then the rest of a JSON record on the next line).
 */
function brokenEntries(found: Detection | null, sample: readonly LineView[], options: ParserOptions): Detection | null {
  if (found && !isAppFormat(found.format)) return found;
  const chain = wrapperChain(sample);
  for (let depth = 0; depth <= chain.length; depth++) {
    const wrappers = chain.slice(0, depth);
    const rejoined = rejoinedSample(depth === 0 ? sample : unwrapSample(sample, wrappers), options);
    const proxy = rejoined ? detectFormat(rejoined, PROXY_FORMATS, options) : null;
    if (proxy && proxy.events > 0) return { ...proxy, sampled: sample.length, wrappers };
  }
  return found;
}

/**
 * Wrappers that name a platform's one log stream, and the format of its router's lines: a `heroku logs` (or `cf logs`)
 * file whose first lines are all the app's (start-up output) still has the router's lines further on, read with the
 * app's. Where the sample reads as a proxy's lines inside the stream (the nginx or Apache a PHP buildpack runs in the
 * dyno, logging each request the router logs too), the router's lines, when the sample holds some, are the requests
 * and the dyno's are the app's.
 */
const STREAM_FORMATS: Partial<Record<WrapperId, FormatId>> = { heroku: 'heroku-router', 'cf-logs': 'gorouter' };

function platformStream(found: Detection | null, sample: readonly LineView[], options: ParserOptions): Detection | null {
  const chain = found?.wrappers ?? wrapperChain(sample);
  const at = chain.findIndex((id) => STREAM_FORMATS[id] !== undefined);
  const format = at < 0 ? undefined : STREAM_FORMATS[chain[at] as WrapperId];
  if (!format || found?.format === format) return found;
  const wrappers = chain.slice(0, at + 1);
  const stream: Detection = { format, matched: 0, events: 0, sampled: sample.length, errorsOnly: false, score: 0, wrappers };
  if (!found || isAppFormat(found.format)) return stream;
  const router = detectFormat(unwrapSample(sample, wrappers), [format], options);
  return router && router.events > 0 ? { ...router, sampled: sample.length, wrappers } : found;
}

const CONTAINER_WRAPPERS: ReadonlySet<WrapperId> = new Set(['docker-json', 'cri', 'compose', 'kubectl-prefix', 'docker-details']);

/** Share of the sample a container wrapper must hold for its lines to be taken as the app's text. */
const WRAPPED_TEXT_SHARE = 0.8;

/**
 * Lines that compose, CRI or docker wrapped but no format reads, with nothing a text app log shows either (start-up
 * notices, prints): the app's own text, labelled so, with no request to count. The report still says no request
 * was read; it no longer calls the file unreadable when only its lines' meaning is unknown.
 */
function wrappedText(sample: readonly LineView[], options: ParserOptions): Detection | null {
  // A loose wrapper inside (grep's `1:`) would be the text's own words here (redis writes `1:M 25 Apr …`).
  const chain = wrapperChain(sample);
  while (chain.length > 0 && isLooseChain(chain.slice(-1))) chain.pop();
  // Only a container's output is an app's by default; a syslog line names its program, which may be a proxy's.
  if (chain.length === 0 || !chain.every((id) => CONTAINER_WRAPPERS.has(id))) return null;
  const inside = unwrapSample(sample, chain);
  if (inside.length < sample.length * WRAPPED_TEXT_SHARE) return null;
  const asApp = detectFormat(inside, ['app-text'], options);
  return asApp ? { ...asApp, wrappers: chain } : null;
}

/** The wrappers around an input's lines when its format is given (`--format`). */
/** Does `format` read any of the input's first lines, bare or inside the wrappers they carry? */
export function fitsFormat(head: Buffer, complete: boolean, format: FormatId, options: ParserOptions): boolean {
  return bestReading(sampleLines(head, complete), (lines) => detectFormat(lines, [format], options)) !== null;
}

export function detectWrappers(head: Buffer, complete: boolean, format: FormatId, options: ParserOptions): readonly WrapperId[] {
  return bestReading(sampleLines(head, complete), (lines) => detectFormat(lines, [format], options))?.wrappers ?? [];
}

/** What an input holds: its format's role, or error lines only (`errorsOnly`); for an unread input, what it was given as. */
export function roleOf(format: FormatId | null, errorsOnly: boolean, app: boolean): FileRole {
  if (format === null) return app ? 'app' : 'access';
  if (isAppFormat(format)) return 'app';
  return errorsOnly || isErrorFormat(format) ? 'error' : 'access';
}

/**
 * The parsers of an input: its format's first, then the other formats of its family (app or proxy) for the lines
 * that one cannot read (mixed files, e.g. `docker logs` interleaving access and error lines); the app formats for a
 * format whose files carry the app's lines too (`hasAppLines`). The input's own
 * log_format (`options.custom`) also reads lines of a file that detection gave another format, and a JSON one is
 * inferred again for lines written after it changed (changed-json-format.ts). With `wrappers`,
 * every parser reads inside them.
 */
export function parsersFor(
  format: FormatId | null,
  role: FileRole | null,
  options: ParserOptions,
  wrappers: readonly WrapperId[] = [],
): { primary: LineParser; fallbacks: LineParser[] } {
  // A Heroku log interleaves the router's lines with the app's own (`app[web.1]`), and no other proxy's.
  const family = role === 'app' || (format !== null && hasAppLines(format)) ? APP_FORMATS : PROXY_FORMATS;
  const primary = format ?? (family[0] as FormatId);
  const own = options.custom ? logFormatId(options.custom) : null;
  const others = own && primary !== own ? [...family, own] : family;
  const parsers = { primary: createParser(primary, options), fallbacks: others.filter((f) => f !== primary && readsOthersLines(f)).map((f) => createParser(f, options)) };
  if (options.custom?.json && primary === own) parsers.fallbacks.push(new ChangedJsonFormatParser(options.custom.source));
  if (wrappers.length === 0) return parsers;
  const unwrapper = new Unwrapper(wrappers);
  return { primary: new UnwrappingParser(parsers.primary, unwrapper, true), fallbacks: parsers.fallbacks.map((p) => new UnwrappingParser(p, unwrapper, false)) };
}
