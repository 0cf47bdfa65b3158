/**
 * The lines of an nginx JSON access log written after its `log_format` changed: an admin adds a key
 * (`"request_id":"$request_id"`) and reloads, and the file goes on in the new shape. The file's format, inferred
 * from its first lines (or given), reads none of them, and each key set would be lost to the app-JSON reader. This
 * fallback infers the format again from such a line (infer-json-format.ts, so only a line that is evidently nginx's)
 * and keeps each inferred format for the lines after it.
 */
import type { AccessRecord, AppEvent, FormatId, ProxyErrorEvent } from '../types.ts';
import { inferJsonLogFormat } from './infer-json-format.ts';
import { KIND, type LineKind, type LineParser } from './line-parser.ts';
import { compileLogFormat } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';

/** Formats kept: a log_format changes a few times in a file's life, not per line. */
const MAX_FORMATS = 8;
/** Lines that start like JSON but infer no nginx format (an app's JSON in the same file) before inference stops. */
const MAX_FAILED_INFERENCES = 64;

export class ChangedJsonFormatParser implements LineParser {
  readonly format: FormatId = 'nginx-json';
  errorEvent: ProxyErrorEvent | null = null;
  appEvent: AppEvent | null = null;
  private readonly parsers: NginxFormatParser[] = [];
  private readonly sources = new Set<string>();
  private failed = 0;
  private current: NginxFormatParser | null = null;

  /** `own`: the file's format, whose lines never reach this fallback. */
  constructor(own: string) {
    this.sources.add(own);
  }

  get status(): number {
    return this.current?.status ?? 0;
  }
  get timeMs(): number {
    return this.current?.timeMs ?? Number.NaN;
  }
  get tzOffsetMin(): number {
    return this.current?.tzOffsetMin ?? 0;
  }
  get flagged(): boolean {
    return this.current?.flagged ?? false;
  }

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    for (const parser of this.parsers) {
      if (parser.parse(buf, text, start, end) === KIND.access) return this.read(parser);
    }
    const parser = this.inferred(buf, text, start, end);
    return parser && parser.parse(buf, text, start, end) === KIND.access ? this.read(parser) : KIND.none;
  }

  access(): AccessRecord {
    if (!this.current) throw new Error('nginx-json: access() called after a line that is not an access line');
    return this.current.access();
  }

  private read(parser: NginxFormatParser): LineKind {
    this.current = parser;
    return KIND.access;
  }

  /** A parser for the format inferred from this line, when it is a new one and inference has not given up. */
  private inferred(buf: Buffer, text: string, start: number, end: number): NginxFormatParser | null {
    if (this.parsers.length >= MAX_FORMATS || this.failed >= MAX_FAILED_INFERENCES) return null;
    let at = start;
    while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    if (text[at] !== '{') return null;
    const source = inferJsonLogFormat(buf.toString('utf8', start, end));
    if (source === null || this.sources.has(source)) {
      this.failed++;
      return null;
    }
    this.sources.add(source);
    const parser = new NginxFormatParser('nginx-json', compileLogFormat(source));
    this.parsers.push(parser);
    return parser;
  }
}
