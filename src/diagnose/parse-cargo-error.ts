/**
 * Cargo's message for a registry's error status on a download (cargo's `http_remote` and download code, since 1.70):
 * `failed to get successful HTTP response from `<url>` (<ip>), got <status>`, then, when it kept them, `debug
 * headers:` with the headers it logs for support (`x-amz-cf-id`, `x-cache`, `x-served-by`...) one per line, and
 * `body:` with the body to the end. Each of its lines carries the same indentation (its `Caused by:` block), behind
 * whatever prefixed the output (a Docker build's `#17 2.085 `). The headers are the few cargo keeps, not the message's.
 */
import type { HeaderField, ParsedResponse } from './types.ts';

const FAILED = /failed to get successful HTTP response from `\[?([^`\]]+)`?\]?(?:\([^)]*\))?(?: \(([^)]*)\))?, got (\d{3})\s*$/;
const HEADER = /^([A-Za-z0-9-]+): ?(.*)$/;

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
  const headers: HeaderField[] = [];
  let body: string | null = null;
  let i = at + 1;
  if (own(lines[i] ?? '') === 'debug headers:') {
    for (i += 1; i < lines.length; i++) {
      const header = HEADER.exec(own(lines[i] as string) ?? '');
      if (!header || header[1] === 'body') break;
      headers.push({ name: header[1] as string, value: (header[2] as string).trim() });
    }
  }
  if (own(lines[i] ?? '') === 'body:') {
    const rest = lines.slice(i + 1).map((line) => own(line) ?? line);
    body = rest.join('\n').trim();
  }
  const response: ParsedResponse = { httpVersion: null, status: Number(m[3]), reason: '', headers, body: body === '' ? null : body, truncated: false, form: 'client-message', bodyNote: null };
  return { response, url: m[1] as string };
}
