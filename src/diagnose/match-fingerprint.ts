/**
 * Compiles a fingerprint's matchers once, then tests them against an observation. A match returns
 * one piece of evidence per matcher (what matched, and where), so every verdict can be shown.
 */
import type { BuiltFingerprint, Match } from './fingerprint-schema.ts';
import type { Evidence, Observation } from './types.ts';

type Found = Pick<Evidence, 'kind' | 'name' | 'value'>;
type Check = (obs: Observation) => Found | undefined;
type HeaderMatcher = NonNullable<Match['headers']>[number];
type BodyMatcher = NonNullable<Match['body']>[number];

export interface CompiledFingerprint {
  fingerprint: BuiltFingerprint;
  /** Every check must pass. */
  checks: Check[];
  /** When present, every check of at least one group must pass too. */
  anyOf: Check[][];
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
    const fields = obs.response?.headers.filter((h) => h.name.toLowerCase() === wanted) ?? [];
    if (matcher.absent) return obs.response && fields.length === 0 ? { kind: 'header-absent', name: wanted, value: '' } : undefined;
    const field = fields.find((h) => pattern === undefined || pattern.test(h.value));
    return field ? { kind: 'header', name: field.name, value: shorten(field.value) } : undefined;
  };
}

/** Error pages are small; matching only the start of a body keeps hostile megabytes cheap. */
const MAX_BODY_MATCHED = 64 * 1024;
const matchedBodies = new WeakMap<Observation, string | undefined>();

/** The body as matchers see it, computed once per observation: CRLF read as LF (pastes change line ends both ways). */
function bodyText(obs: Observation): string | undefined {
  if (!matchedBodies.has(obs)) matchedBodies.set(obs, obs.response?.body?.slice(0, MAX_BODY_MATCHED).replace(/\r\n/g, '\n'));
  return matchedBodies.get(obs);
}

function bodyCheck(matcher: BodyMatcher): Check {
  if ('contains' in matcher) {
    return (obs) => (bodyText(obs)?.includes(matcher.contains) ? { kind: 'body', name: null, value: shorten(matcher.contains) } : undefined);
  }
  if ('regex' in matcher) {
    const pattern = new RegExp(matcher.regex);
    return (obs) => {
      const body = bodyText(obs);
      const m = body === undefined ? null : pattern.exec(body);
      return m ? { kind: 'body', name: null, value: shorten(m[0]) } : undefined;
    };
  }
  return (obs) => (bodyText(obs)?.trim() === '' ? { kind: 'body', name: null, value: '' } : undefined);
}

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
  return (m.status === undefined ? 0 : 10) + responseSpecificity(m) + anyOf + failure;
}

function responseChecks(m: ResponseMatch): Check[] {
  const checks: Check[] = [];
  if (m.reason !== undefined) {
    const pattern = new RegExp(m.reason, 'i');
    checks.push((obs) => (obs.response && pattern.test(obs.response.reason) ? { kind: 'reason', name: null, value: obs.response.reason } : undefined));
  }
  for (const h of m.headers ?? []) checks.push(headerCheck(h));
  for (const b of m.body ?? []) checks.push(bodyCheck(b));
  return checks;
}

export function compileFingerprint(fingerprint: BuiltFingerprint): CompiledFingerprint {
  const m = fingerprint.match;
  const checks: Check[] = [];
  if (m.status !== undefined) {
    const statuses = m.status;
    checks.push((obs) => (obs.response && statuses.includes(obs.response.status) ? { kind: 'status', name: null, value: String(obs.response.status) } : undefined));
  }
  checks.push(...responseChecks(m));
  if (m.failure !== undefined) {
    const { exitCodes, message } = m.failure;
    const pattern = message === undefined ? undefined : new RegExp(message, 'i');
    checks.push((obs) => {
      const f = obs.failure;
      if (!f || f.exitCode === null || !exitCodes.includes(f.exitCode)) return undefined;
      if (pattern && !pattern.test([f.message, ...f.trace].join('\n'))) return undefined;
      return { kind: 'client-error', name: null, value: shorten(`curl: (${f.exitCode}) ${f.message}`) };
    });
  }
  return { fingerprint, checks, anyOf: (m.anyOf ?? []).map(responseChecks), specificity: specificityOf(m) };
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
export function matchFingerprint(compiled: CompiledFingerprint, obs: Observation): Evidence[] | undefined {
  const found = runAll(compiled.checks, obs);
  if (!found) return undefined;
  if (compiled.anyOf.length > 0) {
    const alternative = compiled.anyOf.map((group) => runAll(group, obs)).find((f) => f !== undefined);
    if (!alternative) return undefined;
    found.push(...alternative);
  }
  const { id, component, confidence, source } = compiled.fingerprint;
  return found.map((f) => ({ ...f, fingerprint: id, component, confidence, source }));
}
