/**
 * Every fingerprint of data/fingerprints, in both its forms, against bodies built to make regular expressions
 * backtrack: repeated numbers and words, one long word, long runs of blanks, unclosed tags, 64 KB each (what the engine matches of a
 * body at most). A pattern that scans the rest of the body from every position makes the API hang; this fails first.
 */
import { describe, expect, it } from 'vitest';
import { loadFingerprints } from './load-fingerprints.ts';
import { matchFingerprint } from './match-fingerprint.ts';
import type { Observation, ResponseForm } from './types.ts';

const SIZE = 64 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const BODIES = [fill('404 '), fill('502 Bad Gateway '), fill(' '), fill('a '), fill('a'), fill('A'), fill('<center><h1>404 x'), fill('"message": "'), fill('Error 5'), fill('\n')];
const BUDGET_MS = 1000;

const observe = (body: string, form: ResponseForm): Observation => ({
  label: 'response',
  response: { httpVersion: null, status: 502, reason: '', headers: [], body, truncated: false, form, bodyNote: null },
  failure: null,
  hops: [],
});

describe('fingerprints on hostile bodies', () => {
  it.each(['message', 'page-text'] as const)('each matches a 64 KB hostile body in its %s form within the budget', (form) => {
    const slow: string[] = [];
    for (const compiled of loadFingerprints()) {
      for (const body of BODIES) {
        const started = performance.now();
        matchFingerprint(compiled, observe(body, form));
        const took = performance.now() - started;
        if (took > BUDGET_MS) slow.push(`${compiled.fingerprint.id} on ${JSON.stringify(body.slice(0, 20))}…: ${Math.round(took)} ms`);
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
