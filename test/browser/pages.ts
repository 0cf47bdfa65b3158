import { LOCALES, type Locale } from '../../src/i18n/index.ts';
/** One URL per page type the site serves, in both languages. */

export interface PageType {
  name: string;
  path: string;
  status: number;
}

export const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'all codes', path: '/codes', status: 200 },
  { name: 'code', path: '/codes/502', status: 200 },
  { name: 'code with several meanings', path: '/codes/499', status: 200 },
  { name: 'sub-status code', path: '/codes/502.3', status: 200 },
  { name: 'compare picker', path: '/compare', status: 200 },
  { name: 'written comparison', path: '/compare/500-vs-502', status: 200 },
  { name: 'generated comparison', path: '/compare/201-vs-418', status: 200 },
  { name: 'cheat sheet', path: '/cheat-sheet', status: 200 },
  { name: 'category', path: '/categories/nginx', status: 200 },
  { name: 'quiz', path: '/quiz?q=1', status: 200 },
  // Seed 4 asks "who failed?" about a real capture: nginx relaying an upstream's raw bytes with no HTTP head.
  { name: 'quiz, who failed?', path: '/quiz?q=4', status: 200 },
  { name: 'search', path: '/search?q=timeout', status: 200 },
  { name: 'API docs', path: '/api', status: 200 },
  { name: 'diagnose', path: '/diagnose', status: 200 },
  { name: 'URL checker', path: '/check', status: 200 },
  { name: 'lab', path: '/lab', status: 200 },
  { name: 'gateway comparison', path: '/lab/compare-gateways', status: 200 },
  { name: 'not found', path: '/no-such-page', status: 404 },
  { name: 'bad request', path: '/quiz?q=not-a-seed', status: 400 },
];

export function inLocale(locale: Locale, path: string): string {
  if (locale === 'en') return path;
  return path === '/' ? '/id' : `/id${path}`;
}

/** Every page type in every language, labelled for test names: "code /id/codes/502". */
export const LOCALIZED_PAGES = PAGE_TYPES.flatMap((p) => LOCALES.map((locale) => ({ ...p, locale, url: inLocale(locale, p.path) })));
