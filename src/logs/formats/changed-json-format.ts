/**
 * The lines of an nginx JSON access log written after its `log_format` changed: an admin adds a key
 * (`"request_id":"$request_id"`) and reloads, and the file goes on in the new shape. The file's format, inferred
 * from its first lines (or given), reads none of them, and each key set would be lost to the app-JSON reader. This
 * fallback infers the format again from such a line (infer-json-format.ts, so only a line that is evidently nginx's)
 * and keeps each inferred format as a layout for the lines after it (nginx-variants.ts).
 */
import { inferJsonLogFormat } from './infer-json-format.ts';
import { KIND, type LineKind } from './line-parser.ts';
import { compileLogFormat } from './log-format.ts';
import { NginxVariantsParser } from './nginx-variants.ts';

/** Formats kept: a log_format changes a few times in a file's life, not per line. */
const MAX_FORMATS = 8;
/** Lines that start like JSON but infer no nginx format (an app's JSON in the same file) before inference stops. */
const MAX_FAILED_INFERENCES = 64;

export class ChangedJsonFormatParser extends NginxVariantsParser {
  private readonly sources = new Set<string>();
  private failed = 0;

  /** `own`: the file's format, whose lines never reach this fallback. */
  constructor(own: string) {
    super('nginx-json', []);
    this.sources.add(own);
  }

  override parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const kind = super.parse(buf, text, start, end);
    return kind !== KIND.none || !this.inferredAgain(buf, text, start, end) ? kind : super.parse(buf, text, start, end);
  }

  /** Adds the format inferred from this line when it is a new one and inference has not given up; true if added. */
  private inferredAgain(buf: Buffer, text: string, start: number, end: number): boolean {
    if (this.layoutCount >= MAX_FORMATS || this.failed >= MAX_FAILED_INFERENCES) return false;
    let at = start;
    while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    if (text[at] !== '{') return false;
    const source = inferJsonLogFormat(buf.toString('utf8', start, end));
    if (source === null || this.sources.has(source)) {
      this.failed++;
      return false;
    }
    this.sources.add(source);
    this.addLayout(compileLogFormat(source));
    return true;
  }
}
