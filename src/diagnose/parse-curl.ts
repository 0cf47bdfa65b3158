/**
 * Reads curl's own output: `curl -v` (`*` info, `>` request and `<` response lines, body lines in
 * between) and the failure line `curl: (N) message` that curl prints when no complete response came.
 * `curl --fail` turns an error status into `curl: (22) The requested URL returned error: 502`, which
 * becomes a response with that status and nothing else.
 */
import { parseHeaderLines, parseStatusLine, toHop, toResponse, type ResponseHead, type StatusLine } from './parse-http.ts';
import type { ClientFailure, Observation } from './types.ts';
import { quote, unreadable } from './unreadable.ts';
import { GLUED_PROGRESS, PROGRESS_LINE } from './curl-progress.ts';
import { markupAround } from './parse-client-error.ts';
import { RESPONSE_LABEL } from './observation-label.ts';
import { parseLooseHead } from './parse-loose-head.ts';

const FAILURE_LINE = /^curl: \((\d+)\) (.*)$/;
const FAILURE_LINES = /^curl: \(\d+\) .*(?:\r?\n|$)/gm;
const FAIL_STATUS = /^The requested URL returned error: (\d{3})\b *(.*)$/;
/**
 * libcurl's error for a proxy that refused the tunnel: the status is the proxy's answer to CONNECT (lib/cf-h1-proxy.c
 * "CONNECT tunnel failed, response %d"; before 7.75 "Received HTTP code %d from proxy after CONNECT"), exit code 56.
 * Tools built on libcurl (git, apt, pip's vendored curl users) print it with their own words around it.
 */
const PROXY_CONNECT = /\b(?:Received HTTP code (\d{3}) from proxy after CONNECT|CONNECT tunnel failed, response (\d{3}))\b/;
/** When a body has no final newline, curl's next info line lands on the same terminal line. */
const GLUED_INFO = /^(.*?)\* ((?:Connection #\d+|Closing connection|shutting down connection).*)$/;
/** curl's closing info line pasted without its `* ` (a body printed after it is still the body). */
const BARE_INFO = /^(?:Connection #\d+ to host .* left intact|Closing connection #?\d+)$/;
/** A line the paste put in place of what it left out. */
const ELISION = /^\s*(?:\.{3,}|…|\[\.{3}\]|\[…\])\s*$/;

interface RawResponse {
  statusLine: StatusLine;
  headerLines: string[];
  body: string[];
  bodyHidden: boolean;
}

export function hasCurlFailureLine(text: string): boolean {
  return /^curl: \(\d+\) /m.test(text);
}

/** A `curl: (N) message` line as a failure without trace; the caller checked the line matches. */
function toFailure(line: string): ClientFailure {
  const m = FAILURE_LINE.exec(line.trim());
  return { tool: 'curl', exitCode: Number(m?.[1]), kind: null, message: (m?.[2] ?? '').trim(), trace: [] };
}

/** Removes curl's failure lines from a `curl -i` paste and returns the last one. */
export function extractFailure(text: string): { text: string; failure: ClientFailure | null } {
  const last = (text.match(FAILURE_LINES) ?? []).at(-1);
  return { text: text.replace(FAILURE_LINES, ''), failure: last === undefined ? null : toFailure(last) };
}

function toHead(raw: RawResponse): ResponseHead {
  return { ...raw.statusLine, headers: parseHeaderLines(raw.headerLines).headers };
}

/** The body lines, without the indentation a quote gave every one of them. */
function bodyOf(raw: RawResponse): string | null {
  const lines = [...raw.body];
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  if (lines.length === 0) return raw.bodyHidden ? null : '';
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A `curl --fail` status, or undefined. */
function failStatus(failure: ClientFailure): { status: number; reason: string } | undefined {
  const m = failure.exitCode === 22 ? FAIL_STATUS.exec(failure.message) : null;
  return m ? { status: Number(m[1]), reason: m[2] ?? '' } : undefined;
}

/** The proxy's answer to CONNECT as a response (its status only), beside the failure that names it. */
function proxyRefusal(failure: ClientFailure, hops: Observation['hops']): Observation | null {
  const m = PROXY_CONNECT.exec(failure.message);
  if (!m) return null;
  const response = { httpVersion: null, status: Number(m[1] ?? m[2]), reason: '', headers: [], body: null, truncated: false, form: 'message' as const, bodyNote: null };
  return { label: RESPONSE_LABEL, response, failure, hops };
}

/** libcurl's proxy-refusal message in a tool's words, without curl's own `curl: (56)` line: read as that failure. */
export function libcurlProxyRefusal(text: string): Observation | null {
  const m = PROXY_CONNECT.exec(text);
  return m ? proxyRefusal({ tool: 'curl', exitCode: 56, kind: null, message: m[0], trace: [] }, []) : null;
}

/** `curl -vi` prints the head twice: marked with `<` on stderr and bare on stdout, interleaved line by line. */
function echoesHead(raw: RawResponse, line: string): boolean {
  const bare = line.trim();
  if (bare === '') return true;
  const status = parseStatusLine(bare);
  return status !== undefined || raw.headerLines.some((h) => h.trim() === bare);
}

export function parseCurlOutput(text: string): Observation {
  const trace: string[] = [];
  const request: string[] = [];
  const responses: RawResponse[] = [];
  let failure: ClientFailure | null = null;
  let current: RawResponse | undefined;
  let inHead = false;
  /** Response lines before any status line: a head whose first line the paste left out. */
  const headless: string[] = [];
  // A lone CR is a terminal line redraw (the progress meter), so it ends a line too.
  const lines = text.split(/\r?\n|\r/);
  const lastMarked = lines.findLastIndex((l) => /^\s*<(?: |$)/.test(l));
  for (const [index, rawLine] of lines.entries()) {
    const unglued = rawLine.replace(GLUED_PROGRESS, '');
    // A quote (a list item's continuation) may indent curl's response lines; a body line never starts with "< ".
    const line = /^\s+<(?: |$)/.test(unglued) ? unglued.trimStart() : unglued;
    const glued = current && !inHead ? GLUED_INFO.exec(line) : null;
    if (glued && current) {
      if (glued[1]) current.body.push(glued[1]);
      trace.push(glued[2] ?? '');
    } else if (line === '*' || line.startsWith('* ')) trace.push(line.slice(2));
    else if (line === '>' || line.startsWith('> ')) request.push(line.slice(2));
    else if (line === '<' || line.startsWith('< ')) {
      const content = line.slice(2);
      const statusLine = parseStatusLine(content);
      if (statusLine) {
        current = { statusLine, headerLines: [], body: [], bodyHidden: false };
        responses.push(current);
        inHead = true;
      } else if (current && inHead) {
        if (content.trim() === '') inHead = false;
        else current.headerLines.push(content);
      } else if (!current) headless.push(content);
    } else if (/^[{}] \[/.test(line)) {
      if (current) current.bodyHidden = true;
    } else if (FAILURE_LINE.test(line)) {
      failure = { ...toFailure(line), trace };
    } else if (BARE_INFO.test(line)) trace.push(line);
    else if (ELISION.test(line)) continue;
    else if (current && inHead && index > lastMarked && !PROGRESS_LINE.test(line) && !echoesHead(current, line)) {
      // An unmarked line after the last "<" line that is not `curl -i`'s copy of the head: the paste left out the
      // blank "<" line (an unmarked line between "<" lines is the quoting prose's, and dropped).
      inHead = false;
      current.body.push(line);
    } else if (current && !inHead && !PROGRESS_LINE.test(line)) current.body.push(line);
  }
  const last = responses.at(-1);
  const hops = responses.slice(0, -1).map((r) => toHop(toHead(r)));
  const failed = failure ? failStatus(failure) : undefined;
  if (last) return { label: RESPONSE_LABEL, response: toResponse(toHead(last), bodyOf(last)), failure: failed ? null : failure, hops };
  if (failure && failed) {
    // The body, when the paste shows it next to the failure line (`--fail-with-body`, or a script that prints it).
    const body = markupAround(lines, lines.findLastIndex((l) => FAILURE_LINE.test(l)));
    return { label: RESPONSE_LABEL, response: { httpVersion: null, ...failed, headers: [], body, truncated: false, form: 'message', bodyNote: null }, failure: null, hops };
  }
  if (failure) return proxyRefusal(failure, hops) ?? { label: RESPONSE_LABEL, response: null, failure, hops };
  // Only the headers were pasted, the status line left out: read as a head whose status is unknown.
  const head = headless.length > 0 ? parseLooseHead(headless.join('\n')) : null;
  if (head) return { label: RESPONSE_LABEL, response: head, failure: null, hops };
  const what = request[0] ? `curl -v output with the request ${quote(request[0])}` : `${trace.length} curl info line(s)`;
  if (headless.length > 0) {
    throw unreadable(
      'The "<" lines of this curl output hold no status line ("< HTTP/1.1 502 Bad Gateway") and too few headers to read as a head without one.',
      `${headless.length} "<" line(s) starting ${quote(headless[0] ?? '')}. Paste everything curl printed, from the status line on.`,
      { requestLine: request[0] ?? null, infoLines: trace.length },
    );
  }
  throw unreadable(
    'There is no response in this curl output: no "<" response lines and no "curl: (N)" error line.',
    `${what}. Paste everything curl printed, including the lines after the request.`,
    { requestLine: request[0] ?? null, infoLines: trace.length },
  );
}
