/**
 * Cargo's message for a registry's error status on a download (cargo's `http_remote` and download code, since 1.70):
 * `failed to get successful HTTP response from `<url>` (<ip>), got <status>`, then, when it kept them, `debug
 * headers:` with the headers it logs for support (`x-amz-cf-id`, `x-cache`, `x-served-by`...) one per line, and
 * `body:` with the body to the end. Each of its lines carries the same indentation (its `Caused by:` block), behind
 * whatever prefixed the output (a Docker build's `#17 2.085 `). The headers are the few cargo keeps, not the message's.
 */
import { parseHeaderLines } from './parse-http.ts';
import type { HeaderField, ParsedResponse } from './types.ts';

const FAILED = /failed to get successful HTTP response from `\[?([^`\]]+)`?\]?(?:\([^)]*\))?(?: \(([^)]*)\))?, got (\d{3})\s*$/;

export interface CargoError {
  response: ParsedResponse;
  url: string;
}

export function parseCargoError(text: string): CargoError | null {
  // Most pastes are not cargo's: the words are looked for before the text is split into lines.
  if (!text.includes('failed to get successful HTTP response from')) return null;
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((line) => FAILED.test(line));
  if (at < 0) return null;
  const m = FAILED.exec(lines[at] as string) as RegExpExecArray;
  // What stands before cargo's own words on the lines after it: the build's prefix and the block's indentation.
  const prefix = /^(.*?)(?:debug headers|body):\s*$/.exec(lines[at + 1] ?? '')?.[1] ?? '';
  const own = (line: string): string | null => (line.startsWith(prefix) ? line.slice(prefix.length) : line.trim() === prefix.trim() ? '' : null);
  const rest = lines.slice(at + 1).map((line) => own(line) ?? '');
  let i = 0;
  let headers: HeaderField[] = [];
  if (rest[0] === 'debug headers:') {
    // Its header lines run to its `body:` line, which would read as a header named "body".
    const bodyAt = rest.indexOf('body:');
    const read = parseHeaderLines(rest.slice(1, bodyAt < 0 ? undefined : bodyAt));
    headers = read.headers;
    i = 1 + read.consumed;
  }
  let body: string | null = null;
  if (rest[i] === 'body:') body = lines.slice(at + i + 2).map((line) => own(line) ?? line).join('\n').trim();
  const response: ParsedResponse = { httpVersion: null, status: Number(m[3]), reason: '', headers, body: body === '' ? null : body, truncated: false, form: 'client-message', bodyNote: null };
  return { response, url: m[1] as string };
}
