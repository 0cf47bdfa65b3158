/**
 * Reads a response as an HTTP client library prints its response object, where a program or a REPL showed it:
 * - Node's `util.inspect` of an axios error's response (`status: 502,` `statusText: 'Bad Gateway',`
 *   `headers: { server: 'nginx', ... },` `data: '<html>\n' + ...`) or of an `http.IncomingMessage` as got or superagent
 *   keep it (`statusCode: 504,` `statusMessage: 'Gateway Timeout',` `text: '...'`), or Shopify's API library
 *   (`code: 503,` `statusText: 'Service Unavailable',` `body: '...'`), as keys of one object;
 * - Python requests in a REPL or a print: `<Response [502]>`, then `r.headers` as a dict
 *   (`{'Server': 'nginx', ...}`) and `r.text` / `r.content` as a string or bytes literal;
 * - Go's `%#v` or `%+v` of an `*http.Response`: `&http.Response{Status:"502 Bad Gateway", StatusCode:502, ...,
 *   Header:http.Header{"Server":[]string{"nginx"}}, ...}` or `&{Status:502 Bad Gateway StatusCode:502 ...
 *   Header:map[Server:[nginx]] ...}`, or with `%v`, the values alone: `&{502 Bad Gateway 502 HTTP/1.1 1 1 map[...] ...}`;
 * - OkHttp's `Response{protocol=h2, code=502, message=, url=https://...}`;
 * - Java's `HttpURLConnection.getHeaderFields()` printed as a map, where the status line is the value of the `null`
 *   key: `{null=[HTTP/1.1 503 Service Temporarily Unavailable], Server=[nginx/1.14.0 (Ubuntu)], ...}`;
 * - Foundation's description of an `NSHTTPURLResponse` (`{ Status Code: 502, Headers { Server = ( nginx ); } }`);
 * - .NET's `HttpResponseMessage.ToString()` (`StatusCode: 503, ReasonPhrase: 'Service Unavailable', …, Headers:` and a block);
 * - ethers.js's `bad response (status=502, headers={...}, body="...", ...)` (ethers-error.ts);
 * - the ApiException of OpenAPI-generated Python clients, Kubernetes' among them (openapi-exception.ts).
 * The status is only ever taken from the field that holds the response's status, never from a number elsewhere.
 */
import { ethersBadResponse } from './ethers-error.ts';
import { openApiException } from './openapi-exception.ts';
import { objectTextAt } from './json-in-prose.ts';
import { toResponse } from './parse-http.ts';
import { concatenatedAt, literalAt } from './string-literal.ts';
import type { HeaderField, ParsedResponse } from './types.ts';

const indentOf = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

/** `key: value` of a JavaScript object as Node prints it (`'content-type': 'text/html',`, `server: 'nginx'`). */
const JS_PAIR = /(?:'([^'\n]+)'|"([^"\n]+)"|([A-Za-z_$][\w$-]*))\s*:\s*(?=['"`[\d])/g;

/** The name/value pairs of an object's text; an array value (`'set-cookie': [ 'a', 'b' ]`) gives one header each. */
function jsHeaders(text: string): HeaderField[] {
  const headers: HeaderField[] = [];
  for (const m of text.matchAll(JS_PAIR)) {
    const name = m[1] ?? m[2] ?? m[3] ?? '';
    const at = (m.index ?? 0) + m[0].length;
    if (text[at] === '[') {
      const close = text.indexOf(']', at);
      for (let from = at + 1; from > 0 && from < close; ) {
        const next = text.slice(from, close).search(/['"]/);
        const value = next < 0 ? null : literalAt(text, from + next);
        if (!value) break;
        headers.push({ name, value: value.value });
        from = value.end;
      }
    } else {
      const value = literalAt(text, at) ?? { value: /^\d+/.exec(text.slice(at))?.[0] ?? '' };
      headers.push({ name, value: value.value });
    }
  }
  return headers;
}

/** The text of the value that starts after `key:` on line `at`, up to the line that closes it at the key's indent. */
function blockAt(lines: readonly string[], at: number): string {
  const line = lines[at] ?? '';
  const opens = (line.match(/[{[]/g) ?? []).length;
  const closes = (line.match(/[}\]]/g) ?? []).length;
  if (opens <= closes) return line;
  const indent = indentOf(line);
  const end = lines.findIndex((l, i) => i > at && indentOf(l) <= indent && l.trim() !== '');
  return lines.slice(at, end < 0 ? lines.length : end + 1).join('\n');
}

/** How far from the status line its object's other keys are looked for (an inspected request can be long). */
const MAX_SIBLING_DISTANCE = 500;
/** How many `status: n` lines are tried: a long paste of them is no printout of one response. */
const MAX_STATUS_CANDIDATES = 20;

/**
 * Node's inspect of an object with `status`/`statusCode` and its headers or reason phrase among its keys (an axios
 * response, an `IncomingMessage`).
 */
function nodeInspect(text: string): ParsedResponse | null {
  const lines = text.split(/\r?\n/);
  let tried = 0;
  for (let at = 0; at < lines.length && tried < MAX_STATUS_CANDIDATES; at += 1) {
    // `code` with `statusText` beside it: the response of @shopify/shopify-api's errors (HttpResponseError).
    const status = /^(\s*)(?:status|statusCode|code): (\d{3}),?$/.exec(lines[at] ?? '');
    if (!status) continue;
    tried += 1;
    const indent = status[1] ?? '';
    // The keys of the same object: the lines at the same indent until one closes the object.
    const siblingAt = (key: RegExp) => {
      for (const dir of [-1, 1]) {
        for (let i = at + dir; i >= 0 && i < lines.length && Math.abs(i - at) <= MAX_SIBLING_DISTANCE; i += dir) {
          const l = lines[i] ?? '';
          if (l.trim() !== '' && indentOf(l) < indent.length) break;
          if (l.startsWith(indent) && indentOf(l) === indent.length && key.test(l.trim())) return i;
        }
      }
      return -1;
    };
    const headersAt = siblingAt(/^headers:(?: (?:(?:Object \[\w+\] |\w+ )?\{|\[Object\])|$)/);
    const reasonAt = siblingAt(/^(?:statusText|statusMessage): ['"]/);
    // A response object has its headers or its reason phrase beside the status; a body's own `status` field has not.
    if (headersAt < 0 && reasonAt < 0) continue;
    const reasonLine = lines[reasonAt] ?? '';
    const reason = reasonAt < 0 ? '' : (literalAt(reasonLine, reasonLine.search(/['"]/))?.value ?? '');
    // Node before 12 put an object's value on the line after its key when it did not fit (`headers:` then `{ ...`).
    const headersBlock = headersAt >= 0 && /^\s*headers:$/.test(lines[headersAt] ?? '') ? blockAt(lines, headersAt + 1) : blockAt(lines, headersAt);
    const headers = headersAt < 0 ? [] : jsHeaders(headersBlock.replace(/^\s*(?:headers:[^{]*)?\{/, ''));
    const dataAt = siblingAt(/^(?:data|body|text): /);
    const dataLine = lines[dataAt] ?? '';
    const valueFrom = dataLine.indexOf(': ') + 2;
    const rest = lines.slice(dataAt).join('\n');
    const literal = dataAt < 0 ? null : concatenatedAt(rest, valueFrom);
    const body = literal ? literal.value : dataAt >= 0 && /^[{[]/.test(dataLine.slice(valueFrom)) ? blockAt(lines, dataAt).slice(dataLine.indexOf(': ') + 2) : null;
    return toResponse({ httpVersion: null, status: Number(status[2]), reason, headers }, body);
  }
  return null;
}

/** Python requests: `<Response [502]>`, the headers' dict, and the body's literal, in the order a REPL shows them. */
function pythonRequests(text: string): ParsedResponse | null {
  const status = /<Response \[(\d{3})\]>/.exec(text);
  if (!status) return null;
  const lines = text.slice(status.index + status[0].length).split(/\r?\n/);
  const dictAt = lines.findIndex((l) => /^\s*\{\s*['"][!#$%&*+.^_`|~0-9A-Za-z-]+['"]\s*:\s*['"]/.test(l));
  const dict = dictAt < 0 ? '' : blockAt(lines, dictAt);
  const headers = jsHeaders(dict);
  const after = lines.slice(dictAt < 0 ? 0 : dictAt + dict.split('\n').length).filter((l) => !/^\s*(?:>>>|\.\.\.|In \[\d+\]:|Out\[\d+\]:\s*$)/.test(l));
  const from = after.findIndex((l) => l.trim() !== '');
  const first = (after[from] ?? '').replace(/^\s*Out\[\d+\]:\s*/, '');
  const literal = /^\s*[bBuU]?['"]/.test(first) ? literalAt(first.trim(), 0) : null;
  const body = literal ? literal.value : from < 0 ? null : after.slice(from).join('\n');
  return toResponse({ httpVersion: null, status: Number(status[1]), reason: '', headers }, body);
}

/** Where the struct that opens at `from` (its `{`) closes, quoted strings skipped; the text's end when it does not. */
function structEnd(text: string, from: number): number {
  // A terminal's wrap may fall inside a quoted value: the quotes are matched across it.
  const flat = text.replace(/\n/g, ' ');
  let depth = 0;
  for (let at = from; at < flat.length; at += 1) {
    const c = flat[at];
    if (c === '"') at = (literalAt(flat, at)?.end ?? at + 1) - 1;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
  }
  return text.length;
}

/** The text between the first `open` and the `close` after it (the text's end when none), or null without `open`. */
function between(text: string, open: string, close: string): string | null {
  const from = text.indexOf(open);
  if (from < 0) return null;
  const to = text.indexOf(close, from + open.length);
  return text.slice(from + open.length, to < 0 ? undefined : to);
}

/**
 * Go's `*http.Response` printed with `%#v` (`&http.Response{Status:"502 Bad Gateway", ... Header:http.Header{...}}`)
 * or `%+v` (`&{Status:502 Bad Gateway ... Header:map[...]}`), as long as a terminal wrapped it; the body when a
 * `Body:` label follows it.
 */
function goResponse(text: string): ParsedResponse | null {
  const start = /&(?:http\.Response)?\{Status:"?\d{3}\b/.exec(text);
  if (!start) return null;
  const end = structEnd(text, text.indexOf('{', start.index));
  const struct = text.slice(start.index, end).replace(/\r?\n/g, '');
  const code = /\bStatusCode:(\d{3})\b/.exec(struct);
  if (!code) return null;
  const reason = /\bStatus:"?\d{3} ([^",]*?)"?,? StatusCode:/.exec(struct)?.[1] ?? '';
  const version = /\bProto:"?HTTP\/(\d(?:\.\d)?)/.exec(struct)?.[1]?.replace(/\.0$/, '') ?? null;
  const headers: HeaderField[] = [];
  const quoted = between(struct, 'Header:http.Header{', '}}');
  if (quoted !== null) {
    for (const m of `${quoted}}`.matchAll(/"([^"]+)":\[\]string\{([^}]*)\}/g)) {
      for (const v of (m[2] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)) headers.push({ name: m[1] ?? '', value: literalAt(v[0], 0)?.value.trim() ?? '' });
    }
  } else {
    headers.push(...goHeaderMap(between(struct, 'Header:map[', ']] ') ?? ''));
  }
  return toResponse({ httpVersion: version, status: Number(code[1]), reason, headers }, goBodyAfter(text, end));
}

/** The fields of a Go `http.Header` printed as a map (`Server:[nginx] Content-Length:[875]`, without its `]`). */
function goHeaderMap(map: string): HeaderField[] {
  return [...`${map}]`.matchAll(/([A-Za-z][\w-]*):\[([^\]]*)\]/g)].map((m) => ({ name: m[1] ?? '', value: m[2] ?? '' }));
}

/** The body a program printed after the response under a `Body:` label, or null. */
function goBodyAfter(text: string, end: number): string | null {
  const label = /^[ \t]*(?:[\w ]{0,20}\s)?body:[ \t]*\r?\n/im.exec(text.slice(end));
  return label ? text.slice(end + label.index + label[0].length) : null;
}

/**
 * Go's `*http.Response` printed with `%v`, its fields' values without names in the struct's order: `&{403 Forbidden
 * 403 HTTP/2.0 2 0 map[Content-Type:[application/json] ...] {0xc000184480} 875 [] false ...}`. The status is the
 * second field only when it repeats the first one's code.
 */
function goPlainResponse(text: string): ParsedResponse | null {
  const m = /&\{(\d{3})((?: [^\s\d][^ ]*)*) (\d{3}) HTTP\/(\d(?:\.\d)?) \d+ \d+ map\[/.exec(text);
  if (!m || m[1] !== m[3]) return null;
  const open = m.index + m[0].length - 1;
  const end = structEnd(text, text.indexOf('{', m.index));
  const close = text.slice(open, end).search(/\]\] |\]$|^\[\] /);
  const map = close < 0 ? '' : text.slice(open + 1, open + close + 1);
  return toResponse({ httpVersion: (m[4] ?? '').replace(/\.0$/, ''), status: Number(m[3]), reason: (m[2] ?? '').trim(), headers: goHeaderMap(map) }, goBodyAfter(text, end));
}

/** OkHttp's `Response{protocol=h2, code=502, message=Bad Gateway, url=https://...}`. */
function okHttpResponse(text: string): ParsedResponse | null {
  const m = /\bResponse\{protocol=([\w/.]+), code=(\d{3}), message=([^,}]*), url=[^}]*\}/.exec(text);
  if (!m) return null;
  const version = (m[1] ?? '').startsWith('h2') ? '2' : (/^http\/(\d(?:\.\d)?)$/.exec(m[1] ?? '')?.[1] ?? null);
  return toResponse({ httpVersion: version, status: Number(m[2]), reason: (m[3] ?? '').trim(), headers: [] }, null);
}

/** Java's header map with the status line under the `null` key; the map's other entries are the headers. */
function javaHeaderMap(text: string): ParsedResponse | null {
  const status = /\bnull=\[HTTP\/(\d(?:\.\d)?) (\d{3})\b([^\]\n]*)\]/.exec(text);
  if (!status) return null;
  const open = text.lastIndexOf('{', status.index);
  const close = text.indexOf('}', status.index);
  const map = text.slice(open + 1, close < 0 ? undefined : close);
  const headers = [...map.matchAll(/(?:^|, )([!#$%&'*+.^_`|~0-9A-Za-z-]+)=\[([^\]\n]*)\]/g)].map((m) => ({ name: m[1] ?? '', value: m[2] ?? '' }))
    .filter((h) => h.name !== 'null');
  return toResponse({ httpVersion: status[1] ?? null, status: Number(status[2]), reason: (status[3] ?? '').trim(), headers }, null);
}

/** A value of Foundation's description, quoted (with its quotes escaped) when it is not a plain word. */
const unquoteFoundation = (v: string) => (/^".*"$/.test(v) ? v.slice(1, -1).replaceAll('\\"', '"') : v);

/** A header of Foundation's description: `Name = ( value );` since iOS 13, `Name = value;` before. */
const FOUNDATION_HEADER = /^\s*("[^"\n]+"|[\w-]+) = +(?:\(\s*\n?\s*("(?:[^"\\\n]|\\.)*"|[^\n;)]*?)\s*\n?\s*\)|("(?:[^"\\\n]|\\.)*"|[^\n;]*?));/gm;

/** The JSON body Alamofire's debug description printed after `[Result]: SUCCESS: ` (or FAILURE), when it is JSON. */
function alamofireResultBody(text: string, from: number): string | null {
  const result = /\[Result\]: (?:SUCCESS|FAILURE): (?=\{)/.exec(text.slice(from));
  return result ? (objectTextAt(text, from + result.index + result[0].length) ?? null) : null;
}

/**
 * Foundation's description of an `NSHTTPURLResponse` (an iOS or macOS app's log, NSLog or print, Alamofire's debug
 * description): `{ Status Code: 502, Headers {` (`{ status code: 403, headers {` before iOS 13) then each header over
 * lines (quoted when not a plain word), `} }` (or the paste's end); Alamofire's `[Result]: SUCCESS: {...}` after it is the body, when JSON.
 */
function nsHttpUrlResponse(text: string): ParsedResponse | null {
  // A paste cut before the closing `} }` keeps the headers it shows.
  const m = /\{ [Ss]tatus [Cc]ode: (\d{3}), [Hh]eaders \{([\s\S]*?)(?:\n\s*\} \}|\s*$(?![\s\S]))/.exec(text);
  if (!m) return null;
  const headers = [...(m[2] ?? '').matchAll(FOUNDATION_HEADER)].map((h) => ({
    name: unquoteFoundation(h[1] ?? ''),
    value: unquoteFoundation((h[2] ?? h[3] ?? '').trim()),
  }));
  return toResponse({ httpVersion: null, status: Number(m[1]), reason: '', headers }, alamofireResultBody(text, m.index + m[0].length));
}

/**
 * .NET's `HttpResponseMessage.ToString()` (a test's or a logger's line): `StatusCode: 503, ReasonPhrase: 'Service
 * Unavailable', Version: 1.1, Content: System.Net.Http.…, Headers:` then `{`, each header as `  Name: value` on its
 * own line, `}` (the content's headers in the same block). It never holds the body.
 */
function dotnetResponseMessage(text: string): ParsedResponse | null {
  const m = /\bStatusCode: (\d{3}), ReasonPhrase: '([^'\n]*)', Version: (\d(?:\.\d)?), Content: [^\n]*?, Headers:[^\n]*\n\s*\{\r?\n([\s\S]*?)\n\s*\}/.exec(text);
  if (!m) return null;
  const headers = [...(m[4] ?? '').matchAll(/^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+): (.*?)\s*$/gm)].map((h) => ({ name: h[1] ?? '', value: h[2] ?? '' }));
  return toResponse({ httpVersion: (m[3] ?? '').replace(/\.0$/, ''), status: Number(m[1]), reason: m[2] ?? '', headers }, null);
}

/** The response a client library's printout holds, or null when the text is no such printout. */
export function parseClientDump(text: string): ParsedResponse | null {
  return nodeInspect(text) ?? pythonRequests(text) ?? goResponse(text) ?? goPlainResponse(text) ?? okHttpResponse(text) ?? javaHeaderMap(text) ?? nsHttpUrlResponse(text) ?? dotnetResponseMessage(text) ?? ethersBadResponse(text) ?? openApiException(text);
}
