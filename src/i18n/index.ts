/**
 * @module i18n
 * Interface strings for every surface (CLI, web, compare), English and Indonesian. Content prose is data;
 * only labels and sentence templates live here, typed so a missing Indonesian string fails the type-check.
 */
import type { Locale } from './locale.ts';
import { en } from './en.ts';
import { id } from './id.ts';
import type { Messages } from './catalogue.ts';

export type { Messages } from './catalogue.ts';
export { LOCALES, parseLocale, type Locale } from './locale.ts';

const catalogues: Record<Locale, Messages> = { en, id };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}
