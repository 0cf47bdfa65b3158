/**
 * Headers as the browser's DevTools copy them from its two-column view: each name on a line and its value on the
 * next (Chrome's network panel; HTTP/2 names in lower case), possibly under the General section ("Status Code" then
 * "502 Bad Gateway") and a "Response Headers" label, with the request's headers after a "Request Headers" label.
 * A head needs a status and one response header, or three response headers one of which a head always has; any
 * line that is neither a section label, a General row nor a header name makes the text something else (null).
 */
import { toResponse } from './parse-http.ts';
import { isBareHead } from './parse-loose-head.ts';
import type { HeaderField, ParsedResponse } from './types.ts';

/** A header name as DevTools shows it. */
const NAME = /^[A-Za-z][A-Za-z0-9-]{0,60}$/;
/** The rows of DevTools' General section. */
const GENERAL_ROW = /^(?:Request URL|Request Method|Status Code|Remote Address|Referrer Policy)$/;
/** Section labels, with the count Firefox shows ("Response Headers (7)"). */
const SECTION = /^(General|Response Headers|Request Headers)(?:\s*\(\d+\))?$/i;
const STATUS_VALUE = /^(\d{3})\b\s*(.*)$/;

export function parseDevtoolsColumns(text: string): ParsedResponse | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let inResponse = true;
  let status: number | null = null;
  let reason = '';
  const headers: HeaderField[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const name = lines[i] ?? '';
    const section = SECTION.exec(name)?.[1]?.toLowerCase();
    if (section !== undefined) {
      inResponse = section === 'response headers';
      i -= 1;
      continue;
    }
    const value = lines[i + 1];
    if (value === undefined) return null;
    if (GENERAL_ROW.test(name)) {
      const m = name === 'Status Code' ? STATUS_VALUE.exec(value) : null;
      if (m) [status, reason] = [Number(m[1]), (m[2] ?? '').replace(/\s*\(.*\)$/, '')];
      continue;
    }
    if (!NAME.test(name)) return null;
    if (inResponse) headers.push({ name, value });
  }
  const enough = status !== null ? status >= 100 && status <= 599 && headers.length > 0 : isBareHead(headers);
  return enough ? toResponse({ httpVersion: null, status, reason, headers }, null) : null;
}
