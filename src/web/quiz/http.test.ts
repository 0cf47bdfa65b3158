// The quiz over HTTP, in memory: GET and POST pages, the JSON endpoint, and 400 (never 500) for bad input.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../index.ts';
import { makeQuestion } from './generate.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ maxEventLoopDelay: 0 });
});
afterAll(() => app.close());

const form = 'application/x-www-form-urlencoded';
const post = (url: string, payload: string, contentType = form) => app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
/** The value of the first option on a question page. */
const firstOption = (html: string) => /name="answer" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('GET /quiz', () => {
  it('asks a fresh question each time without a seed, and forbids caching it', async () => {
    const res = await app.inject('/quiz');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/<input type="hidden" name="q" value="\d+"\/>/);
  });

  it('asks the same question for the same seed, in both languages', async () => {
    const [a, b] = await Promise.all([app.inject('/quiz?q=99&n=2&score=1'), app.inject('/quiz?q=99&n=2&score=1')]);
    expect(a.body).toBe(b.body);
    expect(a.headers['cache-control']).not.toBe('no-store');
    expect(a.body).toContain('Question 2 of 5 · score 1');
    expect((await app.inject('/id/quiz?q=99')).body).toContain('Pertanyaan 1 dari 5 · skor 0');
  });
});

describe('POST /quiz', () => {
  it('answers with the verdict, the explanation and the next question', async () => {
    const answer = firstOption((await app.inject('/id/quiz?q=99')).body);
    const res = await post('/id/quiz', `q=99&n=1&score=0&answer=${encodeURIComponent(answer)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/<h2 id="verdict" class="(right|wrong)"/);
    expect(res.body).toMatch(/<a class="next" href="\/id\/quiz\?q=\d+&amp;n=2&amp;score=[01]">Pertanyaan berikutnya<\/a>/);
  });

  it.each([
    ['no body', ''],
    ['no answer', 'q=99&n=1&score=0'],
    ['an answer that is not an option', 'q=99&n=1&score=0&answer=teapot'],
    ['a seed that is not a number', 'q=x&n=1&score=0&answer=cdn'],
    ['a repeated field', 'q=99&q=98&n=1&score=0&answer=cdn'],
    ['a score above the position', 'q=99&n=1&score=3&answer=cdn'],
    ['an unknown field', 'q=99&n=1&score=0&answer=cdn&admin=1'],
    ['a huge body', `q=99&n=1&score=0&answer=${'x'.repeat(20_000)}`],
  ])('gives a 400 page for %s', async (_what, payload) => {
    const res = await post('/quiz', payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('gives a 400 page for a body it cannot parse', async () => {
    expect((await post('/quiz', '{"q":', 'application/json')).statusCode).toBe(400);
    expect((await post('/quiz', '<x/>', 'application/xml')).statusCode).toBe(400);
  });
});

describe('POST /api/v1/quiz/answer', () => {
  it('returns the feedback as JSON in the asked language', async () => {
    const answer = firstOption((await app.inject('/quiz?q=7')).body);
    const res = await post('/api/v1/quiz/answer', `q=7&n=5&score=4&answer=${encodeURIComponent(answer)}&lang=id`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ chosen: string; progress: string; next: { href: string; text: string } }>();
    expect(body.chosen).toBe(answer);
    expect(body.progress).toMatch(/^Putaran selesai: [45] dari 5 benar\.$/);
    expect(body.next).toMatchObject({ text: 'Mulai putaran baru' });
    expect(body.next.href).toMatch(/^\/id\/quiz\?q=\d+$/);
  });

  it('answers bad input with a 400 problem', async () => {
    const res = await post('/api/v1/quiz/answer', 'q=7&n=1&score=0&answer=cdn&lang=fr');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({ status: 400, code: 'HW_ERR_INPUT_INVALID' });
  });
});

describe('a who-failed question over HTTP', () => {
  const seed = Array.from({ length: 200 }, (_, i) => i).find((q) => makeQuestion(q).kind === 'who-failed') as number;

  it('shows the captured response and log lines, and judges the form post and the JSON answer alike', async () => {
    const page = (await app.inject(`/quiz?q=${seed}`)).body;
    expect(page).toContain('<p class="exhibit-label">What the client got</p><pre class="exhibit"><code>');
    expect(page).toContain('<pre class="exhibit exhibit-log"><code>');
    const answer = makeQuestion(seed).answer;
    const formAnswer = await post('/quiz', `q=${seed}&n=1&score=0&answer=${answer}`);
    expect(formAnswer.statusCode).toBe(200);
    expect(formAnswer.body).toContain('<h2 id="verdict" class="right"');
    expect(formAnswer.body).toMatch(/<a href="\/lab\/compare-gateways#[a-z-]+">/);
    const json = await post('/api/v1/quiz/answer', `q=${seed}&n=1&score=0&answer=${answer}&lang=en`);
    expect(json.json()).toMatchObject({ correct: true, answer, more: { href: expect.stringMatching(/^\/lab\/compare-gateways#[a-z-]+$/) } });
  });
});
