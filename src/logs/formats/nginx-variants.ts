/**
 * One format id for a family of nginx log_formats: a product that writes one layout per file but changed it across
 * releases (ingress-nginx's default log-format-upstream) or writes another for some of its sites (Nginx Proxy
 * Manager). Each line is read by the layout that read the line before it, else by the others in order, so a file
 * costs one layout per line once the right one is found.
 */
import type { AccessRecord, FormatId } from '../types.ts';
import { KIND, type LineKind, type LineParser } from './line-parser.ts';
import type { CompiledFormat } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';

export class NginxVariantsParser implements LineParser {
  readonly format: FormatId;
  private readonly layouts: readonly NginxFormatParser[];
  private last: NginxFormatParser;

  constructor(format: FormatId, layouts: readonly CompiledFormat[]) {
    this.format = format;
    this.layouts = layouts.map((compiled) => new NginxFormatParser(format, compiled));
    const [first] = this.layouts;
    if (!first) throw new Error(`${format}: no layout`);
    this.last = first;
  }

  /** Detection reads strictly (every field checked, the text left over measured), as for one layout. */
  get strict(): boolean {
    return this.last.strict;
  }

  set strict(value: boolean) {
    for (const layout of this.layouts) layout.strict = value;
  }

  get trailing(): number {
    return this.last.trailing;
  }

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const kind = this.last.parse(buf, text, start, end);
    if (kind !== KIND.none) return kind;
    for (const layout of this.layouts) {
      if (layout === this.last) continue;
      const other = layout.parse(buf, text, start, end);
      if (other !== KIND.none) {
        this.last = layout;
        return other;
      }
    }
    return KIND.none;
  }

  get status(): number {
    return this.last.status;
  }

  get timeMs(): number {
    return this.last.timeMs;
  }

  get tzOffsetMin(): number {
    return this.last.tzOffsetMin;
  }

  get flagged(): boolean {
    return this.last.flagged;
  }

  get errorEvent() {
    return null;
  }

  get appEvent() {
    return null;
  }

  access(): AccessRecord {
    return this.last.access();
  }
}
