/**
 * Undoes what happened to a response on its way into a paste, before the readers see it: a markdown code fence around
 * it, wget's ERROR line after it, the shell command and prompt typed before it, a tool's mark on its lines
 * (`npm ERR! `, `##[error]`, also where some lines lack it), a log's or a test runner's prefix on every line
 * (`npm ERR! `, `util.go:886: `, PHP's `[0] => `), PHP's print_r of a header array and a head
 * flattened onto one line (reshaped-head.ts), a markdown quote's `> `, requests-toolbelt's reversed arrows, http.client's debug lines
 * (http-client-debug.ts), an error message's words and indentation around a page, a terminal's literal `^M`, a
 * JSON-escaped string (`\n`, `\"`), a JSON array of lines, a system-call trace's string literals (syscall-strings.ts),
 * a logger's timestamped prefix and an HTTP logging interceptor's arrows (log-lines.ts), Apache HttpClient's wire log
 * (wire-log.ts), zsh's mark after output that has no final newline (a `%` at the very end). Only what cannot be part
 * of a response is removed; the words stay as they were.
 */

import { GLUED_PROGRESS } from './curl-progress.ts';
import { phpHeaderArray, unflattenHead } from './reshaped-head.ts';
import { httpClientDebug } from './http-client-debug.ts';
import { objectAt } from './json-in-prose.ts';
import { nghttpVerbose } from './nghttp-verbose.ts';
import { dropLogPrefix, loggedResponse } from './log-lines.ts';
import { concatenatedAt, decodeByteEscapes, decodeEscapes, literalAt } from './string-literal.ts';
import { syscallPayload } from './syscall-strings.ts';
import { wireLogResponse } from './wire-log.ts';

/**
 * A shell prompt and command, or a command that fetches a URL after any prompt or none: `$ curl -i ...`,
 * `[me@host ~]$ curl -v ...`, `me@host dir % curl ...`, `7> curl ...`, `curl "https://..." --head`, HTTPie's
 * `http POST :8000/agent`, and curl run in a pod or container: `kubectl exec deploy/sleep -- curl ...`.
 */
const COMMAND_LINE =
  /^\s*(?:(?:\[[^\]\n]*\]\s*[$#%]|[\w.-]+@[\w.-]+(?::\S*)?(?:\s+\S+)?\s*[$#%]|\$)\s+\S|(?:\S*[$#%>]\s+)?(?:(?:(?:kubectl|oc|docker|podman)\s+exec\s[^\n]*?\s)?(?:curl|wget|xh)\s+\S|https?\s+(?:-|[A-Z]+\s|\S*[:/.])))/;
/** The password prompt curl prints after its command line for `-u user` or `-U user` (tool_paramhlp.c, checkpasswd). */
const CURL_PASSWORD_PROMPT = /^Enter (?:host|proxy) password for user '[^'\n]*'(?: on URL #\d+)?:\s*$/;
/** A status line after a prefix: `    util.go:886: HTTP/1.1 503 ...`, `[0] => HTTP/1.1 502 ...`. */
const PREFIXED_STATUS = /^(.+?)(HTTP\/\d(?:\.\d)? \d{3}\b.*)$/;
/** Escapes as JSON (or a log that printed a string literal) writes them. */
/**
 * zsh marks output without a final newline with a `%` (its PROMPT_EOL_MARK), copied with it: `...headers%`,
 * `{"error":...}%`. After a digit it may be the body's own (`100%`), so it stays there. fish marks it with `⏎`.
 */
const SHELL_EOL_MARK = /([^\s\d%])%[ \t]*\n?$|⏎[ \t]*\n?$/;
/** A prefix shared by every line is removed only when it is short: a few words of a log, or indentation. */
const MAX_PREFIX_WORDS = 3;

const isBlank = (line: string) => line.trim() === '';

/** `^M` as a terminal or an editor shows a carriage return. */
function literalCarriageReturns(text: string): string {
  return /\^M[ \t]*(?:\n|$)/.test(text) ? text.replace(/\^M/g, '\r') : text;
}

/** Where a string literal holding a page opens: its quote, after a key, a paren or a blank (`responseBody: '<html>\r\n' +`). */
const PAGE_LITERAL = /(?:^|[\s:=(,[])(['"`])(?=\s*<(?:!doctype\s+html|html)\b)/i;
const MIN_PAGE_LITERAL = 40;
const PAGE_SOURCE_START = /^\s*<(?:!doctype\s+html|html)\b/i;

/**
 * A page an error object printed as one string literal, or several joined by `+` (Node's util.inspect of a long
 * string), among other properties; null when there is none, or it holds no escape (then it was no printed literal).
 */
export function pageLiteral(text: string): string | null {
  // A page's own source is the answer, not a page its scripts write (Cloudflare's challenge page document.write()s one).
  if (PAGE_SOURCE_START.test(text)) return null;
  const m = PAGE_LITERAL.exec(text);
  if (!m) return null;
  // A page that is a member of a JSON object (a gateway's error envelope quoting its upstream's page, `{"error":
  // {"message": "<!DOCTYPE html>…", "type": "upstream_error", "code": 502}}`) is not the answer: the object is.
  const open = text.indexOf('{');
  if (m[1] === '"' && open >= 0 && open < m.index && objectAt(text, open) !== undefined) return null;
  const at = m.index + m[0].length - 1;
  const literal = concatenatedAt(text, at);
  if (!literal || literal.value.length < MIN_PAGE_LITERAL || !/\\[nr]/.test(text.slice(at, literal.end))) return null;
  return literal.value;
}

/** How long a message quoted whole may be: a sentence or a short page's words, not a paste to scan again. */
const MAX_QUOTED_MESSAGE = 2000;

/** A response printed as a string literal (string-literal.ts): many `\n` escapes and few real line breaks. */
function unescapeString(text: string): string {
  // A response on one line with its line breaks escaped, once or twice (a document quoting a scanner's banner:
  // `HTTP/1.1 503 Service Unavailable\\r\\nContent-Type: ...`): decoded as many times as it was escaped.
  if (/^\s*HTTP\/\d[^\n]*\\{1,2}r\\{1,2}n/.test(text) && !text.trim().includes('\n')) {
    const once = decodeEscapes(text.trim());
    return /\\r\\n/.test(once) ? decodeEscapes(once) : once;
  }
  if (/^HTTP\/\d/m.test(text) || /^\s*[{[]/.test(text)) return text;
  const page = pageLiteral(text);
  if (page !== null) return page;
  // The whole paste one literal: a JSON string, Python's repr of the text or of its bytes (`b'HTTP/1.1 502 ...'`), or
  // a message quoted whole by whoever reported it (`"File not found."`).
  const whole = text.trim().replace(/,$/, '');
  const escaped = text.match(/\\n/g)?.length ?? 0;
  const real = text.match(/\n/g)?.length ?? 0;
  const manyEscapes = escaped >= 3 && escaped > real * 2;
  if (!manyEscapes && whole.length > MAX_QUOTED_MESSAGE) return text;
  const literal = literalAt(whole, 0);
  if (literal?.end === whole.length) return literal.value;
  if (!manyEscapes) return text;
  const inner = /^\s*"([\s\S]*)"[\s,]*$/.exec(text)?.[1] ?? text;
  return decodeEscapes(inner);
}

/** Drops the commands (with their `\` continuation lines) and blank lines before the output. */
function dropCommands(lines: string[]): string[] {
  let at = 0;
  let dropped = false;
  for (;;) {
    while (at < lines.length && isBlank(lines[at] ?? '')) at += 1;
    if (!COMMAND_LINE.test(lines[at] ?? '')) return dropped ? lines.slice(at) : lines;
    while (at < lines.length && /\\\s*$/.test(lines[at] ?? '')) at += 1;
    at += 1;
    if (CURL_PASSWORD_PROMPT.test(lines[at] ?? '')) at += 1;
    dropped = true;
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A status line that opens inline code in a sentence: "I get a `HTTP/1.1 504 GATEWAY_TIMEOUT". */
const INLINE_CODE_STATUS = /^[^`]*`(HTTP\/\d(?:\.\d)? \d{3}\b[^`]*)(`?)/;

/** The response a sentence quotes as inline code, from its status line to the closing backtick (the sentence's words go). */
function inlineCodeResponse(lines: readonly string[]): string[] | null {
  const at = lines.findIndex((l) => INLINE_CODE_STATUS.test(l));
  const m = INLINE_CODE_STATUS.exec(lines[at] ?? '');
  if (at < 0 || !m) return null;
  if (m[2] === '`') return [...lines.slice(0, at), m[1] ?? ''];
  const rest = lines.slice(at + 1);
  const closes = rest.findIndex((l) => l.includes('`'));
  if (closes < 0) return null;
  return [...lines.slice(0, at), m[1] ?? '', ...rest.slice(0, closes), (rest[closes] ?? '').slice(0, (rest[closes] ?? '').indexOf('`'))];
}

/**
 * A status line written after a prefix: the prefix goes, and so does the same prefix (its digits may differ) or
 * the common indentation on the lines after it.
 */
function dropStatusPrefix(lines: string[]): string[] {
  if (lines.some((l) => /^(?:< )?HTTP\/\d(?:\.\d)? \d{3}\b/.test(l))) return lines;
  const inCode = inlineCodeResponse(lines);
  if (inCode) return inCode;
  const at = lines.findIndex((l) => PREFIXED_STATUS.test(l));
  const [, prefix = '', statusLine = ''] = PREFIXED_STATUS.exec(lines[at] ?? '') ?? [];
  if (at < 0 || /^\s*[<>*]/.test(prefix) || prefix.trim().split(/\s+/).length > MAX_PREFIX_WORDS + 1 || /["'`]/.test(prefix)) return lines;
  const shape = new RegExp(`^${escapeRegex(prefix.trim()).replace(/\d+/g, '\\d+')}\\s?`);
  const rest = lines.slice(at + 1);
  const indents = rest.filter((l) => !isBlank(l) && !shape.test(l.trimStart())).map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const indent = Math.min(...indents, Number.POSITIVE_INFINITY);
  const strip = (l: string) => (shape.test(l.trimStart()) ? l.trimStart().replace(shape, '') : l.slice(Math.min(indent, /^\s*/.exec(l)?.[0].length ?? 0)));
  return [...lines.slice(0, at), statusLine, ...rest.map(strip)];
}

/** The longest prefix every non-blank line shares, cut back to a word boundary, when it is a log's or indentation. */
function commonPrefix(filled: readonly string[]): string {
  // A line that is the prefix alone ("npm ERR!") lost its trailing space to the paste.
  const spaced = filled.map((l) => `${l} `);
  let prefix = spaced[0] ?? '';
  for (const line of spaced) {
    let n = 0;
    while (n < prefix.length && n < line.length && prefix[n] === line[n]) n += 1;
    prefix = prefix.slice(0, n);
  }
  if (/^\s+$/.test(prefix)) return prefix;
  prefix = prefix.slice(0, Math.max(prefix.lastIndexOf(' '), prefix.lastIndexOf('\t')) + 1);
  const words = prefix.trim().split(/\s+/).length;
  return filled.length >= 3 && prefix.trim() !== '' && words <= MAX_PREFIX_WORDS && !/^[<>*{}[\]]/.test(prefix) ? prefix : '';
}

function dropCommonPrefix(lines: string[]): string[] {
  const filled = lines.filter((l) => !isBlank(l));
  // A quote (markdown's "> "), of one line or more, unless it is curl -v's request alone ("> GET / HTTP/1.1" and its
  // header lines, no status after them).
  const requestAlone = /^>\s*[A-Z]+ \S+ HTTP\/\d/.test(filled[0] ?? '') && !filled.some((l) => /^>\s*(?:HTTP\/\d|Status(?:[ -]?code)?\s*[:=])/i.test(l));
  if (filled.length > 0 && filled.every((l) => l.startsWith('>')) && !requestAlone) return lines.map((l) => l.replace(/^>\s?/, ''));
  if (filled.length < 2) return lines;
  const prefix = commonPrefix(filled);
  if (prefix === '') return lines;
  const bare = prefix.trimEnd();
  return lines.map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l.trimEnd() === bare ? '' : l));
}

/**
 * requests-toolbelt's dump (what cloudscraper's and many Python tools' debug output print) turns curl's arrows round:
 * the request's lines start `< `, the response's head `> `, and the body follows unmarked. A status line after `>`
 * says so (curl's `>` lines are the request's); the request's lines go, the response's lose their mark.
 */
function reversedArrows(lines: string[]): string[] {
  if (!lines.some((l) => /^> ?HTTP\/\d(?:\.\d)? \d{3}\b/.test(l)) || lines.some((l) => /^< ?HTTP\/\d/.test(l))) return lines;
  return lines.filter((l) => !/^<(?: |$)/.test(l)).map((l) => l.replace(/^>(?: |$)/, ''));
}

/**
 * R's httr with verbose() marks the request's lines `-> ` and the response's head `<- `: the request's lines go, the
 * response's lose their mark.
 */
function httrVerbose(lines: string[]): string[] {
  if (!lines.some((l) => /^<- HTTP\/\d(?:\.\d)? \d{3}\b/.test(l))) return lines;
  return lines.filter((l) => !/^->(?: |$)/.test(l)).map((l) => l.replace(/^<-(?: |$)/, ''));
}

/** Where a page's source starts in a line: its doctype or its html tag. */
const PAGE_START = /<(?:!DOCTYPE\s+html|html)\b/i;

/**
 * A page printed inside an error message: after the message's words on its first line (`✕ [API Error: 500 <html>`,
 * `Response text: <html>`), its other lines indented by the message's layout. The words go (the page's own status
 * line or title says what it is) and so does the indentation the message's layout added.
 */
function dedentPage(lines: string[]): string[] {
  const at = lines.findIndex((l) => PAGE_START.test(l));
  const rest = lines.slice(at + 1).filter((l) => !isBlank(l));
  const json = /^\s*[{[]/.test(lines.find((l) => !isBlank(l)) ?? '');
  if (at < 0 || rest.length === 0 || json || lines.some((l) => /^(?:< )?HTTP\/\d/.test(l))) return lines;
  // Only after a message's words: a page whose first tag starts its line keeps its own indentation (mitmproxy's
  // template indents its tags by 12 and 16 spaces, and its fingerprint reads them).
  const first = lines[at] ?? '';
  if (!/\S/.test(first.slice(0, first.search(PAGE_START)))) return lines;
  const indent = Math.min(...rest.map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
  if (indent === 0) return lines;
  return [...lines.slice(0, at), first.slice(first.search(PAGE_START)), ...lines.slice(at + 1).map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)?.[0].length ?? 0)))];
}

/**
 * The marks a tool puts on its own output lines, wherever they are (not every line has one): npm's `npm ERR! ` (npm 7+:
 * `npm error `), GitHub Actions' `##[error]` and the workflow commands `::error::` a step prints for it.
 */
const TOOL_MARK = /^(?:npm (?:ERR!|error|warn|WARN|verb|http)(?: |$)|##\[(?:error|warning|notice|debug)\]|::(?:error|warning|notice)(?: [^:\n]*)?::)/;

function dropToolMarks(lines: string[]): string[] {
  return lines.some((l) => TOOL_MARK.test(l)) ? lines.map((l) => l.replace(TOOL_MARK, '')) : lines;
}

/** A line set as inline code: `` `line` `` or ```` ```line``` ````, as a line quoted in an issue's sentence is. */
const INLINE_CODE = /^`{1,3}([^`]+)`{1,3}$/;
/** Bold or italic marks a reporter put around words of a line (`**503 UC**`): no log and no head writes them. */
/** A status line or a header line, whose words a reporter may have set in bold. */
const HEAD_LINE = /^(?:HTTP\/\d(?:\.\d)? |[A-Za-z][\w-]*: )/;
const EMPHASIS = /(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1/g;

/** A markdown code fence's line: three or more backticks or tildes, with the language after the opening one. */
const FENCE = /^\s*(?:`{3,}|~{3,})[\w+.-]*\s*$/;
/** The shell's `time` report printed after the command's output: bash's three lines, or zsh's one. */
const TIME_REPORT = /^(?:(?:real|user|sys)\s+\d+m\d+(?:\.\d+)?s|.*\b\d+(?:\.\d+)?s user \d+(?:\.\d+)?s system \d+% cpu \S+ total)\s*$/;
/** wget's own summary after a failed download ("2024-01-01 10:00:00 ERROR 502: Bad Gateway."), printed after the head. */
const WGET_ERROR = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR \d{3}: /;

/** A `\"` with no bare `"` on the line, around tags: markup that a logger or a string's printout escaped. */
const ESCAPED_QUOTE = /\\"/g;
const BARE_QUOTE = /(?:^|[^\\])"/;
const MARKUP = /<[A-Za-z!/]/;

/** Page lines whose quotes are all escaped, decoded (`<html lang=\"en\">`, `HTTP Status 405 \xE2\x80\x93 ...`). */
function unescapeMarkupLines(lines: string[]): string[] {
  return lines.map((line) => {
    if ((line.match(ESCAPED_QUOTE)?.length ?? 0) < 2 || BARE_QUOTE.test(line) || !MARKUP.test(line)) return line;
    return decodeByteEscapes(line);
  });
}

/** The paste as the response's own text, as far as it can be recovered. */
export function unwrapPaste(raw: string): string {
  const traced = syscallPayload(raw);
  if (traced !== null) return traced;
  const text = unescapeString(literalCarriageReturns(raw.replace(/^\uFEFF/, '').replace(SHELL_EOL_MARK, '$1')));
  const unfenced = unescapeMarkupLines(text.split('\n').filter((l) => !FENCE.test(l) && !WGET_ERROR.test(l) && !TIME_REPORT.test(l)));
  // curl -i without -s: its status line printed onto the progress meter's last row; bold marks a reporter put on the
  // status or a header's value (`HTTP/1.1 **403 Forbidden**`).
  const unglued = unfenced.map((l) => (/HTTP\/\d/.test(l) ? l.replace(GLUED_PROGRESS, '') : l)).map((l) => (HEAD_LINE.test(l) ? l.replace(EMPHASIS, '$2') : l));
  // A wire log holds the response's bytes themselves, whatever its logger wrote before each chunk.
  const wired = wireLogResponse(unglued);
  if (wired) return wired.join('\n');
  // Commands go before and after a quote is taken off: "> $ curl -i ..." is a command once unquoted.
  const lines = dropCommands(dropCommonPrefix(dropStatusPrefix(phpHeaderArray(unflattenHead(dropToolMarks(dropLogPrefix(reversedArrows(httrVerbose(httpClientDebug(nghttpVerbose(dropCommands(unglued))))))))))));
  return dedentPage(loggedResponse(lines) ?? lines).join('\n');
}

/**
 * The paste's lines as a logger wrote them, for the log parsers: markdown fences, inline-code backticks, bold marks,
 * a quote's `> ` and indentation off. Nothing else: a log's own prefixes (a syslog header, a timestamp) are the log
 * parsers' to read.
 */
export function logLinesOf(raw: string): string {
  // A fence becomes a blank line, so that line numbers stay those of the paste.
  const lines = raw.replace(/^\uFEFF/, '').split('\n').map((l) => (FENCE.test(l) ? '' : l));
  const quoted = lines.every((l) => isBlank(l) || /^\s*>/.test(l));
  return lines
    .map((l) => {
      const line = (quoted ? l.replace(/^\s*>[ \t]?/, '') : l).trim();
      return (INLINE_CODE.exec(line)?.[1] ?? line).replace(EMPHASIS, '$2');
    })
    .join('\n');
}

/** A JSON array of strings that are the lines of a response (a log that kept them as a list), or null. */
export function linesOfArray(data: unknown): string | null {
  if (!Array.isArray(data) || data.length === 0 || !data.every((l) => typeof l === 'string')) return null;
  return /^HTTP\/\d/.test(data[0] as string) ? data.join('\n') : null;
}
