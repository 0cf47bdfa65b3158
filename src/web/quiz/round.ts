/**
 * A round of ROUND_LENGTH questions, kept stateless: the question seed, its position and the score so far
 * travel in the URL and in hidden form fields; the answer is checked by regenerating the question from its seed.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { HttpwhyError } from '../../errors.ts';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import { makeQuestion, MAX_SEED, nextSeed, type Question } from './generate.ts';
import { judge } from './present.ts';
import type { QuizFeedback } from './presented.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';

export const ROUND_LENGTH = 5;

export interface RoundState {
  seed: number;
  /** Position of the question in the round, 1..ROUND_LENGTH. */
  n: number;
  /** Right answers before this question. */
  score: number;
}

const seed = z.string().regex(/^\d{1,10}$/, 'expected a whole number').transform(Number).refine((v) => v <= MAX_SEED, 'too large');
const position = z.string().regex(new RegExp(`^[1-${ROUND_LENGTH}]$`), `expected 1 to ${ROUND_LENGTH}`).transform(Number);
const score = z.string().regex(/^\d$/, 'expected a small whole number').transform(Number);
const scoreBelowPosition = { message: 'score must be lower than the question number', path: ['score'] };

const startQuery = z
  .object({ q: seed.optional(), n: position.optional(), score: score.optional() })
  .strict()
  .refine((s) => (s.score ?? 0) < (s.n ?? 1), scoreBelowPosition);
const answerFields = { q: seed, n: position, score, answer: z.string().min(1).max(100) };
const answerForm = z.object(answerFields).strict().refine((s) => s.score < s.n, scoreBelowPosition);
const answerJson = z.object({ ...answerFields, lang: z.enum(LOCALES) }).strict().refine((s) => s.score < s.n, scoreBelowPosition);

/** Parses user input with a schema; failures become HW_ERR_INPUT_INVALID, which the site renders as a 400. */
function validate<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
  throw new HttpwhyError('HW_ERR_INPUT_INVALID', `Invalid ${what}: ${issues.join('; ')}.`, { issues });
}

/** `q=…&n=…&score=…` for a question of a round (just `q=…` for the first). */
export function roundQuery(state: RoundState): string {
  return state.n === 1 ? `q=${state.seed}` : `q=${state.seed}&n=${state.n}&score=${state.score}`;
}

export function quizUrl(locale: Locale, state: RoundState): string {
  return `${localePath(locale, '/quiz')}?${roundQuery(state)}`;
}

/** The round state a GET /quiz asks for; without `q`, a fresh random question (`random` is then true). */
export function startRound(query: unknown, newSeed: () => number = () => randomInt(0, MAX_SEED + 1)): { state: RoundState; random: boolean } {
  const { q, n = 1, score: s = 0 } = validate(startQuery, query, 'quiz query');
  return { state: { seed: q ?? newSeed(), n, score: s }, random: q === undefined };
}

export interface AnswerInput extends RoundState {
  answer: string;
}

export const parseAnswerForm = (body: unknown): AnswerInput => {
  const { q, n, score: s, answer } = validate(answerForm, body, 'quiz answer');
  return { seed: q, n, score: s, answer };
};

export const parseAnswerJson = (body: unknown): AnswerInput & { lang: Locale } => {
  const { q, n, score: s, answer, lang } = validate(answerJson, body, 'quiz answer');
  return { seed: q, n, score: s, answer, lang };
};

/** Checks an answer and says where the round goes next: the following question, or a new round after the last. */
export function answerQuiz(ctx: PageContext, input: AnswerInput): { question: Question; feedback: QuizFeedback } {
  const question = makeQuestion(input.seed);
  if (!question.options.includes(input.answer)) {
    throw new HttpwhyError('HW_ERR_INPUT_INVALID', `"${input.answer}" is not one of the answers to this question.`);
  }
  const { m, locale } = ctx;
  const verdict = judge(ctx, question, input.answer);
  const total = input.score + (verdict.correct ? 1 : 0);
  const following = nextSeed(input.seed);
  const last = input.n >= ROUND_LENGTH;
  return {
    question,
    feedback: {
      ...verdict,
      progress: last ? m.web.quiz.roundOver(total, ROUND_LENGTH) : m.web.quiz.scoreSoFar(total, input.n),
      next: last
        ? { href: quizUrl(locale, { seed: following, n: 1, score: 0 }), text: m.web.quiz.newRound }
        : { href: quizUrl(locale, { seed: following, n: input.n + 1, score: total }), text: m.web.quiz.next },
    },
  };
}
