/**
 * Detects what the user pasted and hands it to the right reader: raw HTTP or `curl -i` output,
 * `curl -v` output, a bare curl error line, a HAR file, a JSON object `{status, headers, body}`, a client library's
 * printout of its response object (parse-client-dump.ts), the message a client or tool printed for an error status
 * (parse-client-error.ts), a head as a tool or
 * a log renders it (`Status: 404` with header lines), DevTools' two-column copy of the headers (a name, then its value), a body alone (JSON, XML; a JSON object with a few words of
 * the reporter's around it), or else a page alone (its HTML source, or the text copied from the browser). What the
 * paste added around the response (a command line, a log prefix on every line, escapes) goes first (unwrap-paste.ts).
 * Text that turns out to be no error page is refused by `diagnose` with a message that says what was understood.
 */
import { parseClientDump } from './parse-client-dump.ts';
import { aptProxyHead } from './parse-apt-proxy.ts';
import { parseCassette } from './parse-cassette.ts';
import { parseFirebaseDebug } from './parse-firebase-debug.ts';
import { parseCargoError } from './parse-cargo-error.ts';
import { parseClientError } from './parse-client-error.ts';
import { extractFailure, hasCurlFailureLine, libcurlProxyRefusal, parseCurlOutput } from './parse-curl.ts';
import { clientProxyRefusal } from './proxy-tunnel-refusal.ts';
import { parseHttpText } from './parse-http.ts';
import { harEntry, isHarEntry, isResponseObject, parseBodyObject, parseHar, parseResponseObject } from './parse-json.ts';
import { parseToolResult } from './parse-tool-result.ts';
import { parseDevtoolsColumns } from './parse-devtools-columns.ts';
import { parseLooseHead } from './parse-loose-head.ts';
import { jsonAmongProse, objectFromFragment } from './json-in-prose.ts';
import { printRToObject } from './printed-object.ts';
import { parseBodyText, parsePage } from './parse-page.ts';
import type { Observation, ParsedInput } from './types.ts';
import { quote, unreadable } from './unreadable.ts';
import { linesOfArray, pageLiteral, unwrapPaste } from './unwrap-paste.ts';
import { requestLabel, RESPONSE_LABEL } from './observation-label.ts';
import { looksLikeHtml } from './visible-text.ts';

// Not a version followed by words (mitmproxy's page says `HTTP/2 protocol error: …`): that is prose, not a cut status line.
const STATUS_LINE_START = /^HTTP\/\d(?!(?:\.\d)? +[a-z])/m;
/** A status line at a line's start, also after curl -v's `< ` or some indentation. */
const STATUS_LINE_ANYWHERE = /^\s*(?:< )?HTTP\/\d(?:\.\d)? \d{3}\b/m;
/**
 * IIS's own console line for a request, with the sub-status the client never sees (`Request ended: <url> with HTTP
 * status 500.30`): a paste that has it beside a client's printout of the response is read for the server's words.
 */
const IIS_REQUEST_ENDED = /\bRequest ended: \S+ with HTTP status \d{3}\.\d+\b/;
/** curl -v's status line of the response (`< HTTP/1.1 502 Bad Gateway`), also indented by a quote. */
const CURL_STATUS_LINE = /^\s*< HTTP\/\d/m;
/**
 * curl -v's own lines: `*` info, `<` response, or `>` request lines that start with the request line. A stylesheet's
 * universal rule (`* {`, in many error pages' CSS) is no info line, nor a markdown bullet in bold (`* **Ray ID: ...**`,
 * a page's list as an issue renders it).
 */
const CURL_VERBOSE_LINE = /^(?:\* (?![{*])|< |> [A-Z]+ \S+ HTTP\/\d)/m;

/**
 * The page a JSON error object holds in one of its strings (`{"error": "<html>..."}`, a GraphQL error's message, a
 * tool's `{"body": "HTTP/1.1 502 ..."}`): a client wrapped the response it got, and the page says who sent it. Only
 * markup or a status line count: a message in words is the object's own.
 */
function pageInValues(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return looksLikeHtml(value) || STATUS_LINE_START.test(value.trimStart()) ? value : null;
  if (depth > 4 || typeof value !== 'object' || value === null) return null;
  for (const inner of Object.values(value)) {
    const page = pageInValues(inner, depth + 1);
    if (page !== null) return page;
  }
  return null;
}

/** A JSON body alone, or the page it wraps with the status the object names when the page names none. */
function parseBody(dict: Record<string, unknown>): ParsedInput {
  const body = parseBodyObject(dict);
  const page = pageInValues(dict);
  if (page === null) return { format: 'body', observations: [body] };
  const parsed = parseText(page);
  const [obs] = parsed.observations;
  if (parsed.observations.length !== 1 || !obs?.response || obs.response.status !== null) return parsed;
  return { ...parsed, observations: [{ ...obs, response: { ...obs.response, status: body.response?.status ?? null } }] };
}

function parseObject(data: unknown): ParsedInput {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw unreadable('JSON input must be an object: a HAR file or {status, headers, body}.', `JSON of type ${Array.isArray(data) ? 'array' : typeof data}.`);
  }
  const dict = data as Record<string, unknown>;
  if ('log' in dict) return { format: 'har', observations: parseHar(dict) };
  if (isHarEntry(dict)) return { format: 'har', observations: [harEntry(dict, 0)] };
  const printed = parseToolResult(dict);
  if (printed) return { format: 'json', observations: [printed] };
  if (!isResponseObject(dict)) return parseBody(dict);
  return { format: 'json', observations: [parseResponseObject(dict)] };
}

/** `orElse`: what the text reads as when it is no JSON after all (a log line opening with `[2024-09-30T16:08:56Z ...`). */
function parseJsonText(text: string, orElse: () => ParsedInput | null): ParsedInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const embedded = jsonAmongProse(text);
    if (embedded) return parseObject(embedded);
    const other = orElse();
    if (other) return other;
    throw unreadable(
      `The input looks like JSON but is not valid JSON (${(error as Error).message}).`,
      `${text.length} characters starting ${quote(text, 30)}; a HAR file or JSON object that was cut off would read like this.`,
    );
  }
  const lines = linesOfArray(data);
  return lines === null ? parseObject(data) : parseText(lines);
}

/** A status an object printed beside its page gives (`status: 413,`, `statusCode: 502`, `"status": 503`). */
const OBJECT_STATUS = /\bstatus(?:Code)?['"]?\s*[:=]\s*(\d{3})\b/;

/**
 * An error object printed by a runtime, not JSON (Node's util.inspect: `{ [name: message]\n  status: 413, ...
 * data: '<!DOCTYPE html>\n...' }`), holding the page as a string literal: the page, with the status beside it.
 */
function pageInObject(text: string): ParsedInput | null {
  const page = pageLiteral(text);
  if (page === null) return null;
  const parsed = parsePage(page);
  const named = OBJECT_STATUS.exec(text)?.[1];
  const [obs] = parsed.observations;
  if (named === undefined || !obs?.response || obs.response.status !== null) return parsed;
  return { ...parsed, observations: [{ ...obs, response: { ...obs.response, status: Number(named) } }] };
}

/** Text that starts like JSON but is a response (or curl output) after all: "[me@host ~]$ curl -v ...". */
const readsAsResponse = (text: string) => STATUS_LINE_START.test(text) || /^< HTTP\/\d/m.test(text);

/**
 * A log line's bracketed tag and a blank after it ("[debug] ** (...)", "[Mon Jan 01 10:00:00 2024] [proxy:error]",
 * "[2024-01-01 10:00:00 +0000] [7]"), or a letter right after it (Fly's "[error]instance refused connection"), or the
 * next tag ("[2021-03-03 22:59:27][spellbot.tasks][INFO]"): no JSON array opens that way, so the text is read as
 * words, not as broken JSON.
 */
const LOG_TAG = /^\[([^\]"{}[\n]{1,200})\](?:[ \t]|(?=[\p{L}[]))/u;
/** Bounded, and the letter looked for in the match alone: an unclosed `[` before a megabyte line must not backtrack. */
const opensWithLogTag = (text: string) => /[\p{L}\d]/u.test(LOG_TAG.exec(text)?.[1] ?? '');

/**
 * NUL bytes at the start with no status line before them: a binary file (an executable, an image), not a response.
 * A compressed body pasted after its head is the response's own and is read (parse-http.ts notes it).
 */
function hasBinaryStart(raw: string): boolean {
  const nul = raw.slice(0, 64).indexOf('\u0000');
  return nul >= 0 && !raw.slice(0, nul).includes('HTTP/');
}

/** A client's message as an observation, labelled with the request when the message named it. */
function clientObservation({ response, request }: NonNullable<ReturnType<typeof parseClientError>>): Observation {
  const label = request.url === null ? RESPONSE_LABEL : requestLabel(request.method, request.url);
  return { label, response, failure: null, hops: [], ...(request.direct === undefined ? {} : { directClient: request.direct }) };
}

/**
 * GitHub Actions' log viewer copies its line-number links into the text where a line's digits were (`4[21](https://
 * github.com/o/r/actions/runs/1/job/2#step:8:22) ERROR`): the digits are the log's, the link is the viewer's.
 */
const ACTIONS_LINE_LINK = /\[(\d+)\]\(https:\/\/github\.com\/[^\s)]*\/actions\/runs\/[^\s)]*#step:\d+:\d+\)/g;

function parseText(pasted: string): ParsedInput {
  if (hasBinaryStart(pasted)) {
    throw unreadable('This is binary data, not a response. Give the response as text: raw HTTP, curl -i or curl -v output, a HAR file or JSON.', `${pasted.length} characters with NUL bytes in the first 64.`);
  }
  const raw = pasted.replace(ACTIONS_LINE_LINK, '$1');
  const text = unwrapPaste(raw);
  const trimmed = text.trim();
  if (trimmed === '') throw unreadable('The input is empty.', 'nothing.');
  // A test suite's recorded interactions (VCR, vcrpy, Betamax, nock): each response as it was recorded.
  const recorded = parseCassette(raw) ?? parseCassette(trimmed);
  if (recorded) return { format: 'cassette', observations: recorded.map((response) => ({ label: RESPONSE_LABEL, response, failure: null, hops: [] })) };
  // apt's one-line message with the proxy's head in it: rebuilt, not read as a client's printout. Read from the paste
  // as given: unwrapping takes the message's own words off the line.
  const aptHead = aptProxyHead(raw);
  if (aptHead) {
    const { response, hops } = parseHttpText(aptHead);
    return { format: 'http', observations: [{ label: RESPONSE_LABEL, response, failure: null, hops }] };
  }
  // A client's printout of its response object is read as printed: unwrapping would undo its string escapes.
  const dump = STATUS_LINE_ANYWHERE.test(raw) || IIS_REQUEST_ENDED.test(raw) ? null : (parseClientDump(raw) ?? parseClientDump(text));
  if (dump) return { format: 'http', observations: [{ label: RESPONSE_LABEL, response: dump, failure: null, hops: [] }] };
  // The Firebase CLI's debug log: the API's response as it logged it, among its own narration.
  const firebase = parseFirebaseDebug(raw);
  if (firebase) {
    const label = firebase.url === null ? RESPONSE_LABEL : requestLabel(firebase.method, firebase.url);
    return { format: 'client-message', observations: [{ label, response: firebase.response, failure: null, hops: [] }] };
  }
  // Cargo's message for a registry's error status, with the headers and the body it printed.
  const cargo = parseCargoError(raw);
  if (cargo) return { format: 'client-message', observations: [{ label: requestLabel('GET', cargo.url), response: cargo.response, failure: null, hops: [] }] };
  const statusAt = text.search(STATUS_LINE_START);
  // A client's message for an error status, when no raw response and no curl output is there (git prints curl's `*`
  // lines with its own). Read before unwrapping too: taking an error message's words off a page would take it along.
  const noResponseShown = statusAt < 0 && !CURL_STATUS_LINE.test(text) && !hasCurlFailureLine(text);
  const clientMessage = (): ParsedInput | null => {
    if (!noResponseShown) return null;
    const client = parseClientError(raw) ?? parseClientError(text);
    return client ? { format: 'client-message', observations: [clientObservation(client)] } : null;
  };
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && !readsAsResponse(trimmed) && !opensWithLogTag(trimmed)) return parseJsonText(trimmed, () => clientMessage() ?? pageInObject(trimmed));
  // A tool's message quoting libcurl's proxy refusal (git's `unable to access '…': Received HTTP code 407 from proxy
  // after CONNECT`), where no status line or curl line of its own is there.
  const refusal = noResponseShown ? libcurlProxyRefusal(text) : null;
  if (refusal) return { format: 'curl-error', observations: [refusal] };
  // Python's, Java's or .NET's words for the same refusal.
  const tunnel = noResponseShown ? clientProxyRefusal(text) : null;
  if (tunnel) return { format: 'client-message', observations: [tunnel] };
  const client = clientMessage();
  if (client) return client;
  // curl -v prints "< HTTP/1.1 ..."; "*" and ">" lines before any bare status line are curl's too.
  if (CURL_STATUS_LINE.test(text) || CURL_VERBOSE_LINE.test(statusAt < 0 ? text : text.slice(0, statusAt))) {
    return { format: 'curl-verbose', observations: [parseCurlOutput(text)] };
  }
  if (statusAt >= 0) {
    const { text: httpText, failure } = extractFailure(text.slice(statusAt));
    const { response, hops } = parseHttpText(httpText);
    return { format: 'http', observations: [{ label: RESPONSE_LABEL, response, failure, hops }] };
  }
  if (hasCurlFailureLine(text)) return { format: 'curl-error', observations: [parseCurlOutput(text)] };
  const loose = parseLooseHead(text) ?? parseDevtoolsColumns(text);
  if (loose) return { format: 'http', observations: [{ label: RESPONSE_LABEL, response: loose, failure: null, hops: [] }] };
  const embedded = looksLikeHtml(text) ? undefined : (jsonAmongProse(text) ?? objectFromFragment(text) ?? printRToObject(text) ?? undefined);
  if (embedded) return parseObject(embedded);
  return parseBodyText(text) ?? parsePage(text);
}

/** For text read as a page that no fingerprint recognises and that names no status: it was no error page. */
export function notAPage(text: string): Error {
  return unreadable(
    'This is not a response httpwhy can read. Paste a raw response or curl -i output (starting "HTTP/1.1 502 Bad Gateway"), curl -v output, a "curl: (N) ..." error line, a client\'s network error (such as "connect ECONNREFUSED 127.0.0.1:3000" or "dial tcp 10.0.0.5:8080: connect: connection refused"), an HTTP client\'s error message with the status (such as "502 Server Error: Bad Gateway for url: ..." or "Response status code does not indicate success: 502 (Bad Gateway)"), a HAR file, a JSON object {status, headers, body}, the error page itself (its source, or its text copied from the browser, with the status it shows), or a proxy\'s access-log or error-log lines for the request.',
    `text starting ${quote(text.trim())}.`,
  );
}

export function parseInput(input: string | object): ParsedInput {
  return typeof input === 'string' ? parseText(input) : parseObject(input);
}
