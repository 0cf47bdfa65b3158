/**
 * @module i18n
 * Interface strings for every surface (CLI, web, compare), English and Indonesian. Content prose is data;
 * only labels and sentence templates live here, typed so a missing Indonesian string fails the type-check.
 */
import type { Locale } from '../codes/index.ts';
import { en } from './en.ts';
import { id } from './id.ts';

type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof en>;

const catalogues: Record<Locale, Messages> = { en, id };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}
