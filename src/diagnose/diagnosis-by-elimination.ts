/**
 * Turns an elimination rule that applied into the parts of a diagnosis: the application named as issuer (verdict
 * `inferred`, never high confidence) with the reasoning as summary and evidence, or, for an `unknown` rule, the
 * reason the evidence does not decide.
 */
import type { Locale } from '../i18n/index.ts';
import type { Elimination } from './eliminate.ts';
import { shorten } from './match-fingerprint.ts';
import type { ChainLink, Confidence, Diagnosis, ResponseEvidence, ParsedResponse } from './types.ts';

/** The issuer's name when no application component showed itself: the next hop behind the proxies. */
export const APPLICATION = 'application';

export type EliminationParts = Pick<Diagnosis, 'verdict' | 'issuer' | 'confidence' | 'chain' | 'summary' | 'whereToLook' | 'nextSteps'> & {
  evidence: ResponseEvidence[];
};

/** The data's text with its `{placeholders}` filled in; an unknown one is left as written. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function ruleEvidence(e: Elimination, response: ParsedResponse, component: string, confidence: Confidence): ResponseEvidence[] {
  const { id, when, sources } = e.rule;
  const base = { fingerprint: id, component, confidence, source: sources[0] ?? '' };
  const header = when.header === undefined ? undefined : response.headers.find((h) => h.name.toLowerCase() === when.header);
  return [
    ...(e.direct === null ? [] : [{ ...base, kind: 'client-error' as const, name: null, value: `${e.direct}: ${response.status ?? '?'}` }]),
    ...(when.reason === undefined ? [] : [{ ...base, kind: 'reason' as const, name: null, value: response.reason }]),
    ...(header ? [{ ...base, kind: 'header' as const, name: header.name, value: shorten(header.value) }] : []),
    ...(when.body && response.body !== null ? [{ ...base, kind: 'body' as const, name: null, value: shorten(response.body.trim()) }] : []),
  ];
}

export function eliminationParts(e: Elimination, response: ParsedResponse, status: number | null, chain: readonly ChainLink[], locale: Locale): EliminationParts {
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const text = e.rule.text[locale];
  const values = { status: status === null ? '' : String(status), behind: list.format(e.behind), app: list.format(e.app), reason: response.reason };
  const parts = {
    summary: fill(text.summary, values),
    whereToLook: text.whereToLook.map((t) => fill(t, values)),
    nextSteps: text.nextSteps.map((t) => fill(t, values)),
  };
  if (e.rule.verdict === 'unknown' || e.rule.confidence === undefined) {
    return { ...parts, verdict: 'unknown', issuer: null, confidence: null, chain: [...chain], evidence: [] };
  }
  // An application server (Gunicorn, Puma) runs the application; its own pages did not match, so the app sent it.
  const component = e.frameworks[0] ?? APPLICATION;
  const seen = chain.some((l) => l.component === component);
  const issued: ChainLink[] = seen
    ? chain.map((l) => (l.component === component ? { ...l, role: 'issuer' } : l))
    : [...chain, { component, layer: 'origin-app', role: 'issuer' }];
  return {
    ...parts,
    verdict: 'inferred',
    issuer: { component, layer: 'origin-app', fingerprint: e.rule.id },
    confidence: e.rule.confidence,
    chain: issued,
    evidence: ruleEvidence(e, response, component, e.rule.confidence),
  };
}
