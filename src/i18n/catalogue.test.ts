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

describe('interface-string catalogues', () => {
  it('have the same keys, kinds and template arities in English and Indonesian', () => {
    expect(shape(messages('id')).toSorted()).toEqual(shape(messages('en')).toSorted());
  });

  it('have no empty string and no empty list', () => {
    expect([...empty(messages('en'), 'en'), ...empty(messages('id'), 'id')]).toEqual([]);
  });

  it('notices a missing key (the check can fail)', () => {
    const { didYouMean: _dropped, ...rest } = messages('id');
    expect(shape(rest).toSorted()).not.toEqual(shape(messages('en')).toSorted());
  });
});
