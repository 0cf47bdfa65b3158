/**
 * Reads the message an HTTP client or tool printed for an error status (its wordings: client-wordings.ts), with the
 * body it printed with it: on the message's own line, on the lines after it (up to a stack trace), under a label of
 * its own on a later line, or before it (a log that shows the body, then the error).
 */
import { readLine, QUOTED_BODY_AT, type ClientErrorLine, type ReadLine } from './client-wordings.ts';
import { objectTextAt } from './json-in-prose.ts';
import { literalAt } from './string-literal.ts';
import type { ParsedResponse } from './types.ts';

/** How far into a line a tool's message is looked for: the prefix a log gives it is short. */
const MAX_LINE = 4096;

/**
 * Lines that end a body printed after the message: a stack trace (Java, .NET, Node), a traceback, the next log record,
 * curl's own `* ` lines and git's `error:` / `fatal:` lines around curl's message.
 */
const AFTER_BODY = /^\s*(?:at (?:async )?[\w$.<>[\]]+ ?\(|at \S+:\d+(?::\d+)?\)?\s*$|Traceback \(|File "|Caused by: |During handling of the above exception|The above exception was|\d{4}-\d\d-\d\d[ T]\d\d:|\* |error: RPC failed|fatal: )/;

/**
 * A client's message as it was read, or, when it names a body it could not take and the line holds escaped quotes, as
 * it reads inside the string a logger quoted it in (logfmt's `err="… 429 Too Many Requests: {\"jsonrpc\":…}"`).
 */
function readInQuotes(text: string): ReadLine | null {
  const read = readLine(text);
  if (!read || read.body !== null || read.inline !== null || !text.includes('\\"')) return read;
  const unquoted = readLine(text.replaceAll('\\"', '"'));
  return unquoted?.body ? unquoted : read;
}

/** A body wrapped in `[...]`, `"..."` or `'...'` after Spring's (or MLflow's) message, up to the line its wrapper closes on. */
function inlineBody(first: string, rest: readonly string[]): string | null {
  const open = /^: ([["'])/.exec(first);
  if (!open) return null;
  const close = open[1] === '[' ? ']' : (open[1] ?? '"');
  const lines = [first.slice(3)];
  for (const next of rest) {
    if (lines.at(-1)?.trimEnd().endsWith(close)) break;
    lines.push(next);
  }
  const body = lines.join('\n').trimEnd();
  const inner = (body.endsWith(close) ? body.slice(0, -1) : body).trimEnd();
  return inner === 'no body' || inner.trim() === '' ? null : inner;
}

/** A body's label before it on its line; alone on its line, the body is on the lines after it. */
const BODY_LABEL = /^\s*(?:Response body|Body|body):\s*/;
const LABEL_ALONE = new RegExp(`${BODY_LABEL.source}$`);

/**
 * What was printed on the lines after the message (after "Response body:" or alone), up to a stack trace: a page, JSON,
 * or the page's words (a browser's or a tool's rendering of it).
 */
function followingBody(rest: readonly string[]): string | null {
  const nextText = (from: number) => rest.findIndex((l, i) => i >= from && l.trim() !== '');
  let start = nextText(0);
  // React Native's BundleDownloader names the URL on a line of its own, then "Body:" alone on a line above the body.
  if (start >= 0 && /^\s*URL: \S+\s*$/.test(rest[start] ?? '')) start = nextText(start + 1);
  if (start >= 0 && LABEL_ALONE.test(rest[start] ?? '')) start = nextText(start + 1);
  if (start < 0 || AFTER_BODY.test(rest[start] ?? '')) return null;
  const first = (rest[start] ?? '').replace(BODY_LABEL, '');
  const end = rest.findIndex((l, i) => i > start && AFTER_BODY.test(l));
  const body = [first, ...rest.slice(start + 1, end < 0 ? undefined : end)].join('\n').trimEnd();
  return body.trim() === '' ? null : body;
}

/** How far after a client's message a logged response body is looked for. */
const LABELLED_BODY_LINES = 8;
/** Words of a label that says the JSON after it is what was sent, not what came back. */
const SENT_LABEL = /request|param|payload|sent|query/i;

/**
 * A JSON object the next lines print after a label of their own (a logger's prefix and `response = {Response} {...}`,
 * `请求异常信息: {...}`), when the label does not say it was the request's: the response's body as the client logged it.
 */
function labelledJsonAfter(rest: readonly string[]): string | null {
  for (const next of rest.slice(0, LABELLED_BODY_LINES)) {
    const open = next.indexOf('{"');
    if (open <= 0 || SENT_LABEL.test(next.slice(0, open)) || MARKUP_START.test(next)) continue;
    const body = objectTextAt(next, open);
    if (body !== undefined) return body;
  }
  return null;
}

/** A line that opens a page or JSON: a tag or a brace first, or an HTML document's start anywhere. */
const MARKUP_START = /^\s*[<{]|<(?:!DOCTYPE\s+html|html)\b/i;

/** A page or JSON printed before the message (a log that shows the body, then the error): from its first tag or brace. */
function precedingBody(before: readonly string[]): string | null {
  const start = before.findIndex((l) => MARKUP_START.test(l));
  if (start < 0) return null;
  const body = before.slice(start).join('\n').trim();
  return body === '' ? null : body;
}

/**
 * The text body git printed before its error: over smart HTTP it shows a text/plain error answer's lines as
 * `remote: <line>` (remote-curl.c), the server's own words (GitLab's "You are not allowed to push code to this project.").
 */
function gitRemoteBody(before: readonly string[]): string | null {
  const remote = before.filter((l) => l.startsWith('remote: ')).map((l) => l.slice('remote: '.length));
  return remote.length === 0 ? null : remote.join('\n');
}

/** A page or JSON printed right after line `at` or before it (`curl --fail-with-body` prints the body first), else null. */
export function markupAround(lines: readonly string[], at: number): string | null {
  const rest = lines.slice(at + 1);
  const following = followingBody(rest);
  return following !== null && MARKUP_START.test(following) ? following : precedingBody(lines.slice(0, at));
}

const isErrorStatus = (status: number) => status >= 400 && status <= 599;

/** The first tool message in the text naming an error status, with the body printed with it (after it, else before it); else null. */
export function parseClientError(text: string): { response: ParsedResponse; request: ClientErrorLine } | null {
  const lines = text.split(/\r?\n/);
  for (const [at, whole] of lines.entries()) {
    const read = readInQuotes(whole.slice(0, MAX_LINE));
    if (!read || !isErrorStatus(read.found.status)) continue;
    const rest = lines.slice(at + 1);
    const inline = read.inline === null ? null : read.quoted ? (literalAt(read.inline, QUOTED_BODY_AT)?.value ?? null) : inlineBody(read.inline, rest);
    const unquoted = read.body?.unquoted === true || (read.quoted && inline !== null);
    const following = followingBody(rest);
    const printed = following !== null && MARKUP_START.test(following) ? following : (labelledJsonAfter(rest) ?? following);
    const body = read.body?.body ?? inline ?? printed ?? precedingBody(lines.slice(0, at)) ?? gitRemoteBody(lines.slice(0, at));
    const note = read.body?.jsonErrorField ? 'json-error-field' : unquoted ? 'unquoted' : null;
    const response: ParsedResponse = { httpVersion: null, status: read.found.status, reason: read.found.reason, headers: read.found.headers ?? [], body, truncated: false, form: 'client-message', bodyNote: note };
    return { response, request: read.found };
  }
  return null;
}
