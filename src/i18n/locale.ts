import { HttpwhyError } from '../errors.ts';

/** The languages of every surface, as BCP 47 tags. */
export const LOCALES = ['en', 'id'] as const;
/** A language of httpwhy's text: one of {@link LOCALES} (BCP 47 tags). */
export type Locale = (typeof LOCALES)[number];

/** Validates a user-supplied language tag ("en", "id"; case-insensitive, region ignored: "id-ID"). */
export function parseLocale(input: string | undefined, fallback: Locale = 'en'): Locale {
  if (input === undefined || input === '') return fallback;
  const base = input.toLowerCase().split(/[-_]/)[0];
  const found = LOCALES.find((l) => l === base);
  if (!found) {
    throw new HttpwhyError('HW_ERR_CODES_UNKNOWN_LOCALE', `Unknown language "${input}": use one of ${LOCALES.join(', ')}.`, { input, supported: [...LOCALES] });
  }
  return found;
}
