import { describe, expect, it } from 'vitest';
import { isCacheableByDefault, isClientVisible, isEmptyBody, isInterim, isMethodPreserving, isRedirect, isRetryable, listCodes } from './index.ts';

// Oracles written from the specs, not from the data: RFC 9110 §15.1 plus RFC 7725 for 451.
const CACHEABLE = ['200', '203', '204', '206', '300', '301', '308', '404', '405', '410', '414', '451', '501'];

describe('flags', () => {
  it('marks exactly the heuristically cacheable registry codes', () => {
    const cacheable = listCodes({ vendor: 'none' }).filter((e) => isCacheableByDefault(e.id)).map((e) => e.id);
    expect(cacheable.toSorted()).toEqual([...CACHEABLE].toSorted());
    expect(listCodes().filter((e) => e.vendor !== null && e.flags.cacheableByDefault)).toEqual([]);
  });

  it('knows what may be retried', () => {
    for (const code of [429, 502, 503, 504, '520-cloudflare', '522-cloudflare', '524-cloudflare']) expect(isRetryable(code), String(code)).toBe(true);
    for (const code of [400, 401, 403, 404, 405, 410, 422]) expect(isRetryable(code), String(code)).toBe(false);
  });

  it('knows bodies, interim responses and redirects', () => {
    for (const code of [100, 101, 103, 204, 304]) expect(isEmptyBody(code), String(code)).toBe(true);
    expect(isEmptyBody(200)).toBe(false);
    expect(listCodes({ class: '1xx' }).map((e) => [e.id, isInterim(e.id)])).toEqual([
      ['100', true],
      ['101', true],
      ['102', true],
      ['103', true],
      ['104', true],
    ]);
    expect(isInterim(200)).toBe(false);
    for (const code of [301, 302, 303, 307, 308]) expect(isRedirect(code)).toBe(true);
    expect(isRedirect(304)).toBe(false);
    expect([307, 308].map(isMethodPreserving)).toEqual([true, true]);
    expect([301, 302, 303].map(isMethodPreserving)).toEqual([false, false, false]);
  });

  it('knows which numbers only live in logs', () => {
    for (const id of ['444-nginx', '499-nginx', '009-nginx', '460-aws-elb', '000-aws-elb']) expect(isClientVisible(id), id).toBe(false);
    expect(isClientVisible(502)).toBe(true);
  });
});
