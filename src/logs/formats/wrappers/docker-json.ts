/**
 * Docker's json-file log driver, one JSON object per line with the keys in this order (moby/moby,
 * daemon/logger/jsonfilelog/jsonlog/jsonlogbytes.go, `MarshalJSONBuf`): `{"log":"<line>\n","stream":"stdout",
 * "attrs":{…},"time":"2018-02-21T17:26:53.360920913Z"}`; `attrs` only with `--log-opt labels/env/tag`. The line is
 * JSON-escaped, `<`, `>` and `&` too; it ends with `\n` unless the daemon split a long line, whose next record
 * continues it. Read without JSON.parse: the line is unescaped straight from the bytes, or not copied at all when
 * only its `\n` is escaped. Records that shippers rewrote (fluent-bit, Filebeat: `log` or `message`, `stream`,
 * and `kubernetes` metadata in any order) are parsed as JSON.
 */
import { parseJsonObject, type JsonObject } from '../json-fields.ts';
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

const HEAD = '{"log":"';
const STREAM = ',"stream":"';
const ATTRS = ',"attrs":';
const TIME = ',"time":"';

/** The closing quote of the JSON string whose text starts at `from`, and its last escape; null when it does not close. */
function closingQuote(text: string, from: number, end: number): { close: number; firstEscape: number; lastEscape: number } | null {
  let quote = text.indexOf('"', from);
  let escape = text.indexOf('\\', from);
  let firstEscape = -1;
  let lastEscape = -1;
  while (escape >= 0 && escape < quote) {
    if (firstEscape < 0) firstEscape = escape;
    lastEscape = escape;
    const next = escape + 2;
    escape = text.indexOf('\\', next);
    if (quote < next) quote = text.indexOf('"', next);
  }
  return quote < 0 || quote >= end ? null : { close: quote, firstEscape, lastEscape };
}

function hexAt(text: string, at: number): number {
  let value = 0;
  for (let i = at; i < at + 4; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function writeUtf8(out: Buffer, at: number, cp: number): number {
  if (cp < 0x80) {
    out[at] = cp;
    return 1;
  }
  if (cp < 0x800) {
    out[at] = 0xc0 | (cp >> 6);
    out[at + 1] = 0x80 | (cp & 0x3f);
    return 2;
  }
  if (cp < 0x10000) {
    out[at] = 0xe0 | (cp >> 12);
    out[at + 1] = 0x80 | ((cp >> 6) & 0x3f);
    out[at + 2] = 0x80 | (cp & 0x3f);
    return 3;
  }
  out[at] = 0xf0 | (cp >> 18);
  out[at + 1] = 0x80 | ((cp >> 12) & 0x3f);
  out[at + 2] = 0x80 | ((cp >> 6) & 0x3f);
  out[at + 3] = 0x80 | (cp & 0x3f);
  return 4;
}

const SIMPLE_ESCAPES: Record<number, number> = { 110: 10, 116: 9, 114: 13, 98: 8, 102: 12 };

/** Unescapes the JSON string text `[from, to)` of `src` into `out` as UTF-8 (never longer than the input); returns its length. */
export function unescapeJsonString(src: Buffer, text: string, from: number, to: number, out: Buffer): number {
  let o = 0;
  let pos = from;
  while (pos < to) {
    const backslash = text.indexOf('\\', pos);
    const stop = backslash < 0 || backslash >= to ? to : backslash;
    o += src.copy(out, o, pos, stop);
    if (stop === to) break;
    const c = text.charCodeAt(backslash + 1);
    pos = backslash + 2;
    if (c !== 117) {
      out[o++] = SIMPLE_ESCAPES[c] ?? c;
      continue;
    }
    let cp = hexAt(text, pos);
    pos += 4;
    if (cp >= 0xd800 && cp < 0xdc00 && text.startsWith('\\u', pos)) {
      const low = hexAt(text, pos + 2);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        pos += 6;
      }
    }
    o += writeUtf8(out, o, cp < 0 || (cp >= 0xd800 && cp < 0xe000) ? 0xfffd : cp);
  }
  return o;
}

/** `--log-opt tag`, or the pod and container a shipper's Kubernetes metadata names. */
function hostOf(record: JsonObject): string {
  const attrs = record.attrs as JsonObject | undefined;
  if (typeof attrs?.tag === 'string') return attrs.tag;
  const k8s = record.kubernetes as { pod?: { name?: unknown }; container?: { name?: unknown }; pod_name?: unknown; container_name?: unknown } | undefined;
  const pod = k8s?.pod?.name ?? k8s?.pod_name;
  const container = k8s?.container?.name ?? k8s?.container_name;
  return [pod, container].filter((v) => typeof v === 'string').join('/');
}

/** The line as docker wrote it; false when it is not laid out exactly so. */
function stripJsonFile(line: WrappedLine): boolean {
  const { buf, text, start, end } = line;
  if (!text.startsWith(HEAD, start)) return false;
  const from = start + HEAD.length;
  const value = closingQuote(text, from, end);
  if (!value || !text.startsWith(STREAM, value.close + 1)) return false;
  const stream = text.startsWith('stdout"', value.close + 12) ? 'stdout' : text.startsWith('stderr"', value.close + 12) ? 'stderr' : '';
  const time = text.lastIndexOf(TIME, end);
  if (stream === '' || time < value.close || text.charCodeAt(end - 1) !== 125 || text.charCodeAt(end - 2) !== 34) return false;
  const afterStream = value.close + 19;
  if (afterStream !== time) {
    if (!text.startsWith(ATTRS, afterStream)) return false;
    const attrs = parseJsonObject(buf.toString('utf8', afterStream + ATTRS.length, time));
    if (!attrs) return false;
    if (typeof attrs.tag === 'string') line.setHost(attrs.tag, 0, attrs.tag.length);
  }
  line.setTime(text, time + TIME.length, end - 2);
  line.stream = stream;
  const { close, firstEscape, lastEscape } = value;
  const newline = lastEscape === close - 2 && text.charCodeAt(close - 1) === 110;
  line.partial = !newline;
  const stop = newline ? close - 2 : close;
  if (firstEscape < 0 || firstEscape >= stop) {
    line.start = from;
    line.end = stop;
    return true;
  }
  const out = line.scratchOf(stop - from);
  let length = unescapeJsonString(buf, text, from, stop, out);
  if (length > 0 && out[length - 1] === 13) length--;
  line.replace(out, length);
  return true;
}

/** A record a log shipper rewrote. */
function stripShipped(line: WrappedLine): boolean {
  const { buf, text, start, end } = line;
  if (text.charCodeAt(start) !== 123 || !text.slice(start, end).includes('"stream":"std')) return false;
  const record = parseJsonObject(buf.toString('utf8', start, end));
  const message = record?.log ?? record?.message;
  if (!record || typeof message !== 'string' || (record.stream !== 'stdout' && record.stream !== 'stderr')) return false;
  const inner = message.endsWith('\r\n') ? message.slice(0, -2) : message.endsWith('\n') ? message.slice(0, -1) : message;
  const out = line.scratchOf(Buffer.byteLength(inner));
  line.stream = record.stream;
  if (typeof record.time === 'string') line.setTime(record.time, 0, record.time.length);
  const host = hostOf(record);
  if (host !== '') line.setHost(host, 0, host.length);
  line.replace(out, out.write(inner, 0, 'utf8'));
  return true;
}

export const dockerJson: Wrapper = {
  id: 'docker-json',
  loose: false,
  strip: (line) => stripJsonFile(line) || stripShipped(line),
};
