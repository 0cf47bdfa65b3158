/**
 * The status an error page names in its own words, for pastes without a status line: "502 Bad Gateway" (nginx),
 * "Error 522" and "Error code 524" (Cloudflare), "HTTP ERROR 500" (Chrome), "HTTP ERROR: 404" (Jetty),
 * "HTTP Error 503." (IIS), "HTTP Status 404 – Not Found" (Tomcat), "Error reference number: 502" (Cloudflare),
 * "HTTP 502" and "Code 503" (a report's words), "status=503" (a log line), the IIS and Tomcat headings in the
 * languages they are translated to ("HTTP 错误 404.0", "HTTP状态 404"), "(type=Internal Server Error,
 * status=500)" (Spring), "404. That’s an error." (Google), an access log's `"GET / HTTP/1.1" 400` (CLF), "the server responded with a status of 503 (Service Unavailable)"
 * (a browser console, with the reason phrase it received), `HttpStatus="502"` (IIS's Failed Request Tracing), a code with its own registry reason phrase inside a
 * sentence ("failed: 502 Bad Gateway", Spring's "503 SERVICE_UNAVAILABLE"), or a registry reason phrase alone on a
 * line ("Service Unavailable", Apache), Envoy's debug log of the headers it sent (`':status', '503'`). A number only
 * counts in such a phrase, never alone: pages also carry ports, versions and request ids.
 */
import { listCodes } from '../codes/index.ts';

export interface PageStatus {
  status: number;
  reason: string;
}

/** "<code> <Capitalised Words>", "<code>: <Words>" (configurable-http-proxy's titles) or "<code>." at the start of a line. */
const LEADING_CODE = /^(\d{3})(?:\.(?=\s|$)|(?::\s+|\s+(?:[-:|]\s*)?)([A-Z][A-Za-z'’-]*(?:\s+[A-Za-z'’-]+){0,5}))\s*[.!,]?(?:\s|$)/;
/** A code inside a phrase that names it as the status, bare or in a client's backticks ("HTTP status code: `401`"). */
/** Not ClickHouse's exception number ("Code: 516. DB::Exception: …"), which is no HTTP status. */
const NAMED_CODE = /\b(?:HTTP ERROR:?|HTTP Error|HTTP Status|HTTP|Error reference number:?|Error code:?|Error|Status code:?|Status:|status=|(?:error_)?code["']?\s*[:=]?)\s*`?(\d{3})(?:\.\d+)?\b(?!(?:\. |, e\.displayText\(\) = )DB::Exception)/i;
/** The same in the languages IIS and Tomcat write their pages in: "HTTP 错误 404.0", "HTTP状态 404", "HTTP-Fehler 500.19". */
const NAMED_CODE_TRANSLATED = /(?:HTTP ?(?:错误|錯誤|状态|狀態|エラー|ステータス|오류|상태)|HTTP-Fehler|Erreur HTTP|Error HTTP|Errore HTTP|Erro HTTP|Estado HTTP|[ÉE]tat HTTP|Ошибка HTTP)\s*(\d{3})(?:\.\d+)?(?!\d)/i;
/**
 * An ACME problem as clients print it, the status before its type: cert-manager's `429 urn:ietf:params:acme:error:
 * rateLimited: …`, lego's `429 :: POST :: <url> :: urn:ietf:params:acme:error:rateLimited :: …`.
 */
const ACME_PROBLEM_STATUS = /\b([45]\d\d)(?: :: [A-Z]+ :: \S+ ::)? urn:(?:ietf:params:)?acme:error:/;
/** A reason phrase a page labels as such, at the end of its line: Jetty's "Problem accessing /x. Reason: Not Found". */
const LABELLED_REASON = /\bReason:\s+([A-Za-z][A-Za-z' -]{2,60}?)\s*$/;
/** An access log's request and the status after it (CLF and the servers that copy it): `"GET / HTTP/1.1" 400 26`. */
const LOGGED_REQUEST_STATUS = /"[A-Z]{3,7} [^"\s]+ HTTP\/\d(?:\.\d)?" (\d{3})\b/;
/**
 * IIS's Failed Request Tracing, as its viewer prints an event (`HttpStatus="502", HttpReason="Bad Gateway"`) or as
 * its XML holds it (`<Data Name="HttpStatus">502</Data>`).
 */
const TRACED_STATUS = /\bHttpStatus(?:="|">)(\d{3})\b/;
/** A browser console's failed load, with the reason phrase as received: "a status of 503 (Service Unavailable: ...)". */
const CONSOLE_STATUS = /\bstatus of (\d{3})(?: \(([^)]*)\))?/;
/**
 * A code followed by words, anywhere in a line; it counts when the words start with the code's own reason phrase.
 * The words may be joined by underscores: Spring's HttpStatus prints itself as "504 GATEWAY_TIMEOUT".
 */
const CODE_WITH_WORDS = /\b(\d{3}) ([A-Za-z][A-Za-z_'’ -]*)/g;

const isStatus = (n: number) => n >= 400 && n <= 599;
const wordsOf = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const lettersOf = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

let reasons: Map<string, PageStatus> | undefined;
let reasonOfCode: Map<number, string> | undefined;

/** Registry reason phrases of 4xx and 5xx, by their words: "service unavailable" -> 503. */
function reasonPhrases(): Map<string, PageStatus> {
  reasons ??= new Map(listCodes({ standing: 'iana' }).filter((e) => isStatus(e.code)).map((e) => [wordsOf(e.reason), { status: e.code, reason: e.reason }]));
  return reasons;
}

/** Words every error page may carry beside its status: they name no component and no cause. */
export const STATUS_WORDS: readonly string[] = ['error', 'http', 'status', 'code'];
/** Those words and the article a page puts before them ("the error code"). */
const STATUS_FILLER = new Set([...STATUS_WORDS, 'the']);

/** How many words the text says beyond its status: the code's own reason phrases (any vendor's) and filler left out. */
export function wordsBeyondStatus(status: number, text: string): number {
  const own = new Set(listCodes({ code: status }).flatMap((e) => wordsOf(e.reason).split(' ')));
  return wordsOf(text)
    .split(' ')
    .filter((w) => w.length > 1 && !own.has(w) && !STATUS_FILLER.has(w)).length;
}

/** Whether the words start with the status's own registry reason phrase ("Bad Gateway" after 502). */
export function startsWithOwnReason(status: number, words: string): boolean {
  reasonOfCode ??= new Map([...reasonPhrases().values()].map((p) => [p.status, lettersOf(p.reason)]));
  const reason = reasonOfCode.get(status);
  return reason !== undefined && lettersOf(words).startsWith(reason);
}

/** Whether the words are a 4xx or 5xx registry reason phrase and nothing more ("Not Found", "INTERNAL_SERVER_ERROR"). */
export function isReasonPhrase(words: string): boolean {
  return reasonPhrases().has(wordsOf(words));
}

/** Whether the words are the status's own registry reason phrase and nothing more ("Not Found" for 404). */
export function isOwnReason(status: number, words: string): boolean {
  return startsWithOwnReason(status, words) && lettersOf(words) === reasonOfCode?.get(status);
}

/** "failed: 502 Bad Gateway", "resulted in a `404 Not Found` response": the code with its own reason phrase. */
function codeWithItsReason(line: string): PageStatus | null {
  for (const [, code, words] of line.matchAll(CODE_WITH_WORDS)) {
    if (startsWithOwnReason(Number(code), words ?? '')) return { status: Number(code), reason: '' };
  }
  return null;
}

function fromLine(line: string): PageStatus | null {
  const leading = LEADING_CODE.exec(line);
  if (leading && isStatus(Number(leading[1]))) return { status: Number(leading[1]), reason: leading[2] ?? '' };
  const named = NAMED_CODE.exec(line) ?? NAMED_CODE_TRANSLATED.exec(line);
  if (named && isStatus(Number(named[1]))) return { status: Number(named[1]), reason: '' };
  const logged = CONSOLE_STATUS.exec(line);
  if (logged && isStatus(Number(logged[1]))) return { status: Number(logged[1]), reason: logged[2] ?? '' };
  const traced = TRACED_STATUS.exec(line);
  if (traced && isStatus(Number(traced[1]))) return { status: Number(traced[1]), reason: '' };
  const request = LOGGED_REQUEST_STATUS.exec(line);
  if (request && isStatus(Number(request[1]))) return { status: Number(request[1]), reason: '' };
  const acme = ACME_PROBLEM_STATUS.exec(line);
  if (acme && isStatus(Number(acme[1]))) return { status: Number(acme[1]), reason: '' };
  const labelled = LABELLED_REASON.exec(line)?.[1];
  const byReason = labelled === undefined ? undefined : reasonPhrases().get(wordsOf(labelled));
  if (byReason) return byReason;
  return codeWithItsReason(line) ?? reasonPhrases().get(wordsOf(line)) ?? null;
}

/**
 * A line that is a 4xx or 5xx code and nothing else: the big number of a platform's page (GitHub Pages' "404") or
 * what `curl -w '%{http_code}'` printed after the body. Taken only when no line names the status in words.
 */
const CODE_ALONE = /^([45]\d\d)$/;

/**
 * Envoy's debug log of the headers it sent downstream (conn_manager_impl.cc: "encoding headers via codec", then each
 * header as `'name', 'value'`, `':status'` first): the status it answered. The last such block is the answer; request
 * and upstream headers are logged under other lines.
 */
function envoyEncodedStatus(lines: readonly string[]): PageStatus | null {
  for (let i = lines.length - 2; i >= 0; i--) {
    if (!(lines[i] as string).includes('encoding headers via codec')) continue;
    const code = /^':status', '(\d{3})'$/.exec((lines[i + 1] as string).trim())?.[1];
    if (code !== undefined && isStatus(Number(code))) return { status: Number(code), reason: '' };
  }
  return null;
}

/** The first status the lines name (the title first, when the page has one), or null. */
export function statusInPage(lines: readonly string[]): PageStatus | null {
  const encoded = envoyEncodedStatus(lines);
  if (encoded) return encoded;
  for (const line of lines) {
    const found = fromLine(line.trim());
    if (found) return found;
  }
  for (const line of lines) {
    const code = CODE_ALONE.exec(line.trim())?.[1];
    if (code !== undefined) return { status: Number(code), reason: '' };
  }
  return null;
}

/**
 * The status a page names only in a link: Cloudflare's error pages link to its 5xx landing page with their own code
 * (`5xx-error-landing?utm_source=errorcode_502`), which is all a paste cut below the page's heading may keep.
 */
const LANDING_LINK_STATUS = /\b5xx-error-landing\?utm_source=errorcode_(\d{3})\b/;

export function statusInLinks(text: string): PageStatus | null {
  const code = Number(LANDING_LINK_STATUS.exec(text)?.[1]);
  return isStatus(code) ? { status: code, reason: '' } : null;
}
