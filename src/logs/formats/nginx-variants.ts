/**
 * One format id for a family of nginx log_formats: a product that writes one layout per file but changed it across
 * releases (ingress-nginx's default log-format-upstream) or writes another for some of its sites (Nginx Proxy
 * Manager). Each line is read by the layout that read the line before it, else by the others in order, so a file
 * costs one layout per line once the right one is found. A subclass may add layouts as it meets them
 * (changed-json-format.ts).
 */
import type { AccessRecord, FormatId } from '../types.ts';
import { KIND, type LineKind, type LineParser } from './line-parser.ts';
import type { CompiledFormat } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';

export class NginxVariantsParser implements LineParser {
  readonly format: FormatId;
  private readonly layouts: NginxFormatParser[];
  private readonly ownServer: string | undefined;
  /** The layout that read the last line; null only while a subclass has added none. */
  private last: NginxFormatParser | null;

  /** `ownServer`: see NginxFormatParser. */
  constructor(format: FormatId, layouts: readonly CompiledFormat[], ownServer?: string) {
    this.format = format;
    this.ownServer = ownServer;
    this.layouts = layouts.map((compiled) => new NginxFormatParser(format, compiled, ownServer));
    this.last = this.layouts[0] ?? null;
  }

  /** Detection reads strictly (every field checked, the text left over measured), as for one layout. */
  get strict(): boolean {
    return this.last?.strict ?? false;
  }

  set strict(value: boolean) {
    for (const layout of this.layouts) layout.strict = value;
  }

  get trailing(): number {
    return this.last?.trailing ?? 0;
  }

  /** Adds a layout, tried after the others. */
  protected addLayout(compiled: CompiledFormat): void {
    this.layouts.push(new NginxFormatParser(this.format, compiled, this.ownServer));
  }

  /** How many layouts there are. */
  protected get layoutCount(): number {
    return this.layouts.length;
  }

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const kind = this.last?.parse(buf, text, start, end) ?? KIND.none;
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
    return this.last?.status ?? 0;
  }

  get timeMs(): number {
    return this.last?.timeMs ?? Number.NaN;
  }

  get tzOffsetMin(): number {
    return this.last?.tzOffsetMin ?? 0;
  }

  get flagged(): boolean {
    return this.last?.flagged ?? false;
  }

  get errorEvent() {
    return null;
  }

  get appEvent() {
    return null;
  }

  access(): AccessRecord {
    if (!this.last) throw new Error(`${this.format}: access() called before any line was read`);
    return this.last.access();
  }
}
