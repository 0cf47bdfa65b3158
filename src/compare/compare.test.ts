import { assert, constantFrom, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listCodes } from '../codes/index.ts';
import { compare } from './index.ts';
import { LOCALES } from '../i18n/index.ts';

const CURATED: [string, string][] = [
  ['500', '502'], ['502', '504'], ['502', '503'], ['503', '504'], ['500', '503'], ['503', '429'], ['401', '403'],
  ['301', '302'], ['302', '307'], ['301', '308'], ['404', '410'], ['400', '422'], ['408', '504'], ['499-nginx', '502'],
  ['520-cloudflare', '502'], ['521-cloudflare', '522-cloudflare'], ['522-cloudflare', '524-cloudflare'],
];

function expectComplete(c: ReturnType<typeof compare>): void {
  expect(c.summary.trim().length).toBeGreaterThan(20);
  expect(c.keyDifferences.length).toBeGreaterThanOrEqual(2);
  expect(c.keyDifferences.every((d) => d.trim().length > 0)).toBe(true);
  expect(c.whenToUse.a.trim()).not.toBe('');
  expect(c.whenToUse.b.trim()).not.toBe('');
  expect(c.tellApart.length).toBeGreaterThan(0);
  expect(c.tellApart.every((d) => d.trim().length > 0)).toBe(true);
  expect(c.rows.length).toBeGreaterThanOrEqual(7);
  for (const row of c.rows) expect([row.aspect, row.a, row.b].every((s) => s.trim().length > 0)).toBe(true);
}

describe('curated comparisons', () => {
  it.each(CURATED)('%s vs %s is hand-written in both languages, in either order', (a, b) => {
    for (const locale of LOCALES) {
      const forward = compare(a, b, locale);
      expect(forward.curated).toBe(true);
      expectComplete(forward);
      expect(compare(b, a, locale).id).toBe(forward.id);
    }
    expect(compare(a, b, 'id').summary).not.toBe(compare(a, b, 'en').summary);
  });

  it('puts the lower number first', () => {
    expect(compare('504', '502').id).toBe('502-vs-504');
    expect(compare('503', '429').id).toBe('429-vs-503');
    expect(compare('502', '499').id).toBe('499-nginx-vs-502');
  });
});

describe('generated comparisons', () => {
  const ids = listCodes().map((e) => e.id);

  it('are never empty, for random pairs in both languages', () => {
    assert(
      property(constantFrom(...ids), constantFrom(...ids), constantFrom(...LOCALES), (a, b, locale) => {
        expectComplete(compare(a, b, locale));
      }),
      { numRuns: 300 },
    );
  });

  it('state the facts that differ', () => {
    const c = compare('308', '302');
    expect(c.curated).toBe(false);
    expect(c.keyDifferences.join(' ')).toMatch(/keeps the method/);
    expect(compare('404', '503').keyDifferences.join(' ')).toMatch(/client error.*server error/);
  });

  it('reject a missing side', () => {
    expect(() => compare('500', '')).toThrow(expect.objectContaining({ code: 'HW_ERR_COMPARE_MISSING_CODE' }));
  });
});
