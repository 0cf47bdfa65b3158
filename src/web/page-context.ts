/** What every page component knows about the request it renders. */
import type { Locale } from '../codes/index.ts';
import { messages, type Messages } from '../i18n/index.ts';

export interface PageContext {
  locale: Locale;
  /** Path without the locale prefix, e.g. "/codes/502" (also for /id/codes/502). */
  path: string;
  m: Messages;
  /** Absolute origin used for canonical and alternate links, e.g. "http://localhost:3000". */
  siteUrl: string;
  cssUrl: string;
  jsUrl: string;
  /** The query string ("?q=timeout" or "") that the language switch keeps, so the reader stays on the same page. */
  query: string;
}

/** URL of a locale-free path in the given locale: "/codes/502" -> "/id/codes/502". */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'en') return path;
  return path === '/' ? '/id' : `/id${path}`;
}

export function pageContext(locale: Locale, path: string, siteUrl: string, assets: { cssUrl: string; jsUrl: string }, query = ''): PageContext {
  return { locale, path, m: messages(locale), siteUrl, ...assets, query };
}
