/**
 * Reads structured inputs: a HAR 1.2 file (every entry becomes an observation), a plain object
 * `{status, headers, body}` as logged by HTTP clients, or a client library's response object with the body in `data`
 * (axios, AngularJS; headers as an object, a list of
 * `{name, value}` or a list of `[name, value]`; a body object is read as its JSON), and any other JSON object as a
 * response body alone (`{"message":"Missing Authentication Token"}`), whose status is its own `status`,
 * `statusCode` or `code` field when that names one.
 */
import { Buffer } from 'node:buffer';
import { toResponse } from './parse-http.ts';
import type { HeaderField, Observation } from './types.ts';
import { quote, unreadable } from './unreadable.ts';
import { harEntryLabel, RESPONSE_LABEL } from './observation-label.ts';
import { browserFailureKind } from './transport-errors.ts';

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readStatus(value: unknown): { status: number; reason: string } | undefined {
  const m = /^\s*(\d{3})(?:\s(.*))?$/.exec(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
  return m ? { status: Number(m[1]), reason: (m[2] ?? '').trim() } : undefined;
}

function readHeaders(value: unknown, where: string): HeaderField[] {
  if (value === undefined || value === null) return [];
  const pairs: unknown[][] = Array.isArray(value)
    ? value.map((h) => (Array.isArray(h) ? h : isDict(h) ? [h.name, h.value] : [h]))
    : isDict(value)
      ? Object.entries(value).flatMap(([name, v]) => (Array.isArray(v) ? v.map((one) => [name, one]) : [[name, v]]))
      : [[value]];
  return pairs.map(([name, v]) => {
    if (typeof name !== 'string' || !['string', 'number'].includes(typeof v)) {
      throw unreadable(`${where}: every header needs a name and a text value.`, `a header ${quote(JSON.stringify([name, v]))}.`);
    }
    return { name, value: String(v) };
  });
}

/** A body as given: a string as it is, any other value as its JSON; null when there is none. */
export function readBody(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The keys of `{status, headers, body}`; an object with only these, or with headers or a body, is a response. */
const RESPONSE_KEYS = new Set(['status', 'statusText', 'headers', 'body']);
/**
 * Fields in which error bodies name their status, with the lowest status each is taken for: Spring's `status` and
 * Fastify's and NestJS's `statusCode` any status; `code`, and Telegram's Bot API's `error_code`, only an error status,
 * as many APIs put their own numbers there (Parse Server's 141, a script's failure; its 209, an invalid session).
 */
const STATUS_FIELDS: ReadonlyArray<[field: string, lowest: number]> = [
  ['status', 100],
  ['statusCode', 100],
  ['code', 400],
  ['error_code', 400],
];

/**
 * The response object an HTTP client library hands to error handlers and people print: axios's `error.response` and
 * AngularJS's `$http` rejection, `{data, status, statusText, headers, config}`, the body in `data`. `data` and a
 * numeric `status` alone are also an API's envelope (`{"status": 500, "data": null}`), so one of the client's own keys
 * (config, statusText, request) must be there too.
 */
const CLIENT_RESPONSE_KEYS = new Set(['data', 'status', 'statusText', 'headers', 'config', 'request', 'xhrStatus']);

function isClientResponse(data: Dict): boolean {
  const keys = Object.keys(data);
  return 'data' in data && readStatus(data.status) !== undefined && ['config', 'statusText', 'request'].some((k) => k in data) && keys.every((k) => CLIENT_RESPONSE_KEYS.has(k));
}

export function isResponseObject(data: Dict): boolean {
  const keys = Object.keys(data);
  return 'headers' in data || 'body' in data || isClientResponse(data) || (keys.length > 0 && keys.every((k) => RESPONSE_KEYS.has(k)));
}

/** A JSON error body pasted alone: no headers; the status from its own fields, or unknown. */
export function parseBodyObject(data: Dict): Observation {
  const status = STATUS_FIELDS.map(([field, lowest]) => {
    const read = readStatus(data[field]);
    return read !== undefined && read.status >= lowest && read.status <= 599 ? read : undefined;
  }).find((read) => read !== undefined);
  const response = { httpVersion: null, status: status?.status ?? null, reason: '', headers: [], body: JSON.stringify(data), truncated: false, form: 'body' as const, bodyNote: null };
  return { label: RESPONSE_LABEL, response, failure: null, hops: [] };
}

/** `{status, headers?, body?, statusText?}`. */
export function parseResponseObject(data: Dict): Observation {
  const status = readStatus(data.status);
  if (!status) {
    throw unreadable(
      'A JSON response needs "status": a three-digit number such as 502.',
      `a JSON object with the key(s) ${Object.keys(data).join(', ') || '(none)'}${'status' in data ? ` and status ${quote(JSON.stringify(data.status))}` : ''}.`,
      { keys: Object.keys(data) },
    );
  }
  const reason = typeof data.statusText === 'string' ? data.statusText : status.reason;
  const head = { httpVersion: null, status: status.status, reason, headers: readHeaders(data.headers, 'headers') };
  const body = isClientResponse(data) ? data.data : data.body;
  return { label: RESPONSE_LABEL, response: toResponse(head, readBody(body)), failure: null, hops: [] };
}

function harVersion(value: unknown): string | null {
  const m = /(?:HTTP\/|^h)(\d(?:\.\d)?)/i.exec(typeof value === 'string' ? value : '');
  return m?.[1]?.replace(/\.0$/, '') ?? null;
}

export function harEntry(entry: unknown, index: number): Observation {
  const where = `HAR entry ${index + 1}`;
  const request = isDict(entry) && isDict(entry.request) ? entry.request : {};
  const label = harEntryLabel(index, String(request.method ?? '?'), String(request.url ?? '?'));
  const response = isDict(entry) ? entry.response : undefined;
  const status = isDict(response) ? readStatus(response.status) : undefined;
  if (!isDict(response) || (!status && response.status !== 0)) {
    throw unreadable(`${where} has no response status.`, `${label}.`, { entry: index + 1 });
  }
  if (!status) {
    // Status 0: the browser got no response. Chrome records why in _error (net::ERR_CONNECTION_REFUSED, ...).
    const error = response['_error'];
    const message = typeof error === 'string' && error !== '' ? error : 'no response was recorded';
    return { label, response: null, failure: { tool: 'browser', exitCode: null, kind: browserFailureKind(message), message, trace: [] }, hops: [] };
  }
  const content = isDict(response.content) ? response.content : {};
  const text = typeof content.text === 'string' ? content.text : null;
  const body = text !== null && content.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
  const head = {
    httpVersion: harVersion(response.httpVersion),
    status: status.status,
    reason: typeof response.statusText === 'string' ? response.statusText : status.reason,
    headers: readHeaders(response.headers, where),
  };
  return { label, response: toResponse(head, body), failure: null, hops: [] };
}

/**
 * One HAR entry without the file around it ({request, response} with the response's status and its headers list or
 * content), as a browser's "Copy as HAR" of one request or a recording cut to its failing entry gives it.
 */
export function isHarEntry(data: Dict): boolean {
  const { request, response } = data;
  return isDict(request) && typeof request.url === 'string' && isDict(response) && 'status' in response && (Array.isArray(response.headers) || isDict(response.content));
}

export function parseHar(data: Dict): Observation[] {
  const log = isDict(data.log) ? data.log : {};
  if (!Array.isArray(log.entries)) {
    throw unreadable('A HAR file needs log.entries.', `a JSON object with "log" but no entries list.`);
  }
  if (log.entries.length === 0) throw unreadable('This HAR file has no entries.', 'a HAR file with an empty log.entries list.');
  return log.entries.map(harEntry);
}
