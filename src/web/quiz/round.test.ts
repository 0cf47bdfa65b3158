import { describe, expect, it } from 'vitest';
import { HttpwhyError } from '../../errors.ts';
import { pageContext } from '../page-context.ts';
import { makeQuestion, nextSeed } from './generate.ts';
import { answerQuiz, parseAnswerForm, parseAnswerJson, quizUrl, startRound } from './round.ts';

const ctx = pageContext('en', '/quiz', 'http://localhost:3000', { cssUrl: '/a.css', jsUrl: '/a.js' });

/** What `run` throws (undefined when it does not). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
const INVALID = { name: 'HttpwhyError', code: 'HW_ERR_INPUT_INVALID', status: 400 };

describe('startRound', () => {
  it('starts at question 1 with a fresh seed when none is given', () => {
    expect(startRound({}, () => 42)).toEqual({ state: { seed: 42, n: 1, score: 0 }, random: true });
  });

  it('continues a round from the query', () => {
    expect(startRound({ q: '4294967295', n: '5', score: '4' })).toEqual({ state: { seed: 4294967295, n: 5, score: 4 }, random: false });
  });

  it.each([
    [{ q: 'abc' }],
    [{ q: '4294967296' }],
    [{ q: '-1' }],
    [{ q: '1', n: '0' }],
    [{ q: '1', n: '6' }],
    [{ q: '1', n: '2', score: '2' }],
    [{ q: ['1', '2'] }],
    [{ q: '1', extra: 'x' }],
  ])('rejects %j with a 400', (query) => {
    expect(thrown(() => startRound(query))).toMatchObject(INVALID);
  });
});

describe('parsing answers', () => {
  it('reads the form fields', () => {
    expect(parseAnswerForm({ q: '9', n: '2', score: '1', answer: 'cdn' })).toEqual({ seed: 9, n: 2, score: 1, answer: 'cdn' });
    expect(parseAnswerJson({ q: '9', n: '1', score: '0', answer: 'cdn', lang: 'id' })).toEqual({ seed: 9, n: 1, score: 0, answer: 'cdn', lang: 'id' });
  });

  it.each([undefined, 'q=1', {}, { q: '9', n: '2', score: '1' }, { q: '9', n: '2', score: '1', answer: 'x'.repeat(101) }, { q: '9', n: '1', score: '1', answer: 'cdn' }])(
    'rejects a malformed form %j',
    (body) => {
      expect(thrown(() => parseAnswerForm(body))).toMatchObject(INVALID);
    },
  );

  it('needs a known language for the JSON endpoint', () => {
    expect(thrown(() => parseAnswerJson({ q: '9', n: '1', score: '0', answer: 'cdn', lang: 'fr' }))).toMatchObject(INVALID);
    expect(thrown(() => parseAnswerJson({ q: '9', n: '1', score: '0', answer: 'cdn' }))).toMatchObject(INVALID);
  });
});

describe('answerQuiz', () => {
  const seed = 77;
  const { answer, options } = makeQuestion(seed);
  const wrong = options.find((o) => o !== answer) as string;

  it('counts a right answer and links to the next question of the round', () => {
    const { feedback } = answerQuiz(ctx, { seed, n: 2, score: 1, answer });
    expect(feedback.correct).toBe(true);
    expect(feedback.progress).toBe('Score so far: 2 of 2.');
    expect(feedback.next).toEqual({ href: `/quiz?q=${nextSeed(seed)}&n=3&score=2`, text: 'Next question' });
  });

  it('does not count a wrong one', () => {
    const { feedback } = answerQuiz(ctx, { seed, n: 2, score: 1, answer: wrong });
    expect(feedback.correct).toBe(false);
    expect(feedback.next.href).toBe(`/quiz?q=${nextSeed(seed)}&n=3&score=1`);
  });

  it('ends the round after the fifth question and offers a new one', () => {
    const { feedback } = answerQuiz(ctx, { seed, n: 5, score: 3, answer });
    expect(feedback.progress).toBe('Round over: 4 of 5 right.');
    expect(feedback.next).toEqual({ href: `/quiz?q=${nextSeed(seed)}`, text: 'Start a new round' });
  });

  it('rejects an answer that is not an option, quoting it', () => {
    const error = thrown(() => answerQuiz(ctx, { seed, n: 1, score: 0, answer: '<b>nope</b>' }));
    expect(error).toMatchObject(INVALID);
    expect((error as HttpwhyError).message).toContain('"<b>nope</b>"');
  });
});

describe('quizUrl', () => {
  it('carries position and score after the first question', () => {
    expect(quizUrl('id', { seed: 5, n: 1, score: 0 })).toBe('/id/quiz?q=5');
    expect(quizUrl('en', { seed: 5, n: 3, score: 1 })).toBe('/quiz?q=5&n=3&score=1');
  });
});
