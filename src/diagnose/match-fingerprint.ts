/**
 * Compiles a fingerprint's matchers once, then tests them against an observation. A match returns
 * one piece of evidence per matcher (what matched, and where), so every verdict can be shown.
 *
 * Each fingerprint compiles twice: for a response (status line, headers, HTML body) and for a page's copied text
 * (no headers; body patterns in their visible-text form, see text-pattern.ts). In the text form a header matcher
 * cannot pass, a pattern that is markup only is left out, and a fingerprint with no word a page shows has no text
 * form at all.
 */
import type { BuiltFingerprint, Match } from './fingerprint-schema.ts';
import type { Confidence } from '../confidence.ts';
import { textFormOfContains, textFormOfRegex, type TextForm } from './text-pattern.ts';
import type { ResponseEvidence, Observation } from './types.ts';
import { wordsBeyondStatus } from './status-in-page.ts';
import { looksLikeHtml, normalizeSpace, pageTitle, visibleText } from './visible-text.ts';

type Found = Pick<ResponseEvidence, 'kind' | 'name' | 'value'>;
type Check = (obs: Observation) => Found | undefined;
type HeaderMatcher = NonNullable<Match['headers']>[number];
type BodyMatcher = NonNullable<Match['body']>[number];

/** Checks that must all pass, and groups of which at least one must pass entirely. */
interface CheckSet {
  checks: Check[];
  anyOf: Check[][];
}

export interface CompiledFingerprint {
  fingerprint: BuiltFingerprint;
  /** For a response: status line, headers, body. */
  message: CheckSet;
  /** For a page's copied text; null when the fingerprint names nothing a page shows. */
  text: CheckSet | null;
  /** How much of a response the fingerprint pins down; ranks fingerprints of equal confidence. */
  specificity: number;
}

const MAX_EVIDENCE = 160;

export function shorten(text: string, max = MAX_EVIDENCE): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function headerCheck(matcher: HeaderMatcher): Check {
  const wanted = matcher.name;
  const pattern = matcher.value === undefined ? undefined : new RegExp(matcher.value, 'i');
  return (obs) => {
    const response = obs.response;
    // A page alone says nothing about headers, not even absence; a client's message says only those it quoted (npm's
    // `need: <WWW-Authenticate>`), so there a header can be present, never shown absent.
    const quoted = response?.form === 'client-message' && response.headers.length > 0 && !matcher.absent;
    if (response?.form !== 'message' && !quoted) return undefined;
    const fields = wanted === '*' ? response.headers : response.headers.filter((h) => h.name.toLowerCase() === wanted);
    if (matcher.absent) return fields.length === 0 ? { kind: 'header-absent', name: wanted, value: '' } : undefined;
    const field = fields.find((h) => pattern === undefined || pattern.test(h.value));
    return field ? { kind: 'header', name: field.name, value: shorten(field.value) } : undefined;
  };
}

/** Error pages are small; matching only the start of a body keeps hostile megabytes cheap. */
const MAX_BODY_MATCHED = 64 * 1024;
const matchedBodies = new WeakMap<Observation, string | undefined>();

/**
 * A page's words: copied page text, or what a client printed after its message when that is no markup and no JSON
 * (a string literal it printed the body as is the body itself).
 */
function isWords(obs: Observation): boolean {
  const response = obs.response;
  if (response?.form === 'page-text') return true;
  return response?.form === 'client-message' && response.body !== null && response.bodyNote !== 'unquoted' && !/^\s*[<{[]/.test(response.body);
}

/** How sure the fingerprint is on this observation: its `wordsConfidence` when what matched were copied words. */
export function confidenceOn(fingerprint: BuiltFingerprint, obs: Observation): Confidence {
  // A client's network error read from its words is words too: they may be a server's body relaying its own failed call.
  const words = isWords(obs) || obs.failure?.tool === 'client';
  return (fingerprint.role === 'issuer' && words ? fingerprint.wordsConfidence : undefined) ?? fingerprint.confidence;
}

/** Double quotes as a forum or a word processor retypes them (`“error”: “…”`): in copied words, read as `"`. */
const TYPOGRAPHIC_QUOTES = /[“”„]/g;
/**
 * A JSON body a log printed inside a string (`"response_body":"{\"ok\":false,…}"`), escaped once or more: in copied
 * words its quotes are read plain, so the vendor's object matches as it was sent.
 */
const ESCAPED_JSON = /\{\\+"/;
const ESCAPED_QUOTES = /\\+"/g;

function plainWords(body: string): string {
  const words = normalizeSpace(body).replace(TYPOGRAPHIC_QUOTES, '"');
  return ESCAPED_JSON.test(words) ? words.replace(ESCAPED_QUOTES, '"') : words;
}

/**
 * The body as matchers see it, computed once per observation: CRLF read as LF, no blanks at the end of a line nor
 * blank lines at the end (pastes change all three); for a page's copied text, whitespace runs as one space, as the
 * patterns' text forms expect, typographic double quotes as straight ones, and escaped JSON unescaped.
 */
function bodyText(obs: Observation): string | undefined {
  if (!matchedBodies.has(obs)) {
    const body = obs.response?.body?.slice(0, MAX_BODY_MATCHED);
    matchedBodies.set(obs, body === undefined ? undefined : isWords(obs) ? plainWords(body) : withoutLineEndBlanks(body));
  }
  return matchedBodies.get(obs);
}

/** Split and trimmed line by line: a regex anchored at the end of a line backtracks on a long run of blanks. */
const withoutLineEndBlanks = (body: string) =>
  body
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();

const containsCheck = (wanted: string): Check => (obs) => (bodyText(obs)?.includes(wanted) ? { kind: 'body', name: null, value: shorten(wanted) } : undefined);

function regexCheck(pattern: RegExp): Check {
  return (obs) => {
    const body = bodyText(obs);
    const m = body === undefined ? null : pattern.exec(body);
    return m ? { kind: 'body', name: null, value: shorten(m[0]) } : undefined;
  };
}

function bodyCheck(matcher: BodyMatcher): Check {
  if ('contains' in matcher) return containsCheck(matcher.contains);
  if ('regex' in matcher) return regexCheck(new RegExp(matcher.regex));
  return (obs) => (bodyText(obs)?.trim() === '' ? { kind: 'body', name: null, value: '' } : undefined);
}

/** The text form of a body matcher: null when it is markup only (left out), 'never' when it cannot hold. */
function textBodyForm(matcher: BodyMatcher): TextForm | null | 'never' {
  if ('empty' in matcher) return 'never';
  if ('contains' in matcher) return textFormOfContains(matcher.contains);
  if (matcher.markupOnly) return 'never';
  const form = textFormOfRegex(matcher.regex);
  return form && matcher.distinctiveShape ? { ...form, distinctive: true } : form;
}

const textCheck = ({ pattern }: TextForm): Check => (typeof pattern === 'string' ? containsCheck(pattern) : regexCheck(pattern));

type ResponseMatch = Pick<Match, 'reason' | 'headers' | 'body'>;

/** A body pattern says more than a header, a header more than a status; absences and empty bodies say little. */
function responseSpecificity(m: ResponseMatch): number {
  const headers = (m.headers ?? []).reduce((sum, h) => sum + (h.absent ? 5 : 20), 0);
  const bodies = (m.body ?? []).reduce((sum, b) => sum + ('empty' in b ? 10 : 30), 0);
  return (m.reason === undefined ? 0 : 10) + headers + bodies;
}

function specificityOf(m: Match): number {
  const anyOf = m.anyOf === undefined ? 0 : Math.min(...m.anyOf.map(responseSpecificity));
  const failure = m.failure === undefined ? 0 : m.failure.message === undefined ? 30 : 40;
  const logged = m.logged === undefined ? 0 : 30 + (m.logged.evidence === undefined ? 0 : 10) + (m.logged.issued === undefined ? 0 : 10) + (m.logged.line === undefined ? 0 : 20);
  return (m.status === undefined ? 0 : 10) + responseSpecificity(m) + anyOf + failure + logged;
}

function reasonCheck(reason: string): Check {
  const pattern = new RegExp(reason, 'i');
  return (obs) => (obs.response && pattern.test(obs.response.reason) ? { kind: 'reason', name: null, value: obs.response.reason } : undefined);
}

function responseChecks(m: ResponseMatch): Check[] {
  return [...(m.reason === undefined ? [] : [reasonCheck(m.reason)]), ...(m.headers ?? []).map(headerCheck), ...(m.body ?? []).map(bodyCheck)];
}

/** The text form of a group of matchers: its checks and how many read distinctive words; null when it cannot hold. */
function textChecks(m: ResponseMatch): { checks: Check[]; words: number } | null {
  if ((m.headers ?? []).length > 0) return null;
  const forms = (m.body ?? []).map(textBodyForm);
  if (forms.includes('never')) return null;
  const kept = forms.filter((f): f is TextForm => f !== null && f !== 'never');
  return { checks: [...(m.reason === undefined ? [] : [reasonCheck(m.reason)]), ...kept.map(textCheck)], words: kept.filter((f) => f.distinctive).length };
}

/**
 * A page without a status line may name none; then the page's words have to carry the match. So must a head pasted
 * without its status (a report's `Headers` and `Body` sections): there the status check passes provisionally
 * (`403?`) and the match needs a body pattern that held (see `wordsCarry`), as a status and headers alone say
 * nothing of the error they describe.
 */
function statusCheck(statuses: readonly number[], statusAlone: boolean): Check {
  return (obs) => {
    const status = obs.response?.status;
    if (status === null && !statusAlone) return { kind: 'status', name: null, value: `${statuses.join('/')}?` };
    if (status == null || !statuses.includes(status)) return undefined;
    // Read the page's words only once the status is the vendor's own (they cost a pass over the body).
    return statusAlone && pageSaysMore(obs, status) ? undefined : { kind: 'status', name: null, value: String(status) };
  };
}

/** Words beyond its status and phrase that a page may show and still say nothing else ("463", "Error 463"). */
const STATUS_WORDS_MAX = 2;

/**
 * A vendor's own status names the vendor only when no page speaks for someone else: an HTML page whose title or
 * text has words of its own that no fingerprint knows is another product's use of the code (DOSarrest's "463
 * Restricted Client" page is no ALB's 463). Prose that mentions the code ("receiving HTTP 464") still names it.
 */
function pageSaysMore(obs: Observation, status: number): boolean {
  const body = bodyText(obs)?.trim() ?? '';
  if (!looksLikeHtml(body)) return false;
  return wordsBeyondStatus(status, `${pageTitle(body) ?? ''}\n${visibleText(body)}`) > STATUS_WORDS_MAX;
}

/** A head without its status line matches only through the words of its body (a pattern, not an empty body). */
function wordsCarry(found: readonly Found[], obs: Observation): boolean {
  const provisional = found.some((f) => f.kind === 'status' && f.value.endsWith('?'));
  return !provisional || obs.response?.form !== 'message' || found.some((f) => f.kind === 'body' && f.value !== '');
}

function failureCheck({ exitCodes, kinds, message }: NonNullable<Match['failure']>): Check {
  const pattern = message === undefined ? undefined : new RegExp(message, 'i');
  return (obs) => {
    const f = obs.failure;
    const code = f?.exitCode ?? null;
    const matched = exitCodes ? code !== null && exitCodes.includes(code) : f?.kind != null && (kinds ?? []).includes(f.kind);
    if (!f || !matched) return undefined;
    if (pattern && !pattern.test([f.message, ...f.trace].join('\n'))) return undefined;
    return { kind: 'client-error', name: null, value: shorten(code === null ? f.message : `curl: (${code}) ${f.message}`) };
  };
}

/**
 * A pasted log line of one of the formats, with the fact kinds and the verdict asked for. An access line joined to
 * an error-log line is also that error log's (the proxy that wrote it is on the path, and failed when it says so).
 */
function loggedCheck({ formats, evidence, issued, line }: NonNullable<Match['logged']>): Check {
  const words = line === undefined ? undefined : new RegExp(line);
  return (obs) => {
    const entry = obs.logged;
    const written = entry && (formats.includes(entry.format) || (entry.errorFormat !== null && formats.includes(entry.errorFormat)));
    if (!entry || !written || (issued !== undefined && entry.issuer !== issued)) return undefined;
    if (words && !words.test(`${entry.text}\n${entry.errorText ?? ''}`)) return undefined;
    if (evidence && !entry.evidence.some((e) => evidence.includes(e.kind))) return undefined;
    return { kind: 'log', name: entry.format, value: shorten(entry.text) };
  };
}

function textCheckSet(m: Match, status: Check[]): CheckSet | null {
  if (m.failure !== undefined) return null;
  const top = textChecks(m);
  if (top === null) return null;
  const all = (m.anyOf ?? []).map(textChecks).filter((g) => g !== null && g.checks.length > 0);
  // Without distinctive words of its own, the fingerprint matches text only through alternatives that have some: one
  // that reads none (a reason phrase, a generic body) is left out of the text form.
  const groups = top.words > 0 ? all : all.filter((g) => (g?.words ?? 0) > 0);
  if (m.anyOf !== undefined && groups.length === 0) return null;
  // A fingerprint on the reason phrase alone reads a client's message as well: its words quote the reason as sent.
  const reasonAlone = m.reason !== undefined && m.headers === undefined && m.body === undefined && m.anyOf === undefined;
  const readsWords = top.words > 0 || groups.length > 0 || reasonAlone;
  return readsWords ? { checks: [...status, ...top.checks], anyOf: groups.map((g) => g?.checks ?? []) } : null;
}

export function compileFingerprint(fingerprint: BuiltFingerprint): CompiledFingerprint {
  const m = fingerprint.match;
  // A vendor's own status that only it sends (build-fingerprints.ts allows no other status alone): the status has to
  // be shown, as a head's, a page's or a message's, since it is all the fingerprint reads.
  const statusAlone = m.reason === undefined && m.headers === undefined && m.body === undefined && m.anyOf === undefined && m.failure === undefined && m.logged === undefined;
  const status = m.status === undefined ? [] : [statusCheck(m.status, statusAlone)];
  if (m.logged) return { fingerprint, message: { checks: [...status, loggedCheck(m.logged)], anyOf: [] }, text: null, specificity: specificityOf(m) };
  const message: CheckSet = {
    checks: [...status, ...responseChecks(m), ...(m.failure === undefined ? [] : [failureCheck(m.failure)])],
    anyOf: (m.anyOf ?? []).map(responseChecks),
  };
  return { fingerprint, message, text: statusAlone ? { checks: status, anyOf: [] } : textCheckSet(m, status), specificity: specificityOf(m) };
}

function runAll(checks: readonly Check[], obs: Observation): Found[] | undefined {
  const found: Found[] = [];
  for (const check of checks) {
    const one = check(obs);
    if (!one) return undefined;
    found.push(one);
  }
  return found;
}

/** The evidence for every matcher, or undefined when the fingerprint does not match. */
export function matchFingerprint(compiled: CompiledFingerprint, obs: Observation): ResponseEvidence[] | undefined {
  const logged = compiled.fingerprint.match.logged !== undefined;
  if (logged !== (obs.logged !== undefined)) return undefined;
  const set = isWords(obs) ? compiled.text : compiled.message;
  if (set === null) return undefined;
  const found = runAll(set.checks, obs);
  if (!found) return undefined;
  if (set.anyOf.length > 0) {
    let alternative: Found[] | undefined;
    for (const group of set.anyOf) {
      alternative = runAll(group, obs);
      if (alternative && wordsCarry([...found, ...alternative], obs)) break;
      alternative = undefined;
    }
    if (!alternative) return undefined;
    found.push(...alternative);
  } else if (!wordsCarry(found, obs)) return undefined;
  // The facts the log's fields gave (HAProxy's termination state, Envoy's flags), beside the line they came from.
  if (logged) found.push(...(obs.logged?.evidence ?? []).map((e): Found => ({ kind: 'log', name: e.kind, value: shorten(e.detail.trim()) })));
  const { id, component, source } = compiled.fingerprint;
  const confidence = confidenceOn(compiled.fingerprint, obs);
  return found.map((f) => ({ ...f, fingerprint: id, component, confidence, source }));
}
