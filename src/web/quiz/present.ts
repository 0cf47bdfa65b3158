/** A quiz question and the feedback on an answer, in the reader's language. */
import { getEntry, type CodeEntry, type Issuer } from '../../codes/index.ts';
import type { PageContext } from '../page-context.ts';
import { codeHref } from '../views/code-list.tsx';
import type { CodeQuestion, Question, RetryChoice } from './generate.ts';
import { judgeLab, presentLabQuestion } from './present-lab.ts';
import type { PresentedQuestion, QuizFeedback } from './presented.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The description with the code's number and names blanked out, so it does not give the answer away. */
export function maskGiveaways(text: string, words: readonly string[]): string {
  return words
    .filter((w) => w.trim() !== '')
    .reduce((out, w) => out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'giu'), '…'), text);
}

/** Headers that every response has and that tell nothing about who sent it. */
const BORING_HEADER = /^(date|content-length|transfer-encoding|connection):/i;
const BODY_LINES = 8;

/** The telling part of an example response: status line, branding headers, the start of the body. */
export function responseExhibit(raw: string): string {
  const [head = '', ...rest] = raw.split('\n\n');
  const headLines = head.split('\n').filter((line, i) => i === 0 || !BORING_HEADER.test(line));
  const body = rest.join('\n\n').split('\n').filter((line) => line.trim() !== '').slice(0, BODY_LINES);
  return [...headLines, ...(body.length > 0 ? ['', ...body] : [])].join('\n');
}

const entryName = (ctx: PageContext, e: CodeEntry) => `${e.status} ${e.text[ctx.locale].title}${e.vendor ? ` (${e.vendor})` : ''}`;

/** The label a reader sees for an option value of this question. */
function optionLabel(ctx: PageContext, question: CodeQuestion, value: string): string {
  const { m } = ctx;
  if (question.kind === 'symptom') {
    const e = getEntry(value);
    return e ? entryName(ctx, e) : value;
  }
  if (question.kind === 'response') return m.issuer[value as Issuer];
  return value === 'blindly' ? m.web.quiz.retryBlindly : m.retryable[value as Exclude<RetryChoice, 'blindly'>];
}

export function presentQuestion(ctx: PageContext, question: Question): PresentedQuestion {
  if (question.kind === 'who-failed') return presentLabQuestion(ctx, question);
  const { m, locale } = ctx;
  const { entry } = question;
  const t = entry.text[locale];
  const options = question.options.map((value) => ({ value, label: optionLabel(ctx, question, value) }));
  switch (question.kind) {
    case 'symptom':
      return { prompt: m.web.quiz.symptomPrompt, exhibit: { kind: 'quote', text: maskGiveaways(t.summary, [entry.status, entry.reason, t.title]) }, options };
    case 'response':
      return { prompt: m.web.quiz.responsePrompt, exhibit: { kind: 'response', text: responseExhibit(entry.example.response) }, options };
    case 'retry':
      return { prompt: m.web.quiz.retryPrompt(`${entry.status} ${t.title}`), exhibit: null, options };
  }
}

/** Verdict, explanation and a link to the code's page; the round decides `progress` and `next`. */
export function judge(ctx: PageContext, question: Question, chosen: string): Omit<QuizFeedback, 'progress' | 'next'> {
  if (question.kind === 'who-failed') return judgeLab(ctx, question, chosen);
  const { m, locale } = ctx;
  const { entry, answer } = question;
  const t = entry.text[locale];
  const correct = chosen === answer;
  const explanation = {
    symptom: [
      { label: entryName(ctx, entry), text: t.summary },
      { label: m.section.whenYouSeeIt, text: t.whenYouSeeIt },
    ],
    response: [
      { label: m.aspect.whoFailed, text: t.whoFailed },
      { label: m.aspect.issuedBy, text: entry.issuedBy.map((i) => m.issuer[i]).join(', ') },
    ],
    retry: [{ label: m.aspect.retryable, text: `${m.retryable[entry.flags.retryable]}: ${t.retry}` }],
  }[question.kind];
  return {
    correct,
    chosen,
    answer,
    verdict: correct ? m.web.quiz.right : m.web.quiz.wrong(optionLabel(ctx, question, answer)),
    explanation,
    more: { href: codeHref(ctx, entry), text: m.web.quiz.readMore(entryName(ctx, entry)) },
  };
}
