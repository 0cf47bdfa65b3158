/** A "who failed?" question in the reader's language: the captured response and log lines, then the explanation. */
import { GUARDED_SCENARIOS } from '../../lab/index.ts';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import { verdictText } from '../pages/lab-compare.tsx';
import type { LabQuestion } from './generate.ts';
import { findCapture, labCaptures, type LabCapture, type WhoFailedChoice } from './lab-questions.ts';
import type { PresentedQuestion, QuizFeedback } from './presented.ts';

const captureOf = (question: LabQuestion, captures: readonly LabCapture[]) => findCapture(captures, question.capture.scenario, question.capture.gateway);

export const whoFailedLabel = (ctx: PageContext, value: string): string => ctx.m.lab.gateways.quiz.option[value as WhoFailedChoice] ?? value;

export function presentLabQuestion(ctx: PageContext, question: LabQuestion, captures: readonly LabCapture[] = labCaptures()): PresentedQuestion {
  const g = ctx.m.lab.gateways;
  const { gateway, outcome } = captureOf(question, captures);
  const name = g.name[gateway];
  const lines = [...outcome.access, ...outcome.error];
  return {
    prompt: g.quiz.prompt(name),
    exhibit: {
      kind: 'capture',
      label: g.quiz.clientGot,
      text: outcome.response,
      logLabel: g.quiz.logged(name),
      log: lines.length > 0 ? lines.join('\n') : g.quiz.nothingLogged,
    },
    options: question.options.map((value) => ({ value, label: whoFailedLabel(ctx, value) })),
  };
}

/** What happened, what the gateway's log says, whether the app logged, what the diagnosis says, and where the capture comes from. */
export function judgeLab(ctx: PageContext, question: LabQuestion, chosen: string, captures: readonly LabCapture[] = labCaptures()): Omit<QuizFeedback, 'progress' | 'next'> {
  const g = ctx.m.lab.gateways;
  const { scenario, gateway, outcome, version, capturedAt } = captureOf(question, captures);
  const name = g.name[gateway];
  const t = g.scenario[scenario];
  const correct = chosen === question.answer;
  const passedThrough = (GUARDED_SCENARIOS as readonly string[]).includes(scenario) && outcome.failing === null;
  return {
    correct,
    chosen,
    answer: question.answer,
    verdict: correct ? ctx.m.web.quiz.right : ctx.m.web.quiz.wrong(whoFailedLabel(ctx, question.answer)),
    explanation: [
      { label: g.quiz.happened, text: `${t.title}: ${t.what}${passedThrough ? ` ${g.noLimit}` : ''}` },
      { label: g.quiz.logged(name), text: outcome.signature },
      { label: g.quiz.appLog, text: outcome.app[0] ?? g.quiz.appSilent },
      { label: g.quiz.diagnosis, text: verdictText(ctx, outcome.diagnosis) },
      { label: g.column.gateway, text: g.quiz.source(name, version, capturedAt) },
    ],
    more: { href: `${localePath(ctx.locale, '/lab/compare-gateways')}#${scenario}`, text: g.quiz.more },
  };
}
