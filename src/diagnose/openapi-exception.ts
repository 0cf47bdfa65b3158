/**
 * The ApiException of Python clients that OpenAPI Generator (and swagger-codegen before it) writes, the Kubernetes
 * client's among them: its text is the status in parentheses, `Reason: <reason phrase>`, `HTTP response headers:
 * HTTPHeaderDict({'content-type': 'text/plain', 'server': 'envoy', …})` (urllib3's header dict as Python prints it)
 * and `HTTP response body: <body>`, each on its own line (rest.py / exceptions.py `ApiException.__str__`).
 */
import { toResponse } from './parse-http.ts';
import type { HeaderField, ParsedResponse } from './types.ts';

// The header dict and the body may wrap over lines (a terminal's width): each runs to the next label or a blank line.
// A response with no reason phrase prints no `Reason:` line, an empty line instead (HubSpot's Python client).
const API_EXCEPTION = /\((\d{3})\)\r?\n(?:Reason: ([^\r\n]*)|(?=\r?\nHTTP response body: ))(?:\r?\nHTTP response headers: ([\s\S]*?)(?=\r?\nHTTP response body: |\r?\n\r?\n|$(?![\s\S])))?(?:\r?\nHTTP response body: ([\s\S]*?)(?=\r?\n\r?\n|$(?![\s\S])))?/;
/** A `'name': 'value'` pair of Python's dict repr (single quotes, or double quotes when the value holds one). */
const PY_PAIR = /(['"])([!#$%&'*+.^_`|~0-9A-Za-z-]+)\1\s*:\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")/g;

function pythonDictHeaders(text: string): HeaderField[] {
  return [...text.matchAll(PY_PAIR)].map((m) => ({ name: m[2] ?? '', value: (m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1') }));
}

/** The response an OpenAPI-generated Python client's ApiException printed, or null when the text holds none. */
export function openApiException(text: string): ParsedResponse | null {
  const m = API_EXCEPTION.exec(text);
  if (!m || (m[3] === undefined && m[4] === undefined)) return null;
  const body = m[4]?.trim();
  return toResponse({ httpVersion: null, status: Number(m[1]), reason: m[2]?.trim() ?? '', headers: pythonDictHeaders(m[3] ?? '') }, body === undefined || body === '' ? null : body);
}
