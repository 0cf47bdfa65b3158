import { describe, expect, it } from 'vitest';
import { HttpwhyError } from '../errors.ts';
import { getCode, listCodes, parseStatus, requireCode, resolveEntry } from './index.ts';
import { parseLocale } from '../i18n/index.ts';

function errorOf(fn: () => unknown): HttpwhyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpwhyError) return error;
    throw error;
  }
  throw new Error('expected an HttpwhyError');
}

describe('parseStatus', () => {
  it.each([['502', '502'], [502, '502'], [' 404 ', '404'], ['502.3', '502.3'], [9, '009'], ['000', '000']])('%s -> %s', (input, out) => {
    expect(parseStatus(input)).toBe(out);
  });
  it.each(['99', '1000', 'abc', '', '50x', '502.', '-502', '5.02'])('rejects %j', (input) => {
    expect(errorOf(() => parseStatus(input)).code).toBe('HW_ERR_CODES_INVALID_CODE');
  });
});

describe('requireCode', () => {
  it('explains a well-formed unknown code with its class and near codes', () => {
    const error = errorOf(() => requireCode('299'));
    expect(error.code).toBe('HW_ERR_CODES_UNKNOWN_CODE');
    expect(error.message).toContain('2xx');
    expect(error.details?.suggestions).toEqual(expect.arrayContaining(['226', '208']));
    expect((error.details?.suggestions as string[] | undefined ?? []).every((s) => s.startsWith('2'))).toBe(true);
    expect(error.exitCode).toBe(2);
  });
  it('returns every meaning with the registry one first', () => {
    expect(requireCode(530).map((e) => e.vendor)).toEqual(expect.arrayContaining(['cloudflare', 'pantheon']));
    expect(getCode('420').map((e) => e.id).toSorted()).toEqual(['420-spring', '420-twitter']);
  });
});

describe('resolveEntry', () => {
  it('takes ids and statuses', () => {
    expect(resolveEntry('499-arcgis').vendor).toBe('arcgis');
    expect(resolveEntry('499').standing).toBe('vendor');
    expect(resolveEntry('504').reason).toBe('Gateway Timeout');
  });
});

describe('listCodes', () => {
  it('filters by class, vendor, standing and issuer together', () => {
    // nginx's own codes are all 4xx but its HTTP/0.9 relay (009): the class filter keeps six.
    expect(listCodes({ class: '4xx', vendor: 'nginx' }).map((e) => e.id)).toEqual(['444-nginx', '494-nginx', '495-nginx', '496-nginx', '497-nginx', '499-nginx']);
    expect(listCodes({ class: '5xx', vendor: 'nginx' })).toEqual([]);
    const cloudflare = listCodes({ vendor: 'cloudflare' }).map((e) => e.status);
    expect(cloudflare).toEqual(expect.arrayContaining(['520', '521', '522', '523', '524', '525', '526', '527', '530']));
    expect(listCodes({ standing: 'temporary' }).map((e) => e.id)).toEqual(['104']);
    expect(listCodes({ issuer: 'cdn' }).map((e) => e.id)).toEqual(expect.arrayContaining(['520-cloudflare', '502']));
    const registryOnly = listCodes({ vendor: 'none' });
    expect(registryOnly.map((e) => e.id)).toEqual(expect.arrayContaining(['200', '502']));
    expect(registryOnly.filter((e) => e.vendor !== null)).toEqual([]);
  });
  it('lists sub-statuses under their integer code', () => {
    expect(listCodes({ code: 502 }).map((e) => e.status)).toEqual(expect.arrayContaining(['502', '502.3', '502.5']));
  });
});

describe('parseLocale', () => {
  it('accepts en, id and region tags', () => {
    expect(parseLocale('id')).toBe('id');
    expect(parseLocale('id-ID')).toBe('id');
    expect(parseLocale('EN')).toBe('en');
    expect(parseLocale(undefined)).toBe('en');
  });
  it('rejects other languages', () => {
    expect(errorOf(() => parseLocale('fr')).code).toBe('HW_ERR_CODES_UNKNOWN_LOCALE');
  });
});
