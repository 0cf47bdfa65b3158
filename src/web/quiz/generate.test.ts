import { describe, expect, it } from 'vitest';
import { getEntry, ISSUERS, listCodes } from '../../codes/index.ts';
import { makeQuestion, nextSeed, randomFrom, type CodeQuestion, type Question } from './generate.ts';

const SEEDS = Array.from({ length: 400 }, (_, i) => i * 7919);
const QUESTIONS = SEEDS.map((s) => makeQuestion(s));
const isCodeQuestion = (q: Question): q is CodeQuestion => q.kind !== 'who-failed';
const ofKind = (kind: CodeQuestion['kind']) => QUESTIONS.filter(isCodeQuestion).filter((q) => q.kind === kind);
/** A question with its entry reduced to the id, for comparing two of them. */
const plain = (q: Question) => (isCodeQuestion(q) ? { ...q, entry: q.entry.id } : q);
/** The seeds of a round: a start and four successors. */
const chain = (start: number) => [1, 2, 3, 4].reduce((seeds) => [...seeds, nextSeed(seeds.at(-1) as number)], [start]);

describe('makeQuestion', () => {
  it('is deterministic per seed', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      expect(plain(makeQuestion(seed))).toEqual(plain(makeQuestion(seed)));
    }
  });

  it('asks all four kinds', () => {
    expect(new Set(QUESTIONS.map((q) => q.kind))).toEqual(new Set(['symptom', 'response', 'retry', 'who-failed']));
  });

  it('offers four different options, exactly one of them the answer', () => {
    for (const q of QUESTIONS) {
      expect(q.options).toHaveLength(4);
      expect(new Set(q.options).size).toBe(4);
      expect(q.options.filter((o) => o === q.answer)).toHaveLength(1);
    }
  });

  it('symptom: the answer is the entry, the distractors are other statuses', () => {
    for (const q of ofKind('symptom')) {
      expect(q.answer).toBe(q.entry.id);
      const statuses = q.options.map((id) => getEntry(id)?.status);
      expect(statuses.every((s) => s !== undefined)).toBe(true);
      expect(new Set(statuses).size).toBe(4);
    }
  });

  it('response: the answer is the first issuer, and no other issuer of the code is offered as wrong', () => {
    for (const q of ofKind('response')) {
      expect(q.entry.example.response.startsWith('HTTP/')).toBe(true);
      expect(q.answer).toBe(q.entry.issuedBy[0]);
      for (const o of q.options) expect(ISSUERS).toContain(o);
      expect(q.options.filter((o) => q.entry.issuedBy.includes(o as never))).toEqual([q.answer]);
    }
  });

  it('retry: the answer is the retryable flag, among the three flag values and blind retrying', () => {
    for (const q of ofKind('retry')) {
      expect(q.answer).toBe(q.entry.flags.retryable);
      expect(q.options.toSorted()).toEqual(['always', 'blindly', 'conditional', 'never']);
    }
  });

  it('takes symptom distractors from the same class when it has enough codes', () => {
    const codes = listCodes();
    const q = SEEDS.map((s) => makeQuestion(s, codes))
      .filter(isCodeQuestion)
      .find((x) => x.kind === 'symptom' && x.entry.class === '4xx');
    expect(q).toBeDefined();
    for (const id of q?.options ?? []) expect(getEntry(id)?.class).toBe('4xx');
  });
});

describe('seeds', () => {
  it('draws numbers in [0, 1)', () => {
    const random = randomFrom(123);
    for (let i = 0; i < 1000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('chains a round of different seeds, the same every time', () => {
    expect(chain(1)).toEqual(chain(1));
    expect(new Set(chain(1)).size).toBe(5);
    for (const s of chain(0xffffffff)) expect(s).toBeLessThanOrEqual(0xffffffff);
  });
});
