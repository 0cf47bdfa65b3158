/**
 * Reads a response whose head is not an HTTP status line but a tool's or a log's rendering of it: a CGI or FastCGI
 * head (`Status: 404 Not Found` among the header lines, as php-cgi and cgi-fcgi print it), a scanner's
 * `Status code: 403` after the request line (WhatWaf), a Java client's log (`Status: 500 ...` then
 * `Response headers: [Name = [value], ...]` and `Response body: ...`), the browser's DevTools (`Status Code:500 ...`
 * with a `Response Headers` section of `Name:value` lines), or a debug log (urllib3's `"HEAD /key HTTP/1.1" 404 0`, then
 * botocore's `Response Headers:` and `Response Body:` lines), or a report's sections (`**Headers**` then `**Body**`, in
 * markdown or not; the status is then the one the body names), or header lines alone at the start (a head copied
 * without its status line). Needs a status, a headers label or three header lines at the start, and at least one
 * HTTP header line; else null.
 * A page's words before the head (its text copied with DevTools' panel below it) make it a page, read as such: they
 * say more than the head.
 */
import { HTTP_HEADER_NAME } from './headers.ts';
import { toResponse } from './parse-http.ts';
import { statusInPage } from './status-in-page.ts';
import type { HeaderField, ParsedResponse } from './types.ts';

/** `Status: 404 Not Found`, `Status code: 403`, `Status Code:500 Internal Server Error`, `Status = [500 ...],`, `Status → 500 …` (Postman). */
const STATUS_STATEMENT = /^\s*(?:Status(?:[ -]?Code)?|:status)\s*(?:[:=]|→)\s*\[?\s*(\d{3})\b(.*)$/i;
/**
 * The request line in quotes, then the status, anywhere in a line: urllib3's debug log (`"HEAD /key HTTP/1.1" 404 0`,
 * under requests and botocore), an access log line in the common format.
 */
const REQUEST_THEN_STATUS = /"[A-Z]+ [^"\s]+ HTTP\/\d(?:\.\d)?" (\d{3})\b/;
/**
 * `Name: value`, `Name:value`, `Name = [value],` (a Java map), `name: 'value',` (a JavaScript object), `Name →value`
 * (Postman's older header view). A name starts with a letter: a log line's time (`2022-02-20T10:25:08`) is no header.
 */
const HEADER_LIKE = /^\s*([A-Za-z][!#$%&'*+.^_`|~0-9A-Za-z-]*)\s*(?::|\s=|→)(.*)$/;
/** `Response headers: [`, `Response Headers`, `Headers:`. */
const HEADERS_LABEL = /^\s*(?:response\s+)?headers\s*(?::\s*)?(?:[[{(]\s*)?$/i;
/** `Response Headers`, also at the end of a log line (`... - botocore.response - DEBUG - Response Headers:`). */
const RESPONSE_HEADERS_LABEL = /^\s*response\s+headers\b|\sresponse\s+headers\s*:\s*$/i;
/** What closes a list or a comment around the head. */
const CLOSER = /^\s*(?:[\]})],?|-->)\s*$/;
/** A body label on a line of its own, once its markdown is gone: `Body`, `Response body:`. */
const BODY_LABEL_ALONE = /^(?:response\s+)?body\s*:?$/i;
/** The body's section before the headers' in Azure's SDKs' printout of a failed response. */
const CONTENT_LABEL = /^\s*Content:\s*$/;
/** How many of the body's first lines may name its status when no status line was given. */
const MAX_BODY_LINES_FOR_STATUS = 40;
const BODY_LABEL = /^\s*(?:response\s+)?body\s*:\s?|^.*\sresponse\s+body\s*:\s*$/i;
/**
 * What a tool prints before a head: a request line ("GET http://example.com HTTP/1.1"), a comment's edge, a labelled
 * field ("Request URL:http://...", DevTools' General section).
 */
const BEFORE_HEAD = /^\s*(?:[A-Z]+ \S+ HTTP\/\d(?:\.\d)?\s*$|<!--|-->|[A-Za-z][\w -]{0,40}(?::|→))/;
/** More lines of prose than this before the head: the paste is a page. */
const MAX_PROSE_BEFORE = 1;

/** The value without the wrapping a log gave it: `[keep-alive],` → `keep-alive`, `'close',` → `close`. */
function bareValue(value: string): string {
  const v = value.trim().replace(/,$/, '').trim();
  const wrapped = /^\[(.*)\]$/.exec(v) ?? /^'(.*)'$/.exec(v) ?? /^"(.*)"$/.exec(v);
  return (wrapped?.[1] ?? v).trim();
}

/** The status a line states, with what follows it there (the reason phrase, when it is a status statement). */
function statementOf(line: string): { status: number; rest: string } | null {
  const statement = STATUS_STATEMENT.exec(line);
  if (statement) return { status: Number(statement[1]), rest: statement[2] ?? '' };
  const logged = REQUEST_THEN_STATUS.exec(line);
  return logged ? { status: Number(logged[1]), rest: '' } : null;
}

function headerOf(line: string): HeaderField | null {
  const m = HEADERS_LABEL.test(line) ? null : HEADER_LIKE.exec(line);
  return m ? { name: m[1] ?? '', value: bareValue(m[2] ?? '') } : null;
}

/** The header lines from `from` on (a status statement among them is skipped), and where they end. */
function headerRun(lines: readonly string[], from: number): { headers: HeaderField[]; end: number } {
  const headers: HeaderField[] = [];
  let at = from;
  for (; at < lines.length; at += 1) {
    const line = lines[at] ?? '';
    if (statementOf(line)) continue;
    const header = headerOf(line);
    if (!header) break;
    headers.push(header);
  }
  return { headers, end: at };
}

/** `text` without the characters of `chars` at its end (a loop: a regex anchored at the end backtracks on long runs). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** A section label without the markdown a report decorates it with: `**Headers**`, `## Response headers:` → the words. */
const labelOf = (line: string) => line.trim().replace(/^#{1,6}\s+/, '').replace(/^(\*\*|__)([^*_]{1,40})\1\s*(:?)$/, '$2$3');

const isBlank = (line: string | undefined) => (line ?? '').trim() === '';

/**
 * The head's lines: after a "Response Headers" label when there is one (or a "Headers:" line of its own, as Azure's
 * SDKs print a failed response: `Status: 403 (…)`, `ErrorCode: …`, `Content:` and the body, then `Headers:`), else the
 * header lines around the status. `label` is the label's line, when there was one.
 */
function headOf(lines: readonly string[], at: number): { headers: HeaderField[]; end: number; label?: number } {
  let label = lines.findIndex((l, i) => i > at && RESPONSE_HEADERS_LABEL.test(labelOf(l)));
  if (label < 0) label = lines.findIndex((l, i) => i > at && HEADERS_LABEL.test(labelOf(l)));
  if (label >= 0) {
    let from = label + 1;
    while (from < lines.length && isBlank(lines[from])) from += 1;
    return { ...headerRun(lines, from), label };
  }
  let start = at;
  while (start > 0 && headerOf(lines[start - 1] ?? '') && !statementOf(lines[start - 1] ?? '')) start -= 1;
  const run = headerRun(lines, start);
  return run.headers.some((h) => HTTP_HEADER_NAME.test(h.name)) ? run : (headersAfterGeneral(lines, at) ?? run);
}

/** DevTools' General section: fields named in words ("Request URL:", "Remote Address:", "Referrer Policy:"). */
const GENERAL_FIELD = /^\s*[A-Z][a-z]+(?: [A-Za-z]+)+\s*:/;

/**
 * DevTools' General section copied with the response headers below it but not their label: the General fields and the
 * blank line after them, then the header lines.
 */
function headersAfterGeneral(lines: readonly string[], at: number): { headers: HeaderField[]; end: number } | null {
  let from = at + 1;
  while (from < lines.length && (GENERAL_FIELD.test(lines[from] ?? '') || isBlank(lines[from]))) from += 1;
  const run = headerRun(lines, from);
  return run.headers.some((h) => HTTP_HEADER_NAME.test(h.name)) ? run : null;
}

/** The body's lines after the head ends at `end`: past what closes a list, one blank line, and a body label. */
function bodyAfter(lines: readonly string[], end: number): string[] {
  let bodyAt = end;
  while (bodyAt < lines.length && CLOSER.test(lines[bodyAt] ?? '')) bodyAt += 1;
  if (isBlank(lines[bodyAt])) bodyAt += 1;
  if (BODY_LABEL_ALONE.test(labelOf(lines[bodyAt] ?? ''))) bodyAt += 1;
  const bodyLines = lines.slice(bodyAt);
  if (bodyLines[0] !== undefined) bodyLines[0] = bodyLines[0].replace(BODY_LABEL, '');
  return bodyLines;
}

const bodyText = (bodyLines: readonly string[]) => (bodyLines.join('\n').trim() === '' ? null : bodyLines.join('\n'));

const proseBefore = (lines: readonly string[], at: number) => lines.slice(0, at).filter((l) => !isBlank(l) && !BEFORE_HEAD.test(l)).length;

/**
 * Headers of a response's head, one of which a head copied without its status line must have: the usual ones, and
 * those only responses carry (a request never sends them), for a paste cut before the usual ones.
 */
const RESPONSE_HEAD_NAME =
  /^(?:date|server|content-type|content-length|set-cookie|location|www-authenticate|retry-after|x-powered-by|etag|last-modified|age|strict-transport-security|content-security-policy|cross-origin-(?:opener|embedder|resource)-policy|access-control-allow-[a-z-]+|accept-ch|critical-ch|cf-ray|cf-mitigated|x-cache|x-amz-cf-id)$/i;
/** How many header lines a head with neither label nor status line needs, so that a page's labelled lines are not one. */
const MIN_BARE_HEAD = 3;

/** Header lines alone: enough of them, most of them HTTP headers, and one a response head always has. */
export function isBareHead(headers: readonly HeaderField[]): boolean {
  const http = headers.filter((h) => HTTP_HEADER_NAME.test(h.name)).length;
  return headers.length >= MIN_BARE_HEAD && http * 2 > headers.length && headers.some((h) => RESPONSE_HEAD_NAME.test(h.name));
}

/**
 * The end of a head cut short (`Content-Length: 1007`, then a blank line and the body, as puma#79 pasted it): fewer
 * lines than a bare head needs, so each must be a header of a response's head in its own form, and a blank line and a
 * body must follow, as on the wire.
 */
const SHORT_HEAD_VALUE = /^(?:content-length:\s*\d+|content-type:\s*[a-z]+\/[\w.+-]+(?:;.*)?|date:\s*\w{3}, \d\d \w{3} \d{4} [\d:]+ GMT|server:\s*[\w.-]+(?:\/[\w.-]+)?(?: \([^)]*\))?)$/i;
function isShortHead(headers: readonly HeaderField[], lines: readonly string[], end: number): boolean {
  const bodyAt = lines.findIndex((l, i) => i > end && !isBlank(l));
  return headers.length > 0 && isBlank(lines[end]) && bodyAt > end && headers.every((h) => SHORT_HEAD_VALUE.test(`${h.name}: ${h.value}`.trim()));
}

/**
 * A head that names no status, under a label as a bug report lays it out (`**Headers**` ... `**Body**`) or with no
 * label at the paste's start: the status is then the one the body names, if any, as for a page.
 */
function headWithoutStatus(lines: readonly string[]): ParsedResponse | null {
  const label = lines.findIndex((l) => !isBlank(l) && HEADERS_LABEL.test(labelOf(l)));
  const first = lines.findIndex((l) => !isBlank(l));
  let run: { headers: HeaderField[]; end: number };
  if (label >= 0 && proseBefore(lines, label) <= MAX_PROSE_BEFORE) {
    let from = label + 1;
    while (from < lines.length && isBlank(lines[from])) from += 1;
    run = headerRun(lines, from);
    if (run.headers.length < 2 || !run.headers.some((h) => HTTP_HEADER_NAME.test(h.name))) return null;
  } else {
    // No label: a head copied without its status line (DevTools' raw response headers, `curl -I` minus its first line).
    run = headerRun(lines, Math.max(first, 0));
    if (!isBareHead(run.headers) && !isShortHead(run.headers, lines, run.end)) return null;
  }
  const bodyLines = bodyAfter(lines, run.end);
  // The body's words, or else the line the report put above its headers' label (`StatusCode:` then `400 bad request`).
  const named = statusInPage(bodyLines.slice(0, MAX_BODY_LINES_FOR_STATUS)) ?? (label > 0 ? statusInPage(lines.slice(0, label)) : null);
  return toResponse({ httpVersion: null, status: named?.status ?? null, reason: named?.reason ?? '', headers: run.headers }, bodyText(bodyLines));
}

export function parseLooseHead(text: string): ParsedResponse | null {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => statementOf(l) !== null);
  const statement = statementOf(lines[at] ?? '');
  if (!statement) return headWithoutStatus(lines);
  const status = statement.status;
  if (status < 100 || status > 599 || proseBefore(lines, at) > MAX_PROSE_BEFORE) return null;
  const run = headOf(lines, at);
  if (!run.headers.some((h) => HTTP_HEADER_NAME.test(h.name))) return null;
  // What follows the code, without the wrapping of a list or a map: ` Internal Server Error],` → the reason phrase.
  const reason = trimEnd(statement.rest, '], \t').trim();
  const content = run.label === undefined ? -1 : lines.findIndex((l, i) => i > at && i < (run.label ?? 0) && CONTENT_LABEL.test(l));
  const body = content >= 0 ? lines.slice(content + 1, run.label) : bodyAfter(lines, run.end);
  return toResponse({ httpVersion: null, status, reason, headers: run.headers }, bodyText(body));
}
