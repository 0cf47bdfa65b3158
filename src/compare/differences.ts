/** Key differences and "when to use" lines generated from structured facts, for pairs nobody wrote by hand. */
import type { CodeEntry } from '../codes/index.ts';
import { messages } from '../i18n/index.ts';
import type { Locale } from '../i18n/index.ts';

/** "502 Bad Gateway" in the reader's language. */
export const label = (e: CodeEntry, locale: Locale): string => `${e.status} ${e.text[locale].title}`;

export function generatedDifferences(a: CodeEntry, b: CodeEntry, locale: Locale): string[] {
  const m = messages(locale);
  const [la, lb] = [label(a, locale), label(b, locale)];
  const issuers = (e: CodeEntry) => e.issuedBy.map((i) => m.issuer[i]).join(', ');
  const out: string[] = [];
  if (a.class !== b.class) out.push(m.diff.classes(la, lb, m.class[a.class], m.class[b.class]));
  if (issuers(a) !== issuers(b)) out.push(m.diff.issuers(la, lb, issuers(a), issuers(b)));
  if (a.flags.retryable !== b.flags.retryable) {
    out.push(m.diff.retry(la, lb, m.retryable[a.flags.retryable], m.retryable[b.flags.retryable]));
  }
  if (a.flags.cacheableByDefault !== b.flags.cacheableByDefault) {
    out.push(a.flags.cacheableByDefault ? m.diff.cache(la, lb) : m.diff.cache(lb, la));
  }
  if (a.flags.redirect && b.flags.redirect && a.flags.methodPreserving !== b.flags.methodPreserving) {
    out.push(a.flags.methodPreserving ? m.diff.method(la, lb) : m.diff.method(lb, la));
  }
  if (a.flags.clientVisible !== b.flags.clientVisible) {
    out.push(a.flags.clientVisible ? m.diff.visible(lb, la) : m.diff.visible(la, lb));
  }
  if (a.standing !== b.standing) out.push(m.diff.standing(la, lb, m.standing[a.standing], m.standing[b.standing]));
  // Always state both meanings, so a comparison is never empty even for near-identical facts.
  out.push(m.diff.meaning(la, a.text[locale].summary), m.diff.meaning(lb, b.text[locale].summary));
  return out;
}
