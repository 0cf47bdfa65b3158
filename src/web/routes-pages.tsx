/** The handlers of the site's pages, one per locale each: "/codes/502" and "/id/codes/502". */
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { VNode } from 'preact';
import { getCode, parseStatus, resolveEntry, search } from '../codes/index.ts';
import { canonicalPair, compare } from '../compare/index.ts';
import { HttpwhyError } from '../errors.ts';
import { prefersIndonesian } from './accept-language.ts';
import { openApiDocument } from './api/openapi.ts';
import { categoryCodes, isCategorySlug } from './categories.ts';
import { CACHE } from './http-cache.ts';
import { localePath, splitLocale } from './locale-path.ts';
import { pageContext, requestContext, type PageContext } from './page-context.ts';
import { ApiDocsPage } from './pages/api-docs.tsx';
import { CodePage } from './pages/code.tsx';
import { ComparePage, ComparePicker } from './pages/compare.tsx';
import { HomePage } from './pages/home.tsx';
import { LabPage } from './pages/lab.tsx';
import { CategoryPage, CheatSheetPage, CodesIndexPage, SearchPage } from './pages/lists.tsx';
import { QuizPage } from './pages/quiz.tsx';
import { makeQuestion } from './quiz/generate.ts';
import { presentQuestion } from './quiz/present.ts';
import { answerQuiz, parseAnswerForm, roundQuery, startRound } from './quiz/round.ts';
import { renderDocument, sendPage } from './render.tsx';
import type { RouteEnv } from './route.ts';
import type { Locale } from '../i18n/index.ts';

type Query = Record<string, string | string[] | undefined>;
type Params = Record<string, string>;
type PageRender = (ctx: PageContext, request: FastifyRequest, reply: FastifyReply) => VNode | FastifyReply;
type PageHandler = (env: RouteEnv, locale: Locale) => RouteHandlerMethod;
const paramsOf = (r: FastifyRequest) => r.params as Params;
const queryOf = (r: FastifyRequest) => r.query as Query;

const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();

/** Throws the 404 that the not-found handler renders with suggestions. */
function notFound(what: string): never {
  throw new HttpwhyError('HW_ERR_WEB_NOT_FOUND', `No page for ${what}.`);
}

function isReply(value: VNode | FastifyReply): value is FastifyReply {
  return typeof (value as FastifyReply).send === 'function';
}

/**
 * A GET page in one locale, rendered by `render` (which may also redirect). `urlOnly`: its HTML depends only on
 * its URL when that has no query string, so it is rendered once and kept (page-cache.ts).
 */
function page(render: PageRender, urlOnly = false): PageHandler {
  return ({ site, pageCache }, locale) =>
    async (request, reply) => {
      const cached = urlOnly ? pageCache.send(request.url, reply) : undefined;
      if (cached) return cached;
      const { path } = splitLocale(request.url);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const result = render(pageContext(locale, path, site.siteUrl, site, query), request, reply);
      if (isReply(result)) return result;
      return urlOnly ? pageCache.keepAndSend(request.url, renderDocument(result), reply) : sendPage(reply, result);
    };
}

export const home = page((ctx, request, reply) => {
  // Accept-Language decides only here, on the bare home page; deep links always keep their language.
  reply.header('vary', 'Accept-Language');
  if (ctx.locale === 'en' && prefersIndonesian(request.headers['accept-language'])) return reply.redirect(localePath('id', '/'), 302);
  return <HomePage ctx={ctx} />;
});

export const codesIndex = page((ctx) => <CodesIndexPage ctx={ctx} />, true);

export const codeDetail = page((ctx, request) => {
  const { code = '' } = paramsOf(request);
  let entries;
  try {
    entries = getCode(parseStatus(code));
  } catch {
    notFound(code);
  }
  if (entries.length === 0) notFound(code);
  return <CodePage ctx={ctx} entries={entries} />;
}, true);

export const comparePicker = page((ctx, request, reply) => {
  const [a, b] = [text(queryOf(request).a), text(queryOf(request).b)];
  if (a === '' && b === '') return <ComparePicker ctx={ctx} />;
  // Resolve both sides, then send the reader to the one canonical URL of the pair.
  const [, , pair] = canonicalPair(resolveEntry(a), resolveEntry(b));
  return reply.redirect(localePath(ctx.locale, `/compare/${pair}`), 303);
}, true);

export const comparison = page((ctx, request, reply) => {
  const { pair = '' } = paramsOf(request);
  const [a, b, extra] = pair.split('-vs-');
  if (!a || !b || extra !== undefined) notFound(pair);
  const c = compare(a, b, ctx.locale);
  if (c.id !== pair) return reply.redirect(localePath(ctx.locale, `/compare/${c.id}`), 301);
  return <ComparePage ctx={ctx} c={c} />;
}, true);

export const cheatSheet = page((ctx) => <CheatSheetPage ctx={ctx} />, true);

export const labIndex = page((ctx) => <LabPage ctx={ctx} />, true);

export const category = page((ctx, request) => {
  const { slug = '' } = paramsOf(request);
  if (!isCategorySlug(slug)) notFound(slug);
  return <CategoryPage ctx={ctx} slug={slug} entries={categoryCodes(slug)} />;
}, true);

export const searchResults = page((ctx, request) => {
  const q = text(queryOf(request).q).slice(0, 200);
  return <SearchPage ctx={ctx} query={q} hits={q === '' ? [] : search(q, { limit: 30 })} />;
});

export const quiz = page((base, request, reply) => {
  const { state, random } = startRound(request.query);
  // A random question must not be cached; a seeded one is the same page every time.
  if (random) reply.header('cache-control', CACHE.none);
  const ctx = { ...base, query: `?${roundQuery(state)}` };
  return <QuizPage ctx={ctx} state={state} question={presentQuestion(ctx, makeQuestion(state.seed))} />;
});

/** The quiz form posts here without JavaScript; the answer page repeats the question with the verdict. */
export const quizAnswer: PageHandler = ({ site }, locale) => async (request, reply) => {
  const input = parseAnswerForm(request.body);
  const ctx = pageContext(locale, '/quiz', site.siteUrl, site, `?${roundQuery(input)}`);
  const { question, feedback } = answerQuiz(ctx, input);
  return sendPage(reply.header('cache-control', CACHE.none), <QuizPage ctx={ctx} state={input} question={presentQuestion(ctx, question)} feedback={feedback} />);
};

/** /api: the API's documentation, rendered from the OpenAPI document of the route table. */
export const apiDocs: PageHandler = ({ site, routes }) => {
  const doc = openApiDocument(routes);
  return async (request, reply) => sendPage(reply, <ApiDocsPage ctx={requestContext(request, site)} doc={doc} />);
};
