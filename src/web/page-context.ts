/** What every page component knows about the request it renders. */
import type { FastifyRequest } from 'fastify';
import { messages, type Messages } from '../i18n/index.ts';
import { splitLocale } from './locale-path.ts';
import type { Locale } from '../i18n/index.ts';

/** What every page of one app shares: where the site is served from and its asset URLs. */
export interface SiteOptions {
  siteUrl: string;
  cssUrl: string;
  jsUrl: string;
}

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

export function pageContext(locale: Locale, path: string, siteUrl: string, assets: { cssUrl: string; jsUrl: string }, query = ''): PageContext {
  return { locale, path, m: messages(locale), siteUrl, ...assets, query };
}

/** The page context of any request, from its URL (for pages rendered without a locale of their own: errors, /api). */
export function requestContext(request: FastifyRequest, site: SiteOptions): PageContext {
  const { locale, path } = splitLocale(request.url);
  return pageContext(locale, path, site.siteUrl, site);
}
