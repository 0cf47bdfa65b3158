// The quiz without page loads: posts the answer to the JSON endpoint and shows the same feedback the
// answer page shows (src/web/pages/quiz.tsx renders it on the server). Any failure falls back to the plain form post.
import type { QuizFeedback } from '../../quiz/presented.ts';

type Child = Node | string;

function el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function renderFeedback(f: QuizFeedback): HTMLElement {
  const link = (l: QuizFeedback['more'], attrs: Record<string, string> = {}) => el('a', { ...attrs, href: l.href }, l.text);
  return el(
    'section',
    { class: 'feedback', 'aria-labelledby': 'verdict' },
    el('h2', { id: 'verdict', class: f.correct ? 'right' : 'wrong', tabindex: '-1' }, f.verdict),
    el('dl', { class: 'facts' }, ...f.explanation.flatMap(({ label, text }) => [el('dt', {}, label), el('dd', {}, text)])),
    el('p', {}, link(f.more)),
    el('p', { class: 'quiz-score' }, f.progress),
    el('p', {}, link(f.next, { class: 'next' })),
  );
}

function showAnswer(form: HTMLFormElement, output: HTMLElement, f: QuizFeedback): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="answer"]')) {
    const item = input.closest('li');
    if (input.value === f.answer) item?.classList.add('right');
    else if (input.value === f.chosen) item?.classList.add('wrong');
  }
  form.querySelector('fieldset')?.setAttribute('disabled', '');
  form.querySelector('button[type="submit"]')?.remove();
  output.replaceChildren(renderFeedback(f));
  output.querySelector<HTMLElement>('#verdict')?.focus();
}

export function enhanceQuiz(): void {
  const form = document.querySelector<HTMLFormElement>('form.quiz-form[data-api]');
  const output = document.getElementById('quiz-feedback');
  if (!form || !output) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
    body.append('lang', document.documentElement.lang);
    fetch(form.dataset.api ?? '', { method: 'POST', body, headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<QuizFeedback>) : Promise.reject(new Error(String(response.status)))))
      .then((feedback) => showAnswer(form, output, feedback))
      .catch(() => form.submit());
  });
}
