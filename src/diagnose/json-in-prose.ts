/**
 * A JSON body pasted with a few words around it ("Response body:" before it, "any idea?" after it): the object is
 * found where a line starts with `{`, read up to its matching brace, and kept when it parses and the words around it
 * are a few lines at most. Anything longer is no such paste, and is read as a page.
 */

import { jsonValueOf, walkStructure } from './json-walk.ts';
import { printedObjectToJson } from './printed-object.ts';

/** More lines of words than this before or after the object: it is part of a page, not a pasted body. */
const MAX_PROSE_LINES = 3;

const proseLines = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

/** Where the JSON value starting at `from` ends (after its closing brace), or -1; strings and escapes respected. */
function endOfValue(text: string, from: number): number {
  const { stop } = walkStructure(text, from, (mark, depth) => mark !== ',' && depth === 0);
  return stop < 0 ? -1 : stop + 1;
}

/** The value of an object as Python or Ruby printed it, or undefined (printed-object.ts). */
function printedValueOf(text: string): unknown {
  const json = printedObjectToJson(text);
  return json === null ? undefined : jsonValueOf(json);
}

/** The JSON object in `[from, end)`, parsed (or the same object as Python or Ruby printed it), or undefined when it is no object. */
function parsedObject(text: string, from: number, end: number): Record<string, unknown> | undefined {
  const slice = text.slice(from, end);
  const data = jsonValueOf(slice) ?? printedValueOf(slice);
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** The JSON object that opens at `from` (a `{`), parsed, or undefined when it does not close or parse. */
export function objectAt(text: string, from: number): Record<string, unknown> | undefined {
  const end = endOfValue(text, from);
  return end < 0 ? undefined : parsedObject(text, from, end);
}

/** The text of the JSON object that opens at `from` (a `{`), when it closes and parses, else undefined. */
export function objectTextAt(text: string, from: number): string | undefined {
  const end = endOfValue(text, from);
  return end >= 0 && parsedObject(text, from, end) !== undefined ? text.slice(from, end) : undefined;
}

/**
 * Where an object starts a line, or follows a short label on it (`slacktee.sh: {…}`, `Response => {…}`), as tools print
 * a body they received, or the class name util.inspect puts before an instance (`AirtableError {…}`).
 */
const OBJECT_START = /^[ \t]*(?:[^{}\n"]{1,80}?(?::|=>?|->)[ \t]+|[A-Z][\w$]{0,60} )?\{/m;

/** The JSON object among a few lines of words, or undefined. */
export function jsonAmongProse(text: string): Record<string, unknown> | undefined {
  const start = OBJECT_START.exec(text);
  if (!start) return undefined;
  const from = start.index + start[0].length - 1;
  const end = endOfValue(text, from);
  if (end < 0 || proseLines(text.slice(0, from)) > MAX_PROSE_LINES || proseLines(text.slice(end)) > MAX_PROSE_LINES) return undefined;
  const data = parsedObject(text, from, end);
  return data && isGrpcClientError(data) ? undefined : data;
}

/**
 * A gRPC client's error object (grpc-node's ServiceError: the gRPC status `code`, `details`, the trailers in `metadata`),
 * printed after `err: `: what the client made of the call, not a body the server sent.
 */
const isGrpcClientError = (data: Record<string, unknown>): boolean => typeof data.code === 'number' && 'details' in data && 'metadata' in data;

/** A fragment that starts at an object's first key (`"status": 502, ...`): the braces around it were not copied. */
const FRAGMENT_START = /^\s*"[\w$@.-]{1,64}"\s*:/;

/**
 * An object's members copied without its braces, the end maybe cut after a complete value (a HAR entry's
 * `"status": 502, "headers": [ ... ]` as a forum shows it), or without its opening brace only: closed again and parsed,
 * or undefined.
 */
export function objectFromFragment(text: string): Record<string, unknown> | undefined {
  if (!FRAGMENT_START.test(text)) return undefined;
  const closers: string[] = ['}'];
  const { inString } = walkStructure(text, 0, (mark) => {
    if (mark === '{') closers.push('}');
    else if (mark === '[') closers.push(']');
    else if (mark !== ',') closers.pop();
    return false;
  });
  if (inString) return undefined;
  try {
    const data: unknown = JSON.parse(`{${text.trim().replace(/,$/, '')}${closers.toReversed().join('')}`);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
