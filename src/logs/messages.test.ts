import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildLogsText } from './build-text.ts';
import { LOGS_LOCALES, logsText, missingKeys, resolveLocale } from './messages.ts';

const textFile = (locale: string) => new URL(`../../data/logs/${locale}.yaml`, import.meta.url);

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('report text', () => {
  it('has every key in both languages, and the same keys', () => {
    const [en, id] = LOGS_LOCALES.map((l) => parse(readFileSync(textFile(l), 'utf8')) as unknown);
    expect(missingKeys(en)).toEqual([]);
    expect(missingKeys(id)).toEqual([]);
    expect(keyPaths(id).toSorted()).toEqual(keyPaths(en).toSorted());
  });

  it('is built from the YAML files as written (build/logs-text.json is not stale)', () => {
    const { bundle, errors } = buildLogsText(new URL('../../data/logs', import.meta.url).pathname);
    expect(errors).toEqual([]);
    for (const locale of LOGS_LOCALES) expect({ ...bundle[locale], locale }).toEqual(logsText(locale));
  });

  it('names what is missing', () => {
    expect(missingKeys({ ui: {}, causes: { timeout: { label: 'x' } } })).toContain('causes.timeout');
    expect(missingKeys({})).toContain('ui.title');
  });

  it('is really translated', () => {
    expect(logsText('id').causes.timeout.label).not.toBe(logsText('en').causes.timeout.label);
    expect(logsText('id').ui.title).toContain('siapa');
  });

  it('rejects unknown languages with HW_ERR_LOGS_BAD_OPTION', () => {
    expect(resolveLocale(undefined)).toBe('en');
    expect(resolveLocale('id')).toBe('id');
    expect(() => resolveLocale('fr')).toThrow(expect.objectContaining({ code: 'HW_ERR_LOGS_BAD_OPTION' }));
  });
});
