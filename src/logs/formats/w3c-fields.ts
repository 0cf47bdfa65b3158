/**
 * The W3C extended log file format (W3C Working Draft WD-logfile-960323) as IIS and CloudFront write it: directive
 * lines (`#Version: 1.0`, `#Fields: date time …`, `#Software:`, `#Date:`, `#Start-Date:`, `#End-Date:`, `#Remark:`),
 * and entries whose values follow the names of the last `#Fields:` directive, which may change mid-file. An empty
 * value is written `-`; a value with spaces is a quoted string, a quote inside it written twice (the draft's
 * <string> type; IIS's Advanced Logging module writes them, Incapsula's log API quotes every value). Values are
 * separated by whitespace, one space (IIS) or several (Oracle Web Cache aligns its columns).
 */
import { parseIsoTime } from './log-time.ts';

const DIRECTIVE = /^#(Version|Fields|Software|Date|Start-Date|End-Date|Remark):[ \t]*(.*)$/;

export interface W3cDirective {
  name: string;
  value: string;
}

/** A directive line's name and value, or null for any other line. */
export function w3cDirective(line: string): W3cDirective | null {
  const m = DIRECTIVE.exec(line);
  return m ? { name: m[1] as string, value: (m[2] as string).trimEnd() } : null;
}

/** An entry's values: split at spaces, a quoted string kept whole and unquoted; none for a malformed quote. */
export function w3cValues(line: string): string[] {
  const text = line.trim();
  if (!text.includes('"')) return text.split(/ +/);
  const values: string[] = [];
  let at = 0;
  while (at <= text.length) {
    if (text.charCodeAt(at) === 32) {
      at++;
      continue;
    }
    if (text.charCodeAt(at) !== 34) {
      const space = text.indexOf(' ', at);
      const stop = space < 0 ? text.length : space;
      values.push(text.slice(at, stop));
      at = stop + 1;
      continue;
    }
    let value = '';
    let i = at + 1;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0) return []; // an unclosed quote: no entry of this format
      value += text.slice(i, quote);
      if (text.charCodeAt(quote + 1) !== 34) {
        i = quote + 1;
        break;
      }
      value += '"';
      i = quote + 2;
    }
    // A closing quote ends the value: a space or the line's end follows, or this is no entry of this format.
    if (i < text.length && text.charCodeAt(i) !== 32) return [];
    values.push(value);
    at = i + 1;
  }
  return values;
}

/** The columns a `#Fields:` directive names, looked up by name (case-insensitive). */
export class W3cFields {
  readonly names: readonly string[];
  private readonly at = new Map<string, number>();

  constructor(names: readonly string[]) {
    this.names = names;
    names.forEach((name, i) => {
      const key = name.toLowerCase();
      if (!this.at.has(key)) this.at.set(key, i);
    });
  }

  static parse(value: string): W3cFields {
    return new W3cFields(value.split(/\s+/).filter((name) => name !== ''));
  }

  /** Whether the entry has a value for the column (its fields name it and the entry reaches it). */
  logged(values: readonly string[], name: string): boolean {
    const i = this.at.get(name);
    return i !== undefined && i < values.length;
  }

  /** The value of the first of `names` (lower case) this directive has, '' when none or `-`. */
  value(values: readonly string[], ...names: string[]): string {
    for (const name of names) {
      const i = this.at.get(name);
      if (i === undefined) continue;
      const value = values[i] ?? '';
      return value === '-' ? '' : value;
    }
    return '';
  }
}

/**
 * The entry's time: its `date` and `time` values, or the date of the last `#Date:` directive when it logs only the
 * time. Both formats log UTC.
 */
export function w3cTime(date: string, time: string): number {
  if (!/^\d{4}-\d\d-\d\d$/.test(date) || !/^\d\d:\d\d:\d\d(?:\.\d+)?$/.test(time)) return Number.NaN;
  return parseIsoTime(`${date}T${time}Z`).ms;
}

/** What IIS and CloudFront write alike about the request: its status, time, client, method and path with its query. */
export interface W3cRequest {
  status: number;
  timeMs: number;
  client: string;
  method: string;
  path: string;
}

/** The entry's request fields, or null when its status or time is not one (no entry of this format). */
export function w3cRequest(fields: W3cFields, values: readonly string[], date: string, time: string): W3cRequest | null {
  const status = fields.value(values, 'sc-status');
  const timeMs = w3cTime(date, time);
  if (!/^\d{3}$/.test(status) || Number.isNaN(timeMs)) return null;
  // `cs-uri` (the draft's whole URI, as Oracle Web Cache and Incapsula log it) when there is no stem.
  const stem = fields.value(values, 'cs-uri-stem', 'cs-uri');
  const query = fields.value(values, 'cs-uri-query');
  return { status: Number(status), timeMs, client: fields.value(values, 'c-ip'), method: fields.value(values, 'cs-method'), path: query === '' ? stem : `${stem}?${query}` };
}
