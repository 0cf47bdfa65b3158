/** Side-by-side comparison of any two codes: hand-written prose where it exists, generated from facts otherwise. */
import { compareEntries, loadKb, resolveEntry, type CodeEntry } from '../codes/index.ts';
import { HttpwhyError } from '../errors.ts';
import { messages } from '../i18n/index.ts';
import { generatedDifferences, label } from './differences.ts';
import type { Locale } from '../i18n/index.ts';

/** One aspect of a comparison (who issues it, retryable, cacheable, ...) with each code's value. */
export interface ComparisonRow {
  aspect: string;
  a: string;
  b: string;
}

/** Two codes side by side: the rows of facts, the key differences and how to tell them apart. */
export interface Comparison {
  /** Canonical id "<a>-vs-<b>" (lower number first); URLs and files use it. */
  id: string;
  a: CodeEntry;
  b: CodeEntry;
  locale: Locale;
  /** True when the prose was written by hand for this pair. */
  curated: boolean;
  summary: string;
  rows: ComparisonRow[];
  keyDifferences: string[];
  whenToUse: { a: string; b: string };
  tellApart: string[];
}

/** Orders two entries canonically and returns the pair id. */
export function canonicalPair(x: CodeEntry, y: CodeEntry): [CodeEntry, CodeEntry, string] {
  const [a, b] = compareEntries(x, y) <= 0 ? [x, y] : [y, x];
  return [a, b, `${a.id}-vs-${b.id}`];
}

function rows(a: CodeEntry, b: CodeEntry, locale: Locale): ComparisonRow[] {
  const m = messages(locale);
  const row = (aspect: string, f: (e: CodeEntry) => string): ComparisonRow => ({ aspect, a: f(a), b: f(b) });
  const t = (e: CodeEntry) => e.text[locale];
  return [
    row(m.aspect.whoFailed, (e) => t(e).whoFailed),
    row(m.aspect.issuedBy, (e) => e.issuedBy.map((i) => m.issuer[i]).join(', ')),
    row(m.aspect.likelyCause, (e) => t(e).causes[0] ?? ''),
    row(m.aspect.whereToLook, (e) => t(e).whereToLook[0] ?? ''),
    row(m.aspect.retryable, (e) => `${m.retryable[e.flags.retryable]}: ${t(e).retry}`),
    row(m.aspect.cacheable, (e) => (e.flags.cacheableByDefault ? m.yes : m.no)),
    row(m.aspect.headers, (e) => (e.headers.length > 0 ? e.headers.join(', ') : m.none)),
    row(m.aspect.class, (e) => `${e.class} (${m.class[e.class]})`),
    row(m.aspect.standing, (e) => m.standing[e.standing] + (e.vendor ? ` (${e.vendor})` : '')),
  ];
}

/** Compares two codes given as ids ("499-nginx") or statuses ("502": its registry meaning first). */
export function compare(first: string, second: string, locale: Locale = 'en'): Comparison {
  if (!first || !second) throw new HttpwhyError('HW_ERR_COMPARE_MISSING_CODE', 'Give two codes to compare, e.g. 502 504.');
  const [a, b, id] = canonicalPair(resolveEntry(first), resolveEntry(second));
  const curated = loadKb().comparisons.get(id);
  if (curated) {
    const text = curated.text[locale];
    return {
      id, a, b, locale, curated: true,
      summary: text.summary,
      rows: rows(a, b, locale),
      keyDifferences: text.keyDifferences,
      whenToUse: { a: text.whenToUse[a.id] ?? '', b: text.whenToUse[b.id] ?? '' },
      tellApart: text.tellApart,
    };
  }
  const [ta, tb] = [a.text[locale], b.text[locale]];
  return {
    id, a, b, locale, curated: false,
    summary: `${label(a, locale)}: ${ta.summary} ${label(b, locale)}: ${tb.summary}`,
    rows: rows(a, b, locale),
    keyDifferences: generatedDifferences(a, b, locale),
    whenToUse: { a: ta.whenYouSeeIt, b: tb.whenYouSeeIt },
    tellApart: [`${label(a, locale)}: ${ta.whereToLook[0] ?? ''}`, `${label(b, locale)}: ${tb.whereToLook[0] ?? ''}`, ...(ta.related[b.id] ? [ta.related[b.id] as string] : []), ...(tb.related[a.id] ? [tb.related[a.id] as string] : [])],
  };
}
