/** The JSON API's handlers (/api/v1: codes with filters, one code, compare, search, diagnose, check, quiz answers) and its scope. Inputs validated with zod. */
import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import { ISSUERS, listCodes, localizeEntry, requireCode, search, STANDINGS, summarizeEntry, VENDORS } from '../../codes/index.ts';
import { compare } from '../../compare/index.ts';
import { diagnose } from '../../diagnose/index.ts';
import { HttpwhyError } from '../../errors.ts';
import { checkUrl } from '../../check/index.ts';
import { CACHE } from '../http-cache.ts';
import { pageContext } from '../page-context.ts';
import { answerQuiz, parseAnswerJson } from '../quiz/round.ts';
import { limitScope } from '../rate-limits.ts';
import type { RouteEnv } from '../route.ts';
import { parseLocale } from '../../i18n/index.ts';

/** Pasted responses and HAR files can be large; everything else keeps the server's small default. */
export const DIAGNOSE_BODY_LIMIT = 2 * 1024 * 1024;

const lang = z.string().max(20).optional();
const listQuery = z.object({
  class: z.enum(['1xx', '2xx', '3xx', '4xx', '5xx', 'other']).optional(),
  vendor: z.enum([...VENDORS, 'none']).optional(),
  standing: z.enum(STANDINGS).optional(),
  issuer: z.enum(ISSUERS).optional(),
  lang,
}).strict();
const langQuery = z.object({ lang }).strict();
const searchQuery = z.object({ q: z.string().max(200), lang, limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();
const checkBody = z.object({ url: z.string().trim().min(1).max(2000) }).strict();
const compareQuery = z.object({ a: z.string().max(32), b: z.string().max(32), lang }).strict();

/** The API takes the input as text (text/plain) or as JSON: a HAR, a {status, headers, body} object, or {input: "..."}. */
function apiInput(request: FastifyRequest): string | object {
  const body = request.body;
  if (typeof body === 'string' && body.trim() !== '') return body;
  if (body !== null && typeof body === 'object') {
    const wrapped = (body as { input?: unknown }).input;
    return typeof wrapped === 'string' ? wrapped : body;
  }
  throw new HttpwhyError('HW_ERR_INPUT_INVALID', 'Send the response to diagnose as the request body (text/plain or application/json).');
}

/** Parses a query string with a schema; failures become HW_ERR_INPUT_INVALID (400 problem+json). */
function parseQuery<T>(schema: z.ZodType<T>, request: FastifyRequest): T {
  const result = schema.safeParse(request.query);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
  throw new HttpwhyError('HW_ERR_INPUT_INVALID', `Invalid query: ${issues.join('; ')}.`, { issues });
}

/** What the API's routes share: the per-client rate limit, CORS on every answer, caching of successful GETs, text/plain bodies. */
export async function apiScope(api: FastifyInstance, rateLimitPerMinute: number): Promise<void> {
  await limitScope(api, rateLimitPerMinute);
  api.addHook('onSend', async (request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    if (reply.statusCode < 400 && request.method === 'GET') reply.header('cache-control', CACHE.api);
    return payload;
  });
  api.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

export const codeList = (): RouteHandlerMethod => async (request) => {
  const { lang: l, vendor, ...filter } = parseQuery(listQuery, request);
  const locale = parseLocale(l);
  const codes = listCodes({ ...filter, ...(vendor ? { vendor } : {}) }).map((e) => summarizeEntry(e, locale));
  return { locale, count: codes.length, codes };
};

export const codeMeanings = (): RouteHandlerMethod => async (request) => {
  const locale = parseLocale(parseQuery(langQuery, request).lang);
  const entries = requireCode((request.params as { code: string }).code);
  return { status: entries[0]?.status, locale, meanings: entries.map((e) => localizeEntry(e, locale)) };
};

export const comparison = (): RouteHandlerMethod => async (request) => {
  const { a, b, lang: l } = parseQuery(compareQuery, request);
  const locale = parseLocale(l);
  const c = compare(a, b, locale);
  return { ...c, a: localizeEntry(c.a, locale), b: localizeEntry(c.b, locale) };
};

export const diagnosis = (): RouteHandlerMethod => async (request, reply) => {
  const locale = parseLocale(parseQuery(langQuery, request).lang);
  reply.header('cache-control', 'no-store');
  return diagnose(apiInput(request), { locale });
};

/** Always SSRF-safe: the API never checks private addresses or unusual ports. */
export const urlCheck = (): RouteHandlerMethod => async (request, reply) => {
  const locale = parseLocale(parseQuery(langQuery, request).lang);
  const body = checkBody.safeParse(request.body);
  if (!body.success) throw new HttpwhyError('HW_ERR_INPUT_INVALID', 'Send {"url": "https://..."} as the JSON body.');
  reply.header('cache-control', 'no-store');
  return checkUrl(body.data.url, { locale });
};

/** The quiz's client script posts answers here and shows the feedback without a page load. */
export const quizAnswer = ({ site }: RouteEnv): RouteHandlerMethod => async (request, reply) => {
  const { lang: locale, ...input } = parseAnswerJson(request.body);
  const { feedback } = answerQuiz(pageContext(locale, '/quiz', site.siteUrl, site), input);
  reply.header('cache-control', 'no-store');
  return feedback;
};

export const searchHits = (): RouteHandlerMethod => async (request) => {
  const { q, lang: l, limit } = parseQuery(searchQuery, request);
  const locale = parseLocale(l);
  const hits = search(q, { limit });
  return { query: q, locale, hits: hits.map((h) => ({ ...summarizeEntry(h.entry, locale), score: Math.round(h.score * 100) / 100, exact: h.exact })) };
};
