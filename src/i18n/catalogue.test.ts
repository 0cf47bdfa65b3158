import { describe, expect, it } from 'vitest';
import { messages } from './index.ts';

/** Every leaf of a catalogue as `path: kind`, arrays by index, so a missing or extra key shows by name. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [`${path}: string${value.trim() === '' ? ' (empty)' : ''}`];
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (Array.isArray(value)) return [`${path}: array`];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}: ${typeof value}`];
}

/** Paths of empty strings and empty lists. */
function empty(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [path] : [];
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => empty(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => empty(v, `${path}.${k}`));
  return [];
}


/** Every leaf as [path, text], templates called with markers for their parameters. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (...a: string[]) => unknown)(...Array.from({ length: value.length }, (_, i) => `{${i}}`)))]];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

/** What the Indonesian catalogue keeps exactly as in English, reviewed: names, and terms Indonesian engineers keep. */
const KEPT_IN_ENGLISH = [
  '(status)', '{0}: {1}', 'access log', 'API', 'API gateway', 'body', 'Body', 'Browser', 'Caddy', 'CDN', 'Cloudflare', 'Default',
  'Diagnosis', 'DNS', 'error log', 'format', 'forward proxy', 'gateway', 'Gateway', 'HAProxy', 'httpwhy', 'JSON API', 'Lab',
  'load balancer', 'Microsoft IIS', 'ms', 'nginx', 'Parameter', 'Proxy / load balancer / CDN', 'Redirect', 'Request', 'request',
  'Request id', 'request id', 'Retry-After: {0}', 'reverse proxy', 'stack trace', 'status', 'STATUS', 'TLS', 'total', 'TOTAL',
  'upstream', 'URL', 'web server',
];

describe('interface-string catalogues', () => {
  it('have the same keys, kinds and template arities in English and Indonesian', () => {
    expect(shape(messages('id')).toSorted()).toEqual(shape(messages('en')).toSorted());
  });

  it('have no empty string and no empty list', () => {
    expect([...empty(messages('en'), 'en'), ...empty(messages('id'), 'id')]).toEqual([]);
  });

  it('keep in English only the reviewed names and terms (a copied English string is an untranslated one)', () => {
    const id = new Map(texts(messages('id')));
    const same = new Set(texts(messages('en')).filter(([path, text]) => id.get(path) === text).map(([, text]) => text));
    expect([...same].toSorted()).toEqual(KEPT_IN_ENGLISH.toSorted());
  });

  it('notices a missing key (the check can fail)', () => {
    const { didYouMean: _dropped, ...rest } = messages('id');
    expect(shape(rest).toSorted()).not.toEqual(shape(messages('en')).toSorted());
  });
});
