import { describe, expect, it } from 'vitest';
import { listCodes } from '../../codes/index.ts';
import { HEADER_VALUES, headerNamesFor, planStatus, type PlaygroundLocale } from './status-plan.ts';
import { parseLabStatus } from './status-target.ts';

const EN: PlaygroundLocale = { locale: 'en', prefix: '' };
const ID: PlaygroundLocale = { locale: 'id', prefix: '/id' };
const plan = (code: string, interimAllowed = true) => planStatus(parseLabStatus(code), 'json', EN, 'rid-1', interimAllowed);

describe('planStatus', () => {
  it('has a value for every header the knowledge base requires', () => {
    const names = [...new Set(listCodes().flatMap((e) => headerNamesFor(e)))];
    expect(names).toEqual(expect.arrayContaining(['Location', 'Retry-After', 'WWW-Authenticate']));
    expect(names.filter((name) => !(name in HEADER_VALUES))).toEqual([]);
  });

  // Hand-written from RFC 9110 §15 (and RFC 8297 for 103): the header each status needs.
  it.each([
    ['301', 301, 'location', /^\/lab\/status\/200$/],
    ['302', 302, 'location', /^\/lab\/status\/200$/],
    ['307', 307, 'location', /^\/lab\/status\/200$/],
    ['308', 308, 'location', /^\/lab\/status\/200$/],
    ['401', 401, 'www-authenticate', /^Basic realm="/],
    ['407', 407, 'proxy-authenticate', /^Basic realm="/],
    ['405', 405, 'allow', /GET/],
    ['429', 429, 'retry-after', /^\d+$/],
    ['503', 503, 'retry-after', /^\d+$/],
    ['416', 416, 'content-range', /^bytes \*\/\d+$/],
    ['426', 426, 'upgrade', /\S/],
    ['408', 408, 'connection', /^close$/],
    ['451-iis', 451, 'x-ms-location', /^\/lab\/status\/200$/],
  ])('%s is sent as %i with %s', (code, status, header, value) => {
    const p = plan(code);
    expect(p.status).toBe(status);
    const headers = Object.fromEntries(Object.entries(p.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(headers[header]).toMatch(value);
  });

  it('gives every redirect a Location, and Content-Range on 206 the exact body length', () => {
    const redirects = listCodes().filter((e) => e.flags.redirect && e.code >= 300 && e.code < 400).map((e) => e.id);
    expect(redirects).toEqual(expect.arrayContaining(['301', '302', '303', '307', '308']));
    expect(redirects.filter((id) => plan(id).headers.Location === undefined)).toEqual([]);
    const partial = plan('206');
    expect(partial.headers['Content-Range']).toBe(`bytes 0-${Buffer.byteLength(partial.body?.text ?? '') - 1}/${Buffer.byteLength(partial.body?.text ?? '')}`);
  });

  it.each(['204', '205', '304', '444', '499'])('sends no content for %s', (code) => {
    expect(plan(code).body).toBeNull();
  });

  it.each([
    ['100', 100, {}],
    ['102', 102, {}],
    ['103', 103, { Link: '</>; rel=preconnect' }],
  ])('sends %s as an interim response before a final 200', (code, interim, headers) => {
    const p = plan(code);
    expect(p.interim).toEqual({ status: interim, headers });
    expect(p.status).toBe(200);
    expect(p.headers).toEqual(headers);
    expect(JSON.parse(p.body?.text ?? '')).toMatchObject({ status: 200, interim, id: code });
  });

  it('sends no 1xx to an HTTP/1.0 client', () => {
    const p = plan('103', false);
    expect(p.interim).toBeNull();
    expect(p.status).toBe(200);
    expect(JSON.parse(p.body?.text ?? '')).not.toHaveProperty('interim');
  });

  it('names the meaning it was asked for, in the reader’s language', () => {
    const p = planStatus(parseLabStatus('499-arcgis'), 'text', ID, 'rid-2');
    expect(p.status).toBe(499);
    // data/codes/499-arcgis: reason "Token Required", and the Indonesian summary.
    expect(p.reason).toBe('Token Required');
    expect(p.body?.text).toContain('ArcGIS Server / ArcGIS Online menyatakan layanan atau folder yang diminta dilindungi token (secured)');
    expect(p.body?.text).toContain('/id/codes/499#499-arcgis');
  });

  it('answers an unassigned number in its class, and escapes every value in HTML', () => {
    const unassigned = planStatus(parseLabStatus('299'), 'json', EN, 'rid-3');
    expect(JSON.parse(unassigned.body?.text ?? '')).toMatchObject({ status: 299, id: null, explanation: null });
    const html = planStatus(parseLabStatus('418'), 'html', EN, 'rid-4').body?.text ?? '';
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<[^>]*"I'm/);
    expect(html).toContain('&#39;');
  });
});
