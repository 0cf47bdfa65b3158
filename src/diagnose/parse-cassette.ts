/**
 * Recorded HTTP interactions, as test suites keep them and people paste them from there: Ruby's VCR and Python's
 * vcrpy cassettes (YAML, `response: {status: {code, message}, headers: {Name: [value]}, body: {string}}`, or a JSON
 * body as YAML under `parsed_body`), go-vcr's (`response: {status: "404 Not Found", code: 404, headers, body}`), Betamax's
 * JSON with the same keys, and nock's recordings (its definitions `{scope, method, path, status, response, rawHeaders}`,
 * and the `.reply(status, body, headers)` calls its recorder prints); the stubs that Java's and .NET's recorders save:
 * WireMock's mappings (`{request, response: {status, headers, body | jsonBody}}`), MockServer's expectations
 * (`{httpRequest, httpResponse: {statusCode, reasonPhrase, headers, body}}`) and EasyVCR's cassettes (`{Request,
 * Response: {Status: {Code, Message}, ResponseHeaders, ContentHeaders, Body}}`).
 * Each recorded response is a whole message as the service sent it (the recorder's own filters aside): its status,
 * its headers and its body.
 */
import { parse as parseYaml } from 'yaml';
import { objectFromFragment } from './json-in-prose.ts';
import { jsonValueOf } from './json-walk.ts';
import type { HeaderField, ParsedResponse } from './types.ts';

/**
 * A cassette's marks, looked for before anything is parsed: its YAML `response:` key, nock's `rawHeaders`, or a JSON
 * `"response": {` with a `"status": {"code"` somewhere (Betamax puts the headers, often thousands of characters, between
 * them; EasyVCR capitalises both) or a WireMock mapping's marks, or MockServer's `"httpResponse"`. Each mark is looked
 * for on its own, in one pass over the text.
 */
const CASSETTE_MARK = /^[ \t]*(?:-[ \t]+)?response:[ \t]*$|"rawHeaders"\s*:\s*\[/m;
const JSON_RESPONSE_MARK = /"response"\s*:\s*\{/i;
const JSON_STATUS_CODE_MARK = /"status"\s*:\s*\{\s*"code"/i;
/** WireMock's mapping: a request matcher, and a response whose `"status"` is a number. */
const WIREMOCK_MARKS = [/"request"\s*:\s*\{/, /"status"\s*:\s*\d{3}\b/];
const MOCKSERVER_MARK = /"httpResponse"\s*:\s*\{/;
const hasCassetteMark = (text: string): boolean =>
  CASSETTE_MARK.test(text) ||
  MOCKSERVER_MARK.test(text) ||
  (JSON_RESPONSE_MARK.test(text) && (JSON_STATUS_CODE_MARK.test(text) || WIREMOCK_MARKS.every((mark) => mark.test(text))));
/** Cassettes hold whole bodies, base64 ones too; a paste beyond this is no cassette worth a YAML parse. */
const MAX_CASSETTE_LENGTH = 512 * 1024;
/** A paste holds a few interactions; past this many `response:` blocks the rest is left unread. */
const MAX_RESPONSE_BLOCKS = 50;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{Name: [values]}` (VCR, vcrpy, Betamax), `{name: value}`, or nock's flat `[name, value, name, value…]`. */
function headersOf(raw: unknown): HeaderField[] {
  if (Array.isArray(raw)) {
    const fields: HeaderField[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) fields.push({ name: String(raw[i]), value: String(raw[i + 1]) });
    return fields;
  }
  if (!isObject(raw)) return [];
  return Object.entries(raw).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: String(v) })));
}

/**
 * The recorded body: VCR's and Betamax's `{string}` (none for a base64 one), or a plain string; else a JSON body kept
 * as YAML under `parsed_body` (pydantic-ai's cassette serializer), written back as the JSON it was.
 */
function bodyOf(response: Json): string | null {
  const raw = response.body;
  if (typeof raw === 'string') return raw;
  if (isObject(raw) && typeof raw.string === 'string') return raw.string;
  return isObject(response.parsed_body) || Array.isArray(response.parsed_body) ? JSON.stringify(response.parsed_body) : null;
}

function message(status: number, reason: string, headers: HeaderField[], body: string | null): ParsedResponse {
  return { httpVersion: null, status, reason, headers, body, truncated: false, form: 'message', bodyNote: null };
}

/** One recorded response, or null for an object that is none. */
function recorded(obj: Json): ParsedResponse | null {
  const response = obj.response;
  // VCR, vcrpy, Betamax.
  if (isObject(response) && isObject(response.status) && typeof response.status.code === 'number') {
    const reason = typeof response.status.message === 'string' ? response.status.message : '';
    return message(response.status.code, reason, headersOf(response.headers), bodyOf(response));
  }
  // go-vcr (Go's recorder, in Terraform providers' and SDKs' tests): `code: 429` beside `status: 429 Too Many Requests`.
  if (isObject(response) && typeof response.code === 'number' && (typeof response.status === 'string' || response.status === undefined)) {
    const reason = typeof response.status === 'string' ? response.status.replace(/^\d{3}\s*/, '') : '';
    return message(response.code, reason, headersOf(response.headers), bodyOf(response));
  }
  // nock: the status beside the response, which is the body (a string, or the JSON it sent).
  if (typeof obj.status === 'number' && 'response' in obj && ('rawHeaders' in obj || 'scope' in obj)) {
    const body = typeof response === 'string' ? response : response === undefined ? null : JSON.stringify(response);
    return message(obj.status, '', headersOf(obj.rawHeaders ?? obj.headers), body);
  }
  return stubbed(obj);
}

const jsonText = (value: unknown): string | null => (typeof value === 'string' ? value : value === undefined || value === null ? null : JSON.stringify(value));

/** A HAR entry's response, read as HAR: its headers a list of {name, value}, its body under content, its statusText. */
const isHarResponse = (response: Json): boolean => Array.isArray(response.headers) || 'content' in response || 'statusText' in response;

/** A Java or .NET recorder's stub: WireMock's mapping, MockServer's expectation, EasyVCR's interaction. */
function stubbed(obj: Json): ParsedResponse | null {
  const { response, httpResponse, Response } = obj;
  // WireMock: the request matcher beside a response whose status is a number; a base64 body is left unread.
  if (isObject(obj.request) && isObject(response) && typeof response.status === 'number' && !isHarResponse(response)) {
    return message(response.status, '', headersOf(response.headers), jsonText(response.body ?? response.jsonBody));
  }
  // MockServer: its body a string or `{type, json | string}`, its headers `{Name: [values]}`.
  if (isObject(httpResponse) && typeof httpResponse.statusCode === 'number') {
    const raw = httpResponse.body;
    const body = isObject(raw) ? jsonText(raw.json ?? raw.string) : jsonText(raw);
    const reason = typeof httpResponse.reasonPhrase === 'string' ? httpResponse.reasonPhrase : '';
    return message(httpResponse.statusCode, reason, headersOf(httpResponse.headers), body);
  }
  // EasyVCR: the content headers (Content-Type, Content-Length) kept apart from the others.
  if (isObject(Response) && isObject(Response.Status) && typeof Response.Status.Code === 'number') {
    const reason = typeof Response.Status.Message === 'string' ? Response.Status.Message : '';
    const headers = [...headersOf(Response.ResponseHeaders), ...headersOf(Response.ContentHeaders)];
    return message(Response.Status.Code, reason, headers, jsonText(Response.Body));
  }
  return null;
}

const parsedOrUndefined = (text: string): unknown => {
  try {
    return parseYaml(text, { uniqueKeys: false, maxAliasCount: 0, logLevel: 'silent' });
  } catch {
    return undefined;
  }
};

const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].length ?? 0;

/**
 * Each `response:` block of a YAML cassette on its own, out of its indentation: a paste is often a piece of one
 * (an interaction's response, its `recorded_at`, then the file's last line less indented than the first).
 */
function responseBlocks(text: string): unknown[] {
  const lines = text.split('\n');
  const blocks: unknown[] = [];
  lines.forEach((line, at) => {
    const m = blocks.length < MAX_RESPONSE_BLOCKS ? /^([ \t]*)(?:-[ \t]+)?response:[ \t]*$/.exec(line) : null;
    if (!m) return;
    const base = indentOf(line);
    let end = at + 1;
    while (end < lines.length && ((lines[end] as string).trim() === '' || indentOf(lines[end] as string) > base)) end++;
    const cut = (m[1] as string).length;
    const block = ['response:', ...lines.slice(at + 1, end).map((l) => l.slice(Math.min(cut, indentOf(l))))].join('\n');
    blocks.push(parsedOrUndefined(block));
  });
  return blocks;
}

/** nock's recorder printing code: `.reply(403, "<body>", { 'content-type': '…', … })`, the body a string or an object. */
const NOCK_REPLY = /^\.reply\(\s*(\d{3})\s*,([\s\S]*)\)\s*;?\s*$/;

/** A nock `.reply(…)` call's status, body and headers, its JavaScript literals read as YAML flow collections. */
function nockReply(text: string): ParsedResponse | null {
  // The first call only, matched from where it starts: a pattern searched for anywhere would re-read the text from
  // every `.reply(` in it.
  const m = NOCK_REPLY.exec(text.slice(text.indexOf('.reply(')));
  if (!m) return null;
  const args = parsedOrUndefined(`[${m[2] as string}]`);
  if (!Array.isArray(args)) return null;
  const [body, headers] = args as unknown[];
  return message(Number(m[1]), '', headersOf(headers), typeof body === 'string' ? body : body === undefined ? null : JSON.stringify(body));
}

/** The responses a pasted cassette records, in order; null when the text is no cassette. */
export function parseCassette(text: string): ParsedResponse[] | null {
  if (text.length > MAX_CASSETTE_LENGTH) return null;
  if (!hasCassetteMark(text)) {
    const reply = text.includes('.reply(') ? nockReply(text) : null;
    return reply ? [reply] : null;
  }
  const trimmed = text.trim();
  // JSON (Betamax, nock) by JSON's own parser, which gives up on broken input at once where YAML's flow parser would
  // not, also an interaction's members copied without its braces (`"response": {…}, "url": …`); YAML cassettes block
  // by block.
  const parsed = /^[[{]/.test(trimmed) ? jsonValueOf(trimmed) : trimmed.startsWith('"') ? objectFromFragment(trimmed) : responseBlocks(text);
  if (parsed === undefined) return null;
  const found: ParsedResponse[] = [];
  // Walked with a stack, not by recursion: a pasted document may nest deeper than the call stack.
  const pending: unknown[] = [parsed];
  // Last in, first out, children pushed in reverse: the document's order without spreading a long array as arguments.
  const pushAll = (values: readonly unknown[]) => {
    for (let i = values.length - 1; i >= 0; i--) pending.push(values[i]);
  };
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) pushAll(value);
    else if (isObject(value)) {
      const response = recorded(value);
      if (response) found.push(response);
      else pushAll(Object.values(value));
    }
  }
  return found.length > 0 ? found : null;
}
