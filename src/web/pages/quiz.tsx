/** /quiz: one question of a round, as a plain form; after a POST, the same question with the verdict and explanation. */
import { Layout } from '../views/layout.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import type { PresentedQuestion, QuizFeedback } from '../quiz/presented.ts';
import { ROUND_LENGTH, type RoundState } from '../quiz/round.ts';
import { QUIZ_ANSWER_API } from '../api/paths.ts';

/** Rendered on the server here and, from the JSON endpoint's answer, by src/web/assets/client/quiz.ts. */
function Feedback({ feedback }: { feedback: QuizFeedback }) {
  return (
    <section class="feedback" aria-labelledby="verdict">
      <h2 id="verdict" class={feedback.correct ? 'right' : 'wrong'} tabIndex={-1}>{feedback.verdict}</h2>
      <dl class="facts">
        {feedback.explanation.map(({ label, text }) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{text}</dd>])}
      </dl>
      <p><a href={feedback.more.href}>{feedback.more.text}</a></p>
      <p class="quiz-score">{feedback.progress}</p>
      <p><a class="next" href={feedback.next.href}>{feedback.next.text}</a></p>
    </section>
  );
}

function Exhibit({ exhibit }: { exhibit: PresentedQuestion['exhibit'] }) {
  if (exhibit === null) return null;
  if (exhibit.kind === 'quote') return <blockquote class="symptom"><p>{exhibit.text}</p></blockquote>;
  if (exhibit.kind === 'response') return <pre class="exhibit"><code>{exhibit.text}</code></pre>;
  return (
    <>
      <p class="exhibit-label">{exhibit.label}</p>
      <pre class="exhibit"><code>{exhibit.text}</code></pre>
      <p class="exhibit-label">{exhibit.logLabel}</p>
      <pre class="exhibit exhibit-log"><code>{exhibit.log}</code></pre>
    </>
  );
}

/** right / wrong marks on the options once the question is answered. */
function markOf(value: string, feedback: QuizFeedback | undefined): string | undefined {
  if (!feedback) return undefined;
  if (value === feedback.answer) return 'right';
  return value === feedback.chosen ? 'wrong' : undefined;
}

interface QuizPageProps {
  ctx: PageContext;
  state: RoundState;
  question: PresentedQuestion;
  feedback?: QuizFeedback;
}

export function QuizPage({ ctx, state, question, feedback }: QuizPageProps) {
  const q = ctx.m.web.quiz;
  const options = (
    <fieldset disabled={feedback !== undefined}>
      <legend>{question.prompt}</legend>
      <Exhibit exhibit={question.exhibit} />
      <ul class="options">
        {question.options.map((o, i) => (
          <li key={o.value} class={markOf(o.value, feedback)}>
            <input type="radio" id={`answer-${i}`} name="answer" value={o.value} required checked={feedback?.chosen === o.value} />
            <label for={`answer-${i}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
  return (
    <Layout ctx={ctx} title={q.title} description={q.intro}>
      <div class="quiz">
        <h1>{q.title}</h1>
        <p>{q.intro}</p>
        <p class="quiz-progress">{q.progress(state.n, ROUND_LENGTH, state.score)}</p>
        {feedback ? (
          // Answered: the same question, read-only, and no form (it has nothing left to submit).
          <div class="quiz-form">{options}</div>
        ) : (
          <form class="quiz-form" method="post" action={localePath(ctx.locale, '/quiz')} data-api={QUIZ_ANSWER_API}>
            <input type="hidden" name="q" value={String(state.seed)} />
            <input type="hidden" name="n" value={String(state.n)} />
            <input type="hidden" name="score" value={String(state.score)} />
            {options}
            <button type="submit">{q.answerButton}</button>
          </form>
        )}
        <div id="quiz-feedback">{feedback ? <Feedback feedback={feedback} /> : null}</div>
      </div>
    </Layout>
  );
}
