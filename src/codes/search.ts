/**
 * Search over the knowledge base in both languages: exact status matches first, then words of the reason
 * phrase, title, keywords, summary and description, tolerant of typos ("gatway timout" finds 504). Two query words
 * in a row that also stand together in a title, keyword or summary ("terlalu banyak permintaan") count extra, and a
 * code that matches more of the query's words ranks above one that matches fewer.
 */
import { HttpwhyError } from '../errors.ts';
import { loadKb } from './load.ts';
import { editDistance, STOPWORDS, tokenize, typoAllowance } from './tokenize.ts';
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
  /** "word word" of two neighbouring words (stopwords left out) -> entry index -> field weight */
  pairs: Map<string, Map<number, number>>;
  /** tokens bucketed by length, for typo matching */
  byLength: Map<number, string[]>;
}

const FIELD_WEIGHTS = { title: 5, summary: 2, whenYouSeeIt: 1, description: 1 } as const;
/** Fields whose word pairs are indexed: where a phrase names the code. */
const PHRASE_FIELDS = new Set(['title', 'summary']);
const indexes = new Map<string, Index>();

/** The words that mean something, in order; all of them when the text has nothing else. */
function contentWords(words: readonly string[]): string[] {
  const content = words.filter((w) => !STOPWORDS.has(w));
  return content.length > 0 ? content : [...words];
}

function neighbours(words: readonly string[]): string[] {
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/** Records that `doc` has `token` in a field of this weight (the highest weight wins). */
function add(map: Map<string, Map<number, number>>, token: string, doc: number, weight: number): void {
  const posting = map.get(token) ?? new Map<number, number>();
  posting.set(doc, Math.max(posting.get(doc) ?? 0, weight));
  map.set(token, posting);
}

function buildIndex(codes: readonly CodeEntry[], locales: readonly Locale[]): Index {
  const postings = new Map<string, Map<number, number>>();
  const pairs = new Map<string, Map<number, number>>();
  const addText = (text: string, doc: number, weight: number, phrases: boolean) => {
    const words = tokenize(text);
    for (const t of words) add(postings, t, doc, weight);
    if (phrases) for (const pair of neighbours(contentWords(words))) add(pairs, pair, doc, weight);
  };
  codes.forEach((entry, doc) => {
    addText(`${entry.reason} ${entry.vendor ?? ''} ${entry.context ?? ''}`, doc, FIELD_WEIGHTS.title, true);
    for (const locale of locales) {
      const text = entry.text[locale];
      for (const field of Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[]) {
        addText(text[field], doc, FIELD_WEIGHTS[field], PHRASE_FIELDS.has(field));
      }
      // Each keyword is a phrase of its own: no pair across two keywords.
      for (const keyword of text.keywords ?? []) addText(keyword, doc, FIELD_WEIGHTS.title, true);
    }
  });
  const byLength = new Map<number, string[]>();
  for (const token of postings.keys()) byLength.set(token.length, [...(byLength.get(token.length) ?? []), token]);
  return { postings, pairs, byLength };
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
  const idf = (posting: Map<number, number>) => Math.log(1 + codes.length / posting.size);
  const scores = new Map<number, number>();
  const matched = new Map<number, number>();
  const exact = new Set<number>();
  codes.forEach((entry, doc) => {
    if (words.includes(entry.status) || words.includes(entry.id)) exact.add(doc);
  });
  const content = contentWords(words);
  for (const word of content) {
    const best = new Map<number, number>();
    // A longer word the query word starts or a near-miss counts as rare as the word itself at most: "cloudflare" must
    // not score higher through the rarer "cloudflared" than through itself.
    const own = index.postings.get(word);
    const ceiling = own ? idf(own) : Infinity;
    for (const { token, quality } of matchingTokens(word, index)) {
      const posting = index.postings.get(token) as Map<number, number>;
      const rarity = quality === 1 ? idf(posting) : Math.min(idf(posting), ceiling);
      for (const [doc, weight] of posting) best.set(doc, Math.max(best.get(doc) ?? 0, weight * quality * rarity));
    }
    for (const [doc, score] of best) {
      scores.set(doc, (scores.get(doc) ?? 0) + score);
      matched.set(doc, (matched.get(doc) ?? 0) + 1);
    }
  }
  // Neighbouring query words that stand together in the text count in full; with one word between them, half.
  const phrases: [string, number][] = [...neighbours(content).map((p): [string, number] => [p, 1]), ...content.slice(2).map((w, i): [string, number] => [`${content[i]} ${w}`, 0.5])];
  for (const [pair, share] of phrases) {
    const posting = index.pairs.get(pair);
    if (posting) for (const [doc, weight] of posting) scores.set(doc, (scores.get(doc) ?? 0) + weight * share * idf(posting));
  }
  const hits: SearchHit[] = [];
  for (const doc of new Set([...exact, ...scores.keys()])) {
    const isExact = exact.has(doc);
    const coverage = (matched.get(doc) ?? 0) / content.length;
    hits.push({ entry: codes[doc] as CodeEntry, score: (isExact ? 1000 : 0) + (scores.get(doc) ?? 0) * coverage, exact: isExact });
  }
  hits.sort((a, b) => b.score - a.score);
  return hits.slice(0, options.limit ?? 20);
}
