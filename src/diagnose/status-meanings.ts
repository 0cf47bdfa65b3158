/** What the status-code knowledge base says about the observed status, vendors on the path first. */
import { getCode, type CodeEntry, type Vendor } from '../codes/index.ts';
import type { StatusMeaning } from './types.ts';
import type { Locale } from '../i18n/index.ts';

/** Every meaning of `status`; those of a vendor seen on the path come first (499 behind nginx is 499-nginx). */
export function statusEntries(status: number, vendors: ReadonlySet<Vendor>): CodeEntry[] {
  const rank = (entry: CodeEntry): number => (entry.vendor !== null && vendors.has(entry.vendor) ? 0 : 1);
  return getCode(status)
    .map((entry, index) => ({ entry, index }))
    .toSorted((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function toMeaning(entry: CodeEntry, locale: Locale): StatusMeaning {
  const text = entry.text[locale];
  return { id: entry.id, title: text.title, summary: text.summary };
}
