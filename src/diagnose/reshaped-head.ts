/**
 * A response head that a paste reshaped: PHP's print_r of a header array (`[Server] => nginx`) and a head flattened
 * onto one line. Both give back the head's own lines.
 */

import { HTTP_HEADER_NAME } from './headers.ts';

const isBlank = (line: string) => line.trim() === '';

/** A line without the CR of a CRLF paste (a browser's form sends one), which `.` and `$` in these patterns would not pass. */
const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** `[Server] => cloudflare`: PHP's print_r of get_headers($url, true), one header a line, the value bare. */
const PHP_HEADER_ENTRY = /^\s*\[([A-Za-z][A-Za-z0-9-]*)\] => (.*)$/;

/**
 * PHP's array of response headers as print_r shows it: its entries become header lines, and blank lines between a
 * status line and them go, so that they read as that status's head. Two header entries at least: a lone `[key] =>`
 * is any array's.
 */
export function phpHeaderArray(lines: string[]): string[] {
  const entries = lines.map((l) => PHP_HEADER_ENTRY.exec(withoutCr(l)));
  if (entries.filter((m) => HTTP_HEADER_NAME.test(m?.[1] ?? '')).length < 2) return lines;
  const converted = lines.map((l, i) => {
    const m = entries[i];
    return m ? `${m[1]}: ${m[2]}` : l;
  });
  const first = entries.findIndex((m) => m !== null);
  const status = converted.slice(0, first).findLastIndex((l) => !isBlank(l));
  if (status < 0 || !/^(?:\S.*?)?HTTP\/\d(?:\.\d)? \d{3}\b/.test(converted[status] ?? '')) return converted;
  return [...converted.slice(0, status + 1), ...converted.slice(first)];
}

/**
 * A head whose line breaks became spaces (an error message that quotes the response, a chat client): the status line,
 * then `Name: value` pairs on the same line. The pairs are split where a header's name follows a blank; two headers
 * at least, each with an HTTP header's name.
 */
const FLAT_HEAD = /^(.*?)(HTTP\/\d(?:\.\d)? \d{3}(?: [A-Za-z][A-Za-z' -]*?)?) ((?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*): \S.*)$/;
const FLAT_HEADER_START = / (?=[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*: )/;

export function unflattenHead(lines: string[]): string[] {
  if (lines.filter((l) => !isBlank(l)).length !== 1) return lines;
  const at = lines.findIndex((l) => !isBlank(l));
  const [, before = '', statusLine = '', rest = ''] = FLAT_HEAD.exec(withoutCr(lines[at] ?? '')) ?? [];
  const headers = rest.split(FLAT_HEADER_START);
  if (headers.length < 2 || !headers.every((h) => HTTP_HEADER_NAME.test(h.slice(0, h.indexOf(':'))))) return lines;
  return [...(before.trim() === '' ? [] : [before.trim()]), statusLine, ...headers];
}
