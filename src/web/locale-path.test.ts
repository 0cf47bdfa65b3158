import { describe, expect, it } from 'vitest';
import { localePath, localePrefix, splitLocale } from './locale-path.ts';
import { LOCALES } from '../i18n/index.ts';

describe('locale paths', () => {
  it.each([
    ['en', '/', '/'],
    ['en', '/codes/502', '/codes/502'],
    ['id', '/', '/id'],
    ['id', '/codes/502', '/id/codes/502'],
    ['id', '/lab/fail/reset', '/id/lab/fail/reset'],
  ] as const)('%s %s -> %s', (locale, path, url) => expect(localePath(locale, path)).toBe(url));

  it.each([
    ['/', 'en', '/'],
    ['/codes/502?x=1', 'en', '/codes/502'],
    ['/id', 'id', '/'],
    ['/id?q=1', 'id', '/'],
    ['/id/', 'id', '/'],
    ['/id/codes/502', 'id', '/codes/502'],
    ['/idx', 'en', '/idx'],
    ['/identity/id', 'en', '/identity/id'],
  ] as const)('%s belongs to %s as %s', (url, locale, path) => expect(splitLocale(url)).toEqual({ locale, path }));

  it('gets back every path of every locale from its URL', () => {
    for (const locale of LOCALES) {
      for (const path of ['/', '/codes', '/compare/500-vs-502']) expect(splitLocale(localePath(locale, path))).toEqual({ locale, path });
    }
    expect(LOCALES.map(localePrefix)).toEqual(['', '/id']);
  });
});
