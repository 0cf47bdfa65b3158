/**
 * Search over the knowledge base in both languages: exact status matches first, then words of the reason
 * phrase, title, summary and description, tolerant of typos ("gatway timout" finds 504).
 */
import { HttpwhyError } from '../errors.ts';
import { loadKb } from './load.ts';
import { editDistance, tokenize, typoAllowance } from './tokenize.ts';
import type { CodeEntry } from './types.ts';
import { LOCALES, type Locale } from '../i18n/index.ts';

/** One search result: the code and how well it matched. */
export interface SearchHit {
  entry: CodeEntry;
  score: number;
  /** True when the query named this status exactly. */
  exact: boolean;
}

/** Options of {@link search}. */
export interface SearchOptions {
  limit?: number;
  /** Restrict word matching to one language; both by default. */
  locale?: Locale;
}

interface Index {
  /** token -> entry index -> field weight */
  postings: Map<string, Map<number, number>>;
  /** tokens bucketed by length, for typo matching */
  byLength: Map<number, string[]>;
}

const FIELD_WEIGHTS = { title: 5, summary: 2, whenYouSeeIt: 1, description: 1 } as const;
const indexes = new Map<string, Index>();

function buildIndex(codes: readonly CodeEntry[], locales: readonly Locale[]): Index {
  const postings = new Map<string, Map<number, number>>();
  const add = (token: string, doc: number, weight: number) => {
    const posting = postings.get(token) ?? new Map<number, number>();
    posting.set(doc, Math.max(posting.get(doc) ?? 0, weight));
    postings.set(token, posting);
  };
  codes.forEach((entry, doc) => {
    for (const t of tokenize(`${entry.reason} ${entry.vendor ?? ''} ${entry.context ?? ''}`)) add(t, doc, FIELD_WEIGHTS.title);
    for (const locale of locales) {
      const text = entry.text[locale];
      for (const field of Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[]) {
        for (const t of tokenize(text[field])) add(t, doc, FIELD_WEIGHTS[field]);
      }
      for (const t of tokenize((text.keywords ?? []).join(' '))) add(t, doc, FIELD_WEIGHTS.title);
    }
  });
  const byLength = new Map<number, string[]>();
  for (const token of postings.keys()) byLength.set(token.length, [...(byLength.get(token.length) ?? []), token]);
  return { postings, byLength };
}

function getIndex(locale: Locale | undefined): Index {
  const key = locale ?? 'all';
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(loadKb().codes, locale ? [locale] : LOCALES);
    indexes.set(key, index);
  }
  return index;
}

/** Vocabulary words that a query word matches: itself, words it is a prefix of, and near-misses. */
function matchingTokens(word: string, index: Index): { token: string; quality: number }[] {
  const out: { token: string; quality: number }[] = [];
  const max = typoAllowance(word.length);
  for (let len = word.length - max; len <= word.length + Math.max(max, 12); len++) {
    for (const token of index.byLength.get(len) ?? []) {
      if (token === word) out.push({ token, quality: 1 });
      else if (word.length >= 3 && token.startsWith(word)) out.push({ token, quality: 0.7 });
      else if (max > 0 && Math.abs(len - word.length) <= max) {
        const d = editDistance(word, token, max);
        if (d <= max) out.push({ token, quality: 0.8 - 0.2 * d });
      }
    }
  }
  return out;
}

/** Codes matching a query (a number, a reason phrase or words, English or Indonesian; typos tolerated), best first. */
export function search(query: string, options: SearchOptions = {}): SearchHit[] {
  const words = tokenize(query);
  if (words.length === 0) throw new HttpwhyError('HW_ERR_SEARCH_EMPTY_QUERY', 'The search query is empty: type a code, a reason phrase or words.');
  const { codes } = loadKb();
  const index = getIndex(options.locale);
  const scores = new Map<number, number>();
  const exact = new Set<number>();
  codes.forEach((entry, doc) => {
    if (words.includes(entry.status) || words.includes(entry.id)) exact.add(doc);
  });
  for (const word of words) {
    const best = new Map<number, number>();
    for (const { token, quality } of matchingTokens(word, index)) {
      const posting = index.postings.get(token) as Map<number, number>;
      const idf = Math.log(1 + codes.length / posting.size);
      for (const [doc, weight] of posting) best.set(doc, Math.max(best.get(doc) ?? 0, weight * quality * idf));
    }
    for (const [doc, score] of best) scores.set(doc, (scores.get(doc) ?? 0) + score);
  }
  const hits: SearchHit[] = [];
  for (const doc of new Set([...exact, ...scores.keys()])) {
    const isExact = exact.has(doc);
    hits.push({ entry: codes[doc] as CodeEntry, score: (isExact ? 1000 : 0) + (scores.get(doc) ?? 0), exact: isExact });
  }
  hits.sort((a, b) => b.score - a.score);
  return hits.slice(0, options.limit ?? 20);
}
