import { LOCALES, type Locale } from '../i18n/index.ts';
/**
 * The one place a locale becomes a URL prefix: English at the root ("/codes/502"), every other locale under its
 * tag ("/id/codes/502"). Routes, links, redirects and the static export all go through these functions.
 */

/** The locale served at the root, without a prefix. */
const ROOT_LOCALE: Locale = 'en';

/** "" for English, "/id" for Indonesian. */
export function localePrefix(locale: Locale): string {
  return locale === ROOT_LOCALE ? '' : `/${locale}`;
}

/** URL of a locale-free path in the given locale: "/codes/502" -> "/id/codes/502", "/" -> "/id". */
export function localePath(locale: Locale, path: string): string {
  const prefix = localePrefix(locale);
  return prefix !== '' && path === '/' ? prefix : `${prefix}${path}`;
}

/** The locale a URL belongs to, and its path without the locale prefix (and without the query). */
export function splitLocale(url: string): { locale: Locale; path: string } {
  const path = url.split('?')[0] ?? '/';
  for (const locale of LOCALES) {
    const prefix = localePrefix(locale);
    if (prefix !== '' && (path === prefix || path.startsWith(`${prefix}/`))) return { locale, path: path.slice(prefix.length) || '/' };
  }
  return { locale: ROOT_LOCALE, path };
}
