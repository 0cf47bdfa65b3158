/**
 * The format registry: parser construction, `--format` resolution and per-file detection from the first lines.
 */
import { HttpwhyError } from '../../errors.ts';
import { AlbParser } from './alb.ts';
import { ApacheErrorParser } from './apache-error.ts';
import { AppJsonParser, type AppFieldOptions } from './app-json.ts';
import { AppTextParser } from './app-text.ts';
import { CaddyParser } from './caddy.ts';
import { EnvoyParser } from './envoy.ts';
import { HaproxyParser } from './haproxy.ts';
import { inferLogFormat } from './infer-format.ts';
import { localZone, type TimeZone } from './time-zone.ts';
import { KIND, type LineParser } from './line-parser.ts';
import { NginxErrorParser } from './nginx-error.ts';
import { compileLogFormat, NginxFormatParser, PRESET_FORMATS, type CompiledFormat } from './nginx-format.ts';
import { TraefikJsonParser } from './traefik-json.ts';
import { FORMAT_IDS, type FormatId } from '../types.ts';

export interface ParserOptions {
  appFields: AppFieldOptions;
  /** Request-id pattern for plain-text app logs (first capture group). */
  idPattern?: RegExp;
  /** The compiled `--format` string, for `nginx-custom`. */
  custom?: CompiledFormat;
  /** `--tz`: the zone of times logged without one (HAProxy defaults to this machine's). */
  timeZone?: TimeZone;
}

const compiledPresets = new Map<keyof typeof PRESET_FORMATS, CompiledFormat>();

/** Presets are compiled once per process, so their generated scanners are too (format-scanner.ts caches per format). */
function compiledPreset(format: keyof typeof PRESET_FORMATS): CompiledFormat {
  let compiled = compiledPresets.get(format);
  if (!compiled) compiledPresets.set(format, (compiled = compileLogFormat(PRESET_FORMATS[format])));
  return compiled;
}

/** Proxy and web-server formats, most specific first (ties in detection go to the earlier one). */
export const PROXY_FORMATS: readonly FormatId[] = [
  'ingress-nginx',
  'traefik-clf',
  'nginx-main',
  'combined',
  'common',
  'nginx-error',
  'apache-error',
  'haproxy',
  'alb',
  'envoy',
  'caddy',
  'traefik-json',
];
export const APP_FORMATS: readonly FormatId[] = ['app-json', 'app-text'];

const ALIASES: Record<string, FormatId> = {
  nginx: 'combined',
  'nginx-combined': 'combined',
  apache: 'combined',
  'apache-combined': 'combined',
  'apache-common': 'common',
  clf: 'common',
  traefik: 'traefik-json',
  'aws-alb': 'alb',
  json: 'app-json',
  text: 'app-text',
};

const ERROR_FORMATS = new Set<FormatId>(['nginx-error', 'apache-error']);

/** Error logs are read before access logs so their events can be linked while access lines stream by. */
export function isErrorFormat(format: FormatId): boolean {
  return ERROR_FORMATS.has(format);
}

export function isAppFormat(format: FormatId): boolean {
  return APP_FORMATS.includes(format);
}

/** `--format`: a format id, an alias, or an nginx `log_format` string (anything with a `$variable`). */
export function resolveFormat(value: string): { format: FormatId; custom?: CompiledFormat } {
  if (value.includes('$')) return { format: 'nginx-custom', custom: compileLogFormat(value) };
  const format = ALIASES[value] ?? FORMAT_IDS.find((id) => id === value && id !== 'nginx-custom');
  if (!format) {
    const known = FORMAT_IDS.filter((id) => id !== 'nginx-custom').join(', ');
    throw new HttpwhyError('HW_ERR_LOGS_UNKNOWN_FORMAT', `Unknown log format "${value}". Use one of: ${known}, or an nginx log_format string.`, {
      format: value,
    });
  }
  return { format };
}

export function createParser(format: FormatId, options: ParserOptions): LineParser {
  switch (format) {
    case 'nginx-custom':
      if (!options.custom) throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', 'nginx-custom needs the log_format string as --format.');
      return new NginxFormatParser(format, options.custom);
    case 'combined':
    case 'common':
    case 'nginx-main':
    case 'ingress-nginx':
    case 'traefik-clf':
      return new NginxFormatParser(format, compiledPreset(format));
    case 'nginx-error':
      return new NginxErrorParser();
    case 'apache-error':
      return new ApacheErrorParser();
    case 'haproxy':
      return new HaproxyParser(options.timeZone ?? localZone());
    case 'alb':
      return new AlbParser();
    case 'envoy':
      return new EnvoyParser();
    case 'caddy':
      return new CaddyParser();
    case 'traefik-json':
      return new TraefikJsonParser();
    case 'app-json':
      return new AppJsonParser(options.appFields, options.timeZone);
    case 'app-text':
      return new AppTextParser(options.idPattern, options.timeZone);
  }
}

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
  /** For `nginx-custom`: the log_format inferred from the lines. */
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

/** 3 points per line read, 2 when an nginx-style format left text over; null when the parser reads none. */
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
 * The candidate that reads most sample lines (exact fits of nginx-style formats break ties), or, with
 * `infer`, a log_format inferred from the first line when it fits better; null if nothing reads any line.
 */
export function detectFormat(head: Buffer, complete: boolean, candidates: readonly FormatId[], options: ParserOptions, infer = false): Detection | null {
  const lines = sampleLines(head, complete);
  const text = head.toString('latin1');
  let best: Detection | null = null;
  let bestScore = 0;
  /** Keeps the format if it reads the sample best so far; returns how many lines it read. */
  const consider = (format: FormatId, parser: LineParser, custom?: CompiledFormat): number => {
    const result = score(parser, head, text, lines);
    if (result.score > bestScore) {
      best = { format, custom, matched: result.matched, events: result.events, sampled: lines.length, errorsOnly: result.errorsOnly };
      bestScore = result.score;
    }
    return result.matched;
  };
  for (const format of candidates) consider(format, createParser(format, options));
  const first = lines[0];
  const inferred = infer && first ? inferLogFormat(head.toString('utf8', first[0], first[1])) : null;
  let readSome: CompiledFormat | undefined;
  if (inferred) {
    const custom = compileLogFormat(inferred);
    if (consider('nginx-custom', new NginxFormatParser('nginx-custom', custom), custom) > 0) readSome = custom;
  }
  const found = best as Detection | null;
  return found && readSome && found.format !== 'nginx-custom' ? { ...found, inferred: readSome } : found;
}
