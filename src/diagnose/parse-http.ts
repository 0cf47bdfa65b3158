/**
 * Reads raw HTTP responses as `curl -i` prints them or a proxy dump shows them: status line, header
 * lines, blank line, body. curl -i prints every response of an exchange (100 Continue, each redirect
 * with -L, a proxy's CONNECT answer), so all but the last become hops.
 */
import { Buffer } from 'node:buffer';
import { dechunk } from './dechunk.ts';
import { headerValue } from './headers.ts';
import type { HeaderField, Hop, ParsedResponse } from './types.ts';
import { quote, unreadable } from './unreadable.ts';

export interface StatusLine {
  /** "1.1", "2"; null when the input gave no protocol (JSON). */
  httpVersion: string | null;
  status: number;
  reason: string;
}

export interface ResponseHead extends StatusLine {
  headers: HeaderField[];
}

// Nothing lazy before an end anchor: `(.*?)\s*$` backtracks quadratically on a long run of blanks, and any paste
// (up to the API's 2 MB) reaches these; what they capture is trimmed in code instead.
const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) +(\d{3})(?:\s(.*))?$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/;
/** A line that only says something was left out here: `...`, `…`, `[...]`. */
const ELISION = /^\s*(?:\.{3}|…|\[(?:\.{3}|…)\])\s*$/;
/** The blank line after the head; a paste may leave blanks on it. */
const BLANK_LINE = /\r?\n[ \t]*\r?\n/;

export function parseStatusLine(line: string): StatusLine | undefined {
  const m = STATUS_LINE.exec(line);
  if (!m) return undefined;
  return { httpVersion: m[1] ?? '', status: Number(m[2]), reason: (m[3] ?? '').trim() };
}

/** Reads header lines (with obsolete folding) up to the first line that is not one; returns how many were used. */
export function parseHeaderLines(lines: readonly string[]): { headers: HeaderField[]; consumed: number } {
  const headers: HeaderField[] = [];
  let consumed = 0;
  for (const line of lines) {
    const last = headers.at(-1);
    if (line.trim() === '') break;
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
    } else {
      const m = HEADER_LINE.exec(line);
      if (!m) break;
      headers.push({ name: m[1] ?? '', value: (m[2] ?? '').trim() });
    }
    consumed += 1;
  }
  return { headers, consumed };
}

/** Bytes the body had on the wire at most: pastes often turn CRLF into LF. */
function maxWireBytes(body: string): number {
  return Buffer.byteLength(body) + (body.match(/(?<!\r)\n/g)?.length ?? 0);
}

/**
 * Builds the response and checks the body against Content-Length. An empty body with a positive
 * Content-Length was not printed (HEAD, curl -I), so it counts as absent, not as truncated; a head alone with
 * Content-Length: 0 has an empty body. A head pasted without its status line keeps status null.
 */
export function toResponse(head: Omit<ResponseHead, 'status'> & { status: number | null }, body: string | null): ParsedResponse {
  const encoding = headerValue(head.headers, 'content-encoding')?.trim().toLowerCase() ?? 'identity';
  const chunked = /\bchunked\b/i.test(headerValue(head.headers, 'transfer-encoding') ?? '');
  const dechunked = chunked && body !== null ? dechunk(body) : null;
  if (dechunked) return { ...head, body: dechunked.body, truncated: !dechunked.complete, form: 'message', bodyNote: 'dechunked' };
  const bodyNote = encoding !== 'identity' && body !== null && looksBinary(body) ? 'compressed' : null;
  const length = Number(headerValue(head.headers, 'content-length') ?? Number.NaN);
  const checkable = body !== null && Number.isInteger(length) && length > 0 && encoding === 'identity';
  const absent = checkable && body === '';
  const truncated = checkable && !absent && maxWireBytes(body) < length - 2;
  // A head pasted without the blank line after it still says its body: Content-Length: 0 is an empty one.
  const statedEmpty = body === null && !chunked && length === 0;
  return { ...head, body: absent ? null : statedEmpty ? '' : body, truncated, form: 'message', bodyNote };
}

/** Compressed bytes pasted as text: the gzip magic, or many control and replacement characters. */
function looksBinary(body: string): boolean {
  if (body.startsWith('\u001f\u008b') || body.startsWith('\u001f\ufffd')) return true;
  const sample = body.slice(0, 512);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) odd += 1;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}

export function toHop(head: ResponseHead): Hop {
  return { status: head.status, reason: head.reason, location: headerValue(head.headers, 'location') ?? null };
}

/** More lines than any head has: a paste without a blank line is read line by line only this far. */
const MAX_HEAD_LINES = 1000;

/**
 * The first lines of `text` (at most MAX_HEAD_LINES + 1), and the text after them, or null when they are all of it:
 * a paste of many lines without a blank one is not split whole for each response it may hold.
 */
function headLines(text: string): { lines: string[]; after: string | null } {
  const lines: string[] = [];
  let at = 0;
  while (lines.length <= MAX_HEAD_LINES) {
    const newline = text.indexOf('\n', at);
    if (newline < 0) {
      lines.push(text.slice(at));
      return { lines, after: null };
    }
    lines.push(text.slice(at, newline > at && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline));
    at = newline + 1;
  }
  return { lines, after: text.slice(at) };
}

function readMessage(text: string): { head: ResponseHead; body: string | null } {
  const blank = BLANK_LINE.exec(text);
  const headText = blank ? text.slice(0, blank.index) : text.replace(/\r?\n$/, '');
  let body = blank ? text.slice(blank.index + blank[0].length) : null;
  const split = headLines(headText);
  const [first = '', ...lines] = split.lines;
  const statusLine = parseStatusLine(first);
  if (!statusLine) {
    throw unreadable(
      `The status line ${quote(first)} is incomplete: it needs "HTTP/<version> <three-digit status> [reason]".`,
      'the text starts like an HTTP response, so the paste may be cut or edited.',
      { line: first },
    );
  }
  const { headers, consumed } = parseHeaderLines(lines);
  if (consumed < lines.length || split.after !== null) {
    // A line of blanks is the blank line before the body; a line that is no header means that blank line was lost.
    const rest = lines.slice(consumed);
    // An ellipsis where headers were left out (a doc's `HTTP/1.1 401` then `...` then the body) closes the head too.
    if (rest[0]?.trim() === '' || ELISION.test(rest[0] ?? '')) rest.shift();
    const read = rest.join('\n');
    const bodyStart = split.after === null ? read : rest.length > 0 ? `${read}\n${split.after}` : split.after;
    body = body === null ? bodyStart : `${bodyStart}\n\n${body}`;
  }
  return { head: { ...statusLine, headers }, body };
}

/**
 * How many responses one paste is read as at most (curl -L follows 50 redirects by default): each further one would
 * reread the rest of the paste, and a paste of nothing but status lines would take quadratic time.
 */
const MAX_MESSAGES = 51;

/** Parses text that starts with a status line; a status line right after a blank line starts a further response. */
export function parseHttpText(text: string): { response: ParsedResponse; hops: Hop[] } {
  const heads: ResponseHead[] = [];
  let rest = text;
  for (;;) {
    const { head, body } = readMessage(rest);
    heads.push(head);
    // The next response may follow after more blank lines than one (a client that printed each header line and a
    // blank after it, as cargo does).
    const after = body === null ? null : body.replace(/^(?:[ \t]*\r?\n)+/, '');
    const next = after === null ? undefined : parseStatusLine(after.split(/\r?\n/, 1)[0] ?? '');
    if (after !== null && next && heads.length < MAX_MESSAGES) {
      rest = after;
      continue;
    }
    return { response: toResponse(head, body), hops: heads.slice(0, -1).map(toHop) };
  }
}
