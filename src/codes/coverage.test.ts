import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { assignedRegistryCodes } from '../../test/helpers/iana-registry.ts';
import { getCode, getEntry, listCodes } from './index.ts';
import { LOCALES } from '../i18n/index.ts';

const registry = assignedRegistryCodes();
/** The rows whose reference matches `pattern`, with what its group captured. */
const citing = (pattern: RegExp) => registry.flatMap((row) => {
  const cited = pattern.exec(row.reference)?.[1];
  return cited === undefined ? [] : [{ ...row, cited }];
});

describe('coverage of the IANA registry snapshot', () => {
  it('reads a plausible snapshot', () => {
    expect(registry.length).toBeGreaterThan(60);
    expect(registry.find((r) => r.value === 104)?.description).toMatch(/TEMPORARY/);
    expect(citing(/RFC(\d+)/).length).toBeGreaterThan(50);
    expect(citing(/Section ([\d.]+)/).length).toBeGreaterThan(40);
  });

  it.each(registry)('$value $description has a registry entry with the registry name', ({ value, description }) => {
    const entry = getEntry(String(value));
    expect(entry, `no entry with id ${value}`).toBeDefined();
    expect(entry?.vendor).toBeNull();
    expect(entry?.reason).toBe(description);
  });

  // The registry reference (e.g. "[RFC9110, Section 15.6.3]") names the RFC and the section the entry cites.
  it.each(citing(/RFC(\d+)/))('$value cites RFC $cited, as the registry does', ({ value, cited }) => {
    const spec = getEntry(String(value))?.spec;
    expect(spec?.url).toContain(`rfc${cited}`);
    expect(spec?.title.replace(/\s/g, '')).toContain(`RFC${cited}`);
  });

  it.each(citing(/Section ([\d.]+)/))('$value links section $cited, as the registry does', ({ value, cited }) => {
    expect(getEntry(String(value))?.spec.url).toContain(`section-${cited}`);
  });

  it('lists the registry meaning first when a number has several', () => {
    for (const { value } of registry) expect(getCode(value)[0]?.id).toBe(String(value));
  });
});

describe("coverage of Node's http.STATUS_CODES", () => {
  it.each(Object.entries(STATUS_CODES))('%s %s is known', (code) => {
    expect(getCode(code).length).toBeGreaterThan(0);
  });
});

describe('vendor and unofficial codes people meet', () => {
  const required = [
    '444-nginx', '494-nginx', '495-nginx', '496-nginx', '497-nginx', '499-nginx', '009-nginx',
    '520-cloudflare', '521-cloudflare', '522-cloudflare', '523-cloudflare', '524-cloudflare', '525-cloudflare', '526-cloudflare', '527-cloudflare', '530-cloudflare',
    '460-aws-elb', '463-aws-elb', '464-aws-elb', '561-aws-elb', '000-aws-elb',
    '440-iis', '449-iis', '451-iis', '500.0-iis', '500.19-iis', '500.30-iis-ancm', '502.3-iis-arr', '502.5-iis-arr', '502.5-iis-ancm', '503.2-iis', '403.14-iis', '404.3-iis',
    '218-apache', '419-laravel', '420-twitter', '420-spring', '430-shopify', '498-arcgis', '499-arcgis', '509-apache', '529-qualys', '521-zoraxy', '530-pantheon', '598-unofficial', '599-unofficial',
  ];
  it.each(required)('%s exists', (id) => expect(getEntry(id)).toBeDefined());

  it('keeps every meaning of a colliding number', () => {
    expect(getCode('499').map((e) => e.id)).toEqual(expect.arrayContaining(['499-nginx', '499-arcgis']));
    expect(getCode('530').map((e) => e.id)).toEqual(expect.arrayContaining(['530-cloudflare', '530-pantheon']));
    expect(getCode('521').map((e) => e.id)).toEqual(expect.arrayContaining(['521-cloudflare', '521-zoraxy']));
    expect(getCode('451').map((e) => e.id)).toEqual(['451', '451-iis']);
    expect(getCode('502.5').map((e) => e.context).toSorted()).toEqual(['ancm', 'arr']);
  });
});

describe('both locales are complete', () => {
  const textFields = ['title', 'summary', 'description', 'whenYouSeeIt', 'whoFailed', 'retry'] as const;
  it.each(listCodes().map((e) => [e.id, e] as const))('%s has every text in en and id', (_id, entry) => {
    for (const locale of LOCALES) {
      const t = entry.text[locale];
      for (const field of textFields) expect(t[field].trim(), `${locale}.${field}`).not.toBe('');
      expect(t.causes.length).toBeGreaterThan(0);
      expect(t.whereToLook.length).toBeGreaterThan(0);
      expect(t.fix.operator.length + t.fix.client.length).toBeGreaterThan(1);
      expect(Object.keys(t.related).toSorted()).toEqual([...entry.related].toSorted());
    }
    // No silent English fallback: the Indonesian prose is not a copy of the English.
    expect(entry.text.id.summary).not.toBe(entry.text.en.summary);
    expect(entry.text.id.description).not.toBe(entry.text.en.description);
  });
});
