/** HTML routes, registered once per locale: "/codes/502" and "/id/codes/502". */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { getCode, LOCALES, parseStatus, resolveEntry, search } from '../codes/index.ts';
import { canonicalPair, compare } from '../compare/index.ts';
import { HttpwhyError } from '../errors.ts';
import { prefersIndonesian } from './accept-language.ts';
import { categoryCodes, isCategorySlug } from './categories.ts';
import { CACHE } from './http-cache.ts';
import { localePath, splitLocale } from './locale-path.ts';
import { pageContext, type PageContext, type SiteOptions } from './page-context.ts';
import { createPageCache } from './page-cache.ts';
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

type Query = Record<string, string | string[] | undefined>;
type Params = Record<string, string>;
type PageHandler = (ctx: PageContext, request: FastifyRequest, reply: FastifyReply) => VNode | FastifyReply;
const paramsOf = (r: FastifyRequest) => r.params as Params;
const queryOf = (r: FastifyRequest) => r.query as Query;

const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();

/** Throws the 404 that the not-found handler renders with suggestions. */
function notFound(what: string): never {
  throw new HttpwhyError('HW_ERR_WEB_NOT_FOUND', `No page for ${what}.`);
}

const PAGES: Record<string, PageHandler> = {
  '/': (ctx, request, reply) => {
    // Accept-Language decides only here, on the bare home page; deep links always keep their language.
    reply.header('vary', 'Accept-Language');
    if (ctx.locale === 'en' && prefersIndonesian(request.headers['accept-language'])) return reply.redirect(localePath('id', '/'), 302);
    return <HomePage ctx={ctx} />;
  },
  '/codes': (ctx) => <CodesIndexPage ctx={ctx} />,
  '/codes/:code': (ctx, request) => {
    const { code = '' } = paramsOf(request);
    let entries;
    try {
      entries = getCode(parseStatus(code));
    } catch {
      notFound(code);
    }
    if (entries.length === 0) notFound(code);
    return <CodePage ctx={ctx} entries={entries} />;
  },
  '/compare': (ctx, request, reply) => {
    const [a, b] = [text(queryOf(request).a), text(queryOf(request).b)];
    if (a === '' && b === '') return <ComparePicker ctx={ctx} />;
    // Resolve both sides, then send the reader to the one canonical URL of the pair.
    const [, , pair] = canonicalPair(resolveEntry(a), resolveEntry(b));
    return reply.redirect(localePath(ctx.locale, `/compare/${pair}`), 303);
  },
  '/compare/:pair': (ctx, request, reply) => {
    const { pair = '' } = paramsOf(request);
    const [a, b, extra] = pair.split('-vs-');
    if (!a || !b || extra !== undefined) notFound(pair);
    const c = compare(a, b, ctx.locale);
    if (c.id !== pair) return reply.redirect(localePath(ctx.locale, `/compare/${c.id}`), 301);
    return <ComparePage ctx={ctx} c={c} />;
  },
  '/cheat-sheet': (ctx) => <CheatSheetPage ctx={ctx} />,
  '/lab': (ctx) => <LabPage ctx={ctx} />,
  '/categories/:slug': (ctx, request) => {
    const { slug = '' } = paramsOf(request);
    if (!isCategorySlug(slug)) notFound(slug);
    return <CategoryPage ctx={ctx} slug={slug} entries={categoryCodes(slug)} />;
  },
  '/search': (ctx, request) => {
    const q = text(queryOf(request).q).slice(0, 200);
    return <SearchPage ctx={ctx} query={q} hits={q === '' ? [] : search(q, { limit: 30 })} />;
  },
  '/quiz': (page, request, reply) => {
    const { state, random } = startRound(request.query);
    // A random question must not be cached; a seeded one is the same page every time.
    if (random) reply.header('cache-control', CACHE.none);
    const ctx = { ...page, query: `?${roundQuery(state)}` };
    return <QuizPage ctx={ctx} state={state} question={presentQuestion(ctx, makeQuestion(state.seed))} />;
  },
};

/** Pages whose HTML depends only on their URL when it has no query string; rendered once (page-cache.ts). */
const URL_ONLY_PAGES = new Set(['/codes', '/codes/:code', '/compare', '/compare/:pair', '/cheat-sheet', '/categories/:slug', '/lab']);

function isReply(value: VNode | FastifyReply): value is FastifyReply {
  return typeof (value as FastifyReply).send === 'function';
}

export function registerPages(app: FastifyInstance, site: SiteOptions): void {
  const cache = createPageCache();
  for (const locale of LOCALES) {
    for (const [pattern, handler] of Object.entries(PAGES)) {
      const url = localePath(locale, pattern);
      const cacheable = URL_ONLY_PAGES.has(pattern);
      app.get(url, async (request: FastifyRequest, reply: FastifyReply) => {
        const cached = cacheable ? cache.send(request.url, reply) : undefined;
        if (cached) return cached;
        const { path } = splitLocale(request.url);
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const ctx = pageContext(locale, path, site.siteUrl, site, query);
        const result = handler(ctx, request, reply);
        if (isReply(result)) return result;
        return cacheable ? cache.keepAndSend(request.url, renderDocument(result), reply) : sendPage(reply, result);
      });
    }
    // The quiz form posts here without JavaScript; the answer page repeats the question with the verdict.
    app.post(localePath(locale, '/quiz'), async (request, reply) => {
      const input = parseAnswerForm(request.body);
      const ctx = pageContext(locale, '/quiz', site.siteUrl, site, `?${roundQuery(input)}`);
      const { question, feedback } = answerQuiz(ctx, input);
      return sendPage(reply.header('cache-control', CACHE.none), <QuizPage ctx={ctx} state={input} question={presentQuestion(ctx, question)} feedback={feedback} />);
    });
  }
}
