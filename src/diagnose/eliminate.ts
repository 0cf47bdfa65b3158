/**
 * "The application did it", by elimination: when no component's own page matches a response, the rules of
 * `data/fingerprints/elimination.yaml` decide from who is in the path (in-path fingerprints), the status and the
 * body's kind whether the application behind them sent it, or why the evidence does not decide. For a pasted
 * access-log line, what the line's own fields said (the log analyzer's verdict) decides instead of the body.
 */
import type { MatchedFingerprint } from './chain.ts';
import type { BodyKind, EliminationData, EliminationRule } from './elimination-schema.ts';
import { headerValue } from './headers.ts';
import { jsonValueOf } from './json-walk.ts';
import type { Observation, ParsedResponse } from './types.ts';
import { isOwnReason, isReasonPhrase } from './status-in-page.ts';
import { looksLikeHtml } from './visible-text.ts';

export interface Elimination {
  rule: EliminationRule;
  /** The components in the path other than the application, outermost first as matched. */
  behind: string[];
  /** The application's components seen in the headers (a framework, an application server). */
  app: string[];
  /** Of those, the frameworks (layer origin-app): the issuer's name when there is one, else "the application". */
  frameworks: string[];
  /** The client that reached the server directly, for a rule that reads such reports (`direct`). */
  direct: string | null;
}

/** What kind of body this is; null for bytes that are none of these (binary, compressed). */
export function bodyKind(response: ParsedResponse): BodyKind | null {
  if (response.body === null) return 'absent';
  const body = response.body.trim();
  if (body === '') return 'empty';
  if (response.bodyNote === 'compressed') return null;
  // A client printed the `error` string of the JSON body it got: the body was a JSON error with a message of its own.
  if (response.bodyNote === 'json-error-field') return 'json';
  // Parsed once: its strings decide its kind.
  const json = /^[[{]/.test(body) ? jsonValueOf(body) : undefined;
  if (json !== undefined) return saysOnlyTheStatus(json) ? 'status-json' : 'json';
  const type = headerValue(response.headers, 'content-type')?.toLowerCase() ?? '';
  if (type.includes('html') || looksLikeHtml(body)) return 'html';
  if (type !== '' && !type.startsWith('text/')) return null;
  return response.status !== null && isStatusText(body, response.status) ? 'status-text' : 'text';
}

/**
 * Words of a message: two words apart by a space (or, in scripts written without spaces, two characters); an
 * identifier's parts (`some_request_id`, `MAINTENANCE_MODE`) are no sentence.
 */
const SENTENCE = /\p{L}[\p{L}'’-]*[^\p{L}\d\s]*\s+[^\p{L}\d\s]*\p{L}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2}/u;

/**
 * JSON that says no more than its status: no string in it is a message of its own, only codes, reason phrases and
 * single words (`{"message":"Forbidden"}`, `{"code":404,"msg":"Not Found"}`, `{"error":"maintenance"}`), which
 * gateways and platforms answer for themselves as often as applications do.
 */
function saysOnlyTheStatus(json: unknown): boolean {
  // Walked with a stack, not by recursion: a pasted body may nest deeper than the call stack.
  const pending: unknown[] = [json];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string' && SENTENCE.test(value) && !isReasonPhrase(value)) return false;
    if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) pending.push(inner);
  }
  return true;
}

/** "404 Not Found", "404: Not Found", "Not Found.": the status's code and reason phrase, no other words. */
function isStatusText(body: string, status: number): boolean {
  const m = /^(?:(\d{3})[\s:.-]*)?([A-Za-z][A-Za-z' -]{0,60}?)[.!]?$/.exec(body);
  return m !== null && (m[1] === undefined || Number(m[1]) === status) && isOwnReason(status, m[2] ?? '');
}

/** A line of an app's own log (its server's request line), not a proxy's. */
const isAppServerLine = (obs: Observation) => obs.logged?.format === 'app-text' || obs.logged?.format === 'app-json';

/** The forms whose body (or log fields) was seen whole: a page's text or a client's message shows too little of it. */
const ELIMINATED_FORMS = new Set(['message', 'body', 'log-line']);

/**
 * What the rules may read of a response: all of it for the forms above; of a client's message, the status line's
 * reason as sent, and the body only when the client printed a JSON body whole (the body as received: clients print
 * bodies, they write none of their own) or the JSON body's own error field (npm); nothing otherwise.
 */
function readable(response: ParsedResponse, kind: BodyKind | null): 'all' | 'reason' | null {
  if (ELIMINATED_FORMS.has(response.form)) return 'all';
  if (response.form !== 'client-message') return null;
  return kind === 'json' || kind === 'status-json' ? 'all' : 'reason';
}

const uniq = (xs: readonly string[]) => [...new Set(xs)];

/** The rules' patterns, compiled once (the data is fixed for the process): header values ignore case, reasons not. */
const compiled = new Map<string, RegExp>();
function compile(source: string, flags: '' | 'i'): RegExp {
  const key = `${flags}/${source}`;
  let pattern = compiled.get(key);
  if (!pattern) compiled.set(key, (pattern = new RegExp(source, flags)));
  return pattern;
}

/** The response's Server header, when it has one that no fingerprint matched. */
function unknownServer(response: ParsedResponse, matched: readonly MatchedFingerprint[]): boolean {
  if (headerValue(response.headers, 'server') === undefined) return false;
  return !matched.some((m) => m.evidence.some((e) => e.kind === 'header' && e.name?.toLowerCase() === 'server'));
}

/** What one response shows the rules, worked out once for all of them. */
interface Seen {
  obs: Observation;
  response: ParsedResponse;
  status: number | null;
  kind: BodyKind | null;
  reasonOnly: boolean;
  families: readonly string[];
  app: readonly string[];
  matched: readonly MatchedFingerprint[];
}

function applies(rule: EliminationRule, seen: Seen): boolean {
  const { obs, response, status, kind, families, app, matched } = seen;
  const { statuses, noStatus, appInPath, alone, body, behind, reason, header, headerValue: valuePattern, knownServer, withoutHeaders, exceptBody, logged, direct } = rule.when;
  if ((logged !== undefined) !== (response.form === 'log-line')) return false;
  if (direct && obs.directClient === undefined) return false;
  if (seen.reasonOnly && reason === undefined && !direct) return false;
  if (logged !== undefined && (obs.logged?.issuer !== 'app' || (logged === 'app-server') !== isAppServerLine(obs))) return false;
  if ((noStatus === true) !== (status === null)) return false;
  if (statuses && (status === null || !statuses.includes(status))) return false;
  if (appInPath && app.length === 0) return false;
  if (alone && (families.length > 0 || app.length > 0)) return false;
  if (body && (kind === null || !body.includes(kind))) return false;
  if (behind && (families.length === 0 || families.some((f) => !behind.includes(f)))) return false;
  if (reason !== undefined && !compile(reason, '').test(response.reason)) return false;
  if (header !== undefined) {
    const value = headerValue(response.headers, header);
    if (value === undefined || (valuePattern !== undefined && !compile(valuePattern, 'i').test(value))) return false;
  }
  if (knownServer && unknownServer(response, matched)) return false;
  if (withoutHeaders?.some((name) => headerValue(response.headers, name) !== undefined)) return false;
  return !exceptBody?.some((marker) => response.body?.includes(marker));
}

/** The first rule that applies to an error response no issuer fingerprint explained, or null. */
export function eliminate(obs: Observation, matched: readonly MatchedFingerprint[], data: EliminationData): Elimination | null {
  const response = obs.response;
  if (!response) return null;
  // A body pasted alone is there because it is an error's, whatever status it had: only noStatus rules read one.
  const status = response.status;
  if (status === null ? response.form !== 'body' : status < 400) return null;
  const kind = bodyKind(response);
  const access = readable(response, kind);
  if (access === null) return null;
  const inPath = matched.filter((m) => m.fingerprint.role === 'in-path').map((m) => m.fingerprint);
  const isApp = (fp: (typeof inPath)[number]) => fp.layer === 'origin-app' || data.appServers.includes(fp.family);
  const app = uniq(inPath.filter(isApp).map((fp) => fp.component));
  const proxies = inPath.filter((fp) => !isApp(fp));
  const families = uniq(proxies.map((fp) => fp.family));
  const seen: Seen = { obs, response, status, kind, reasonOnly: access === 'reason', families, app, matched };
  const rule = data.rules.find((r) => applies(r, seen));
  const frameworks = uniq(inPath.filter((fp) => fp.layer === 'origin-app').map((fp) => fp.component));
  return rule ? { rule, behind: uniq(proxies.map((fp) => fp.component)), app, frameworks, direct: rule.when.direct ? (obs.directClient ?? null) : null } : null;
}
