/**
 * Docker's json-file log driver, one JSON object per line with the keys in this order (moby/moby,
 * daemon/logger/jsonfilelog/jsonlog/jsonlogbytes.go, `MarshalJSONBuf`): `{"log":"<line>\n","stream":"stdout",
 * "attrs":{…},"time":"2018-02-21T17:26:53.360920913Z"}`; `attrs` only with `--log-opt labels/env/tag`. The line is
 * JSON-escaped, `<`, `>` and `&` too; it ends with `\n` unless the daemon split a long line, whose next record
 * continues it. Read without JSON.parse: the line is unescaped from the bytes into a reused buffer. Records that shippers
 * rewrote (fluent-bit, Filebeat: `log` or `message`, `stream`, and `kubernetes` metadata in any order) are parsed
 * as JSON.
 */
import { parseJsonObject, type JsonObject } from '../json-fields.ts';
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

const HEAD = '{"log":"';
const STREAM = ',"stream":"';
const ATTRS = ',"attrs":';
const TIME = ',"time":"';

function hexAt(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let i = at; i < at + 4; i++) {
    const c = bytes[i] as number;
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

/** The byte each one-char escape stands for: `\n` `\t` `\r` `\b` `\f`, and itself for `\"` `\\` `\/`. */
const SIMPLE_ESCAPES = Uint8Array.from({ length: 128 }, (_, c) => ({ 110: 10, 116: 9, 114: 13, 98: 8, 102: 12 })[c] ?? c);

/** `text[at]` is a `"` that ends a string: not escaped, an even run of `\\` before it. */
function closesString(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 34) return false;
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
  return backslashes % 2 === 0;
}

/** The closing quote of the JSON string whose text starts at `from`, -1 if none before `end`. */
function stringEnd(text: string, from: number, end: number): number {
  for (let quote = text.indexOf('"', from); quote >= 0 && quote < end; quote = text.indexOf('"', quote + 1)) if (closesString(text, quote)) return quote;
  return -1;
}

/** Spans between escapes longer than this are copied by Buffer.copy, shorter ones by a loop (cheaper than the call). */
const COPY_CALL_BYTES = 48;

/**
 * Unescapes the JSON string text `[from, to)` of `src` into `out` as UTF-8 (never longer than the text); returns
 * its length. Escapes are found by `indexOf`, the bytes between them copied as they are.
 */
export function unescapeJsonString(src: Buffer, text: string, from: number, to: number, out: Buffer): number {
  let o = 0;
  let pos = from;
  while (pos < to) {
    const found = text.indexOf('\\', pos);
    const stop = found < 0 || found >= to ? to : found;
    if (stop - pos > COPY_CALL_BYTES) o += src.copy(out, o, pos, stop);
    else for (let i = pos; i < stop; i++) out[o++] = src[i] as number;
    if (stop === to) break;
    const c = src[stop + 1] as number;
    pos = stop + 2;
    if (c !== 117) {
      out[o++] = c < 128 ? (SIMPLE_ESCAPES[c] as number) : c;
      continue;
    }
    let cp = hexAt(src, pos);
    pos += 4;
    if (cp >= 0xd800 && cp < 0xdc00 && src[pos] === 92 && src[pos + 1] === 117) {
      const low = hexAt(src, pos + 2);
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
  if (!text.startsWith(HEAD, start) || buf[end - 1] !== 125 || buf[end - 2] !== 34) return false;
  // `"time"` is the last key: `,"time":"<RFC 3339>"}` ends the line.
  let timeQuote = end - 3;
  while (timeQuote > start && buf[timeQuote] !== 34) timeQuote--;
  const time = timeQuote - TIME.length + 1;
  if (!text.startsWith(TIME, time)) return false;
  const from = start + HEAD.length;
  // Without attrs the string ends 19 chars before the time (`","stream":"stdout"`; docker writes no other key).
  const bare = time - 19;
  const close = closesString(text, bare) && text.startsWith(STREAM, bare + 1) ? bare : stringEnd(text, from, time);
  if (close < 0 || !text.startsWith(STREAM, close + 1)) return false;
  const stream = text.startsWith('stdout"', close + 12) ? 'stdout' : text.startsWith('stderr"', close + 12) ? 'stderr' : '';
  const afterStream = close + 19;
  if (stream === '' || (afterStream !== time && !text.startsWith(ATTRS, afterStream))) return false;
  if (afterStream !== time) {
    const attrs = parseJsonObject(buf.toString('utf8', afterStream + ATTRS.length, time));
    if (!attrs) return false;
    if (typeof attrs.tag === 'string') line.setHost(attrs.tag, 0, attrs.tag.length);
  }
  line.setTime(text, time + TIME.length, end - 2);
  line.stream = stream;
  const out = line.scratchOf(close - from);
  let length = unescapeJsonString(buf, text, from, close, out);
  // A record copied through a page that escaped it once more ends in a literal `\n` where docker wrote the newline
  // (istio/istio#13848): that is the line's end too, not a line docker split.
  const escapedNewline = length > 1 && out[length - 1] === 110 && out[length - 2] === 92;
  line.partial = out[length - 1] !== 10 && !escapedNewline;
  if (escapedNewline) length -= 2;
  else if (!line.partial) length -= length > 1 && out[length - 2] === 13 ? 2 : 1;
  line.replace(out, length);
  return true;
}

const SHIPPED_STREAM = /"stream"\s*:\s*"std/;

/** A record a log shipper rewrote. */
function stripShipped(line: WrappedLine): boolean {
  const { buf, text, start, end } = line;
  // A record pretty-printed (jq, a console's copy) and joined into one line has blanks around its colons.
  if (text.charCodeAt(start) !== 123 || !SHIPPED_STREAM.test(text.slice(start, end))) return false;
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
