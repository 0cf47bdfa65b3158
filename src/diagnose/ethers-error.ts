/**
 * ethers.js's error for an HTTP answer it could not use, which prints the response it got (ethers v5,
 * packages/web/src.ts `fetchJson`/`_fetchData`): `bad response (status=502, headers={"server":"cloudflare",...},
 * body="502 Bad Gateway", requestBody=..., requestMethod="POST", url="...", code=SERVER_ERROR, version=web/5.0.7)`,
 * the headers as the JSON of Node's lower-cased header object and the body as a JSON string (or `null`).
 */
import { objectTextAt } from './json-in-prose.ts';
import { toResponse } from './parse-http.ts';
import { literalAt } from './string-literal.ts';
import type { HeaderField, ParsedResponse } from './types.ts';

const BAD_RESPONSE = /\bbad response \(status=(\d{3}), headers=(?=\{)/;

/** Each header of Node's header object: an array value (set-cookie) gives one header each, other values their text. */
function headersOf(json: string): HeaderField[] {
  const data = JSON.parse(json) as Record<string, unknown>;
  return Object.entries(data).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => ({ name, value: String(v) })) : [{ name, value: String(value) }]));
}

/** The response an ethers v5 `bad response` error printed, or null when the text holds none. */
export function ethersBadResponse(text: string): ParsedResponse | null {
  const m = BAD_RESPONSE.exec(text);
  if (!m) return null;
  const headersAt = m.index + m[0].length;
  const headers = objectTextAt(text, headersAt);
  if (headers === undefined) return null;
  const rest = text.slice(headersAt + headers.length);
  const bodyAt = /^, body=/.exec(rest);
  const literal = bodyAt && rest[bodyAt[0].length] === '"' ? literalAt(rest, bodyAt[0].length) : null;
  return toResponse({ httpVersion: null, status: Number(m[1]), reason: '', headers: headersOf(headers) }, literal?.value ?? null);
}
