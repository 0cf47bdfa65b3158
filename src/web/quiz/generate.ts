/**
 * Quiz questions generated from the knowledge base. Pure and deterministic: one seed, one question, so a
 * question can travel in a URL (`/quiz?q=<seed>`) and be checked again when the answer is posted.
 */
import { ISSUERS, listCodes, type CodeEntry } from '../../codes/index.ts';
import type { GatewayName, Scenario } from '../../lab/index.ts';
import { labCaptures, WHO_FAILED_CHOICES, whoFailed, type LabCapture } from './lab-questions.ts';

/** Three kinds about the knowledge base's codes, and "who failed?" about a real lab capture. */
const QUIZ_KINDS = ['symptom', 'response', 'retry', 'who-failed'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];
type CodeKind = Exclude<QuizKind, 'who-failed'>;

/** Answers to "should the client retry?": the three `flags.retryable` values, plus retrying blindly, which is never right. */
export const RETRY_CHOICES = ['never', 'always', 'conditional', 'blindly'] as const;
export type RetryChoice = (typeof RETRY_CHOICES)[number];

const OPTION_COUNT = 4;
export const MAX_SEED = 0xffffffff;

export interface CodeQuestion {
  seed: number;
  kind: CodeKind;
  /** The entry the question is about. */
  entry: CodeEntry;
  /**
   * Option values in display order: entry ids (symptom), issuers (response) or retry choices (retry).
   * Symptom distractors are entries too, so their labels can be shown.
   */
  options: readonly string[];
  /** The one correct option value. */
  answer: string;
}

export interface LabQuestion {
  seed: number;
  kind: 'who-failed';
  /** The capture shown: one scenario through one gateway. */
  capture: { scenario: Scenario; gateway: GatewayName };
  /** WHO_FAILED_CHOICES in display order. */
  options: readonly string[];
  answer: string;
}

export type Question = CodeQuestion | LabQuestion;

type Random = () => number;

/** mulberry32: a small, fast PRNG with good enough spread for picking quiz questions. */
export function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The seed of the question that follows `seed` in a round. */
export function nextSeed(seed: number): number {
  return Math.floor(randomFrom(seed ^ 0x9e3779b9)() * 2 ** 32);
}

function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('quiz: nothing to pick from');
  return items[Math.floor(random() * items.length)] as T;
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const DISTRACTORS = OPTION_COUNT - 1;

/** Entries that can be asked about, per kind. */
const POOLS: Record<CodeKind, (codes: readonly CodeEntry[]) => readonly CodeEntry[]> = {
  symptom: (codes) => codes,
  // A real response on the wire (not a log-only code), and enough issuers left over for three wrong answers.
  response: (codes) => codes.filter((e) => e.example.response.startsWith('HTTP/') && ISSUERS.length - e.issuedBy.length >= DISTRACTORS),
  retry: (codes) => codes,
};

type Builder = (entry: CodeEntry, codes: readonly CodeEntry[], random: Random) => { answer: string; distractors: string[] };

const BUILDERS: Record<CodeKind, Builder> = {
  // Other statuses, from the same class when it has enough; one meaning per status so no two options look alike.
  symptom: (entry, codes, random) => {
    const others = codes.filter((e) => e.status !== entry.status);
    const sameClass = others.filter((e) => e.class === entry.class);
    const byStatus = new Map<string, string>();
    const pool = new Set(sameClass.map((e) => e.status)).size >= DISTRACTORS ? sameClass : others;
    for (const candidate of shuffle(random, pool)) {
      if (!byStatus.has(candidate.status)) byStatus.set(candidate.status, candidate.id);
    }
    return { answer: entry.id, distractors: [...byStatus.values()].slice(0, DISTRACTORS) };
  },
  // The first issuer is the one the example shows; the other issuers of this code are never offered as wrong answers.
  response: (entry, _codes, random) => ({
    answer: entry.issuedBy[0] as string,
    distractors: shuffle(random, ISSUERS.filter((i) => !entry.issuedBy.includes(i))).slice(0, DISTRACTORS),
  }),
  retry: (entry) => ({ answer: entry.flags.retryable, distractors: RETRY_CHOICES.filter((c) => c !== entry.flags.retryable) }),
};

export function makeQuestion(seed: number, codes: readonly CodeEntry[] = listCodes(), captures: readonly LabCapture[] = labCaptures()): Question {
  const random = randomFrom(seed);
  const kind = pick(random, QUIZ_KINDS);
  if (kind === 'who-failed') {
    const { scenario, gateway, outcome } = pick(random, captures);
    return { seed, kind, capture: { scenario, gateway }, answer: whoFailed(outcome), options: shuffle(random, WHO_FAILED_CHOICES) };
  }
  const entry = pick(random, POOLS[kind](codes));
  const { answer, distractors } = BUILDERS[kind](entry, codes, random);
  return { seed, kind, entry, answer, options: shuffle(random, [answer, ...distractors]) };
}
