/**
 * A format's parser reading inside an input's wrappers: the wrappers are stripped before the line reaches it, and
 * what they tell is kept where the line has none of its own (the time) or nowhere else (the origin: container,
 * service or host, and stream). Mixed files try several parsers on a line; they share one `Unwrapper`, and only
 * the input's first parser (`leads`), which the sink always tries first, reads the line into it.
 */
import type { AccessRecord, AppEvent, FormatId, ProxyErrorEvent } from '../types.ts';
import { KIND, type LineKind, type LineParser } from './line-parser.ts';
import type { Unwrapper } from './wrappers/index.ts';

export class UnwrappingParser implements LineParser {
  readonly format: FormatId;
  status = 0;
  timeMs = Number.NaN;
  tzOffsetMin = 0;
  flagged = false;
  errorEvent: ProxyErrorEvent | null = null;
  appEvent: AppEvent | null = null;
  private readonly inner: LineParser;
  private readonly unwrapper: Unwrapper;
  private readonly leads: boolean;

  constructor(inner: LineParser, unwrapper: Unwrapper, leads: boolean) {
    this.inner = inner;
    this.format = inner.format;
    this.unwrapper = unwrapper;
    this.leads = leads;
  }

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    // A partial record: its line is read with the record that ends it.
    if (this.leads && !this.unwrapper.read(buf, text, start, end)) return KIND.other;
    const line = this.unwrapper.line;
    const inner = this.inner;
    const kind = inner.parse(line.buf, line.text, line.start, line.end);
    if (kind === KIND.access) {
      this.status = inner.status;
      this.flagged = inner.flagged;
      this.timeMs = inner.timeMs;
      this.tzOffsetMin = inner.tzOffsetMin;
      if (Number.isNaN(this.timeMs)) {
        this.timeMs = line.time.ms;
        this.tzOffsetMin = 0;
      }
    } else if (kind === KIND.proxyError && inner.errorEvent) {
      this.errorEvent = this.withWrapperFacts(inner.errorEvent);
    } else if (kind === KIND.app && inner.appEvent) {
      this.appEvent = this.withWrapperFacts(inner.appEvent);
    }
    return kind;
  }

  nextHeldRequest(): boolean {
    const inner = this.inner;
    if (!inner.nextHeldRequest?.()) return false;
    this.status = inner.status;
    this.flagged = inner.flagged;
    this.timeMs = inner.timeMs;
    this.tzOffsetMin = inner.tzOffsetMin;
    return true;
  }

  access(): AccessRecord {
    const record = this.inner.access();
    record.timeMs = this.timeMs;
    record.tzOffsetMin = this.tzOffsetMin;
    const origin = this.unwrapper.line.origin;
    if (origin) record.origin = origin;
    return record;
  }

  private withWrapperFacts<T extends ProxyErrorEvent | AppEvent>(event: T): T {
    const line = this.unwrapper.line;
    if (Number.isNaN(event.time.ms)) event.time = line.time;
    const origin = line.origin;
    if (origin) event.origin = origin;
    return event;
  }
}
