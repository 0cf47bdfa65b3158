import { describe, expect, it } from 'vitest';
import { prefersIndonesian } from './accept-language.ts';

describe('prefersIndonesian', () => {
  it.each([
    ['id-ID,id;q=0.9,en-US;q=0.8', true],
    ['id', true],
    ['en-US,en;q=0.9,id;q=0.8', false],
    ['en;q=0.5,id;q=0.8', true],
    ['fr-FR,fr;q=0.9,id;q=0.7,en;q=0.6', true],
    ['fr-FR,de', false],
    ['id;q=0', false],
    ['', false],
    [undefined, false],
    ['*', false],
  ])('%j -> %s', (header, expected) => expect(prefersIndonesian(header)).toBe(expected));
});
