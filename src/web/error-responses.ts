/**
 * How the site answers when something goes wrong: problem+json under /api, an HTML page elsewhere.
 * The site practises what it explains: 404 pages suggest codes, 500 pages show the request id that is in the
 * error log line, and load shedding is a 503 with Retry-After that says so.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCode, search, type CodeEntry } from '../codes/index.ts';
import { HttpwhyError, isHttpwhyError } from '../errors.ts';
import { CACHE } from './http-cache.ts';
import { MessagePage, NotFoundPage } from './pages/errors.tsx';
import { problemOf, sendProblem } from './problem.ts';
import { requestContext, type SiteOptions } from './page-context.ts';
import { sendPage } from './render.tsx';

export const RETRY_AFTER_SECONDS = 10;

/** Errors the user caused, as catalogue errors; undefined for our own bugs. */
function asKnownError(error: unknown): HttpwhyError | undefined {
  if (isHttpwhyError(error)) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 429) return new HttpwhyError('HW_ERR_WEB_RATE_LIMITED', 'Too many requests; retry after the Retry-After delay.');
  if (status !== undefined && status >= 400 && status < 500) return new HttpwhyError('HW_ERR_INPUT_INVALID', (error as Error).message);
  return undefined;
}

/** Codes mentioned in a mistyped URL ("/codez/502" -> 502), else a search on its words. */
function suggestionsFor(path: string): CodeEntry[] {
  const direct = (path.match(/\d{3}(\.\d{1,3})?/g) ?? []).flatMap((n) => getCode(n));
  if (direct.length > 0) return direct.slice(0, 6);
  let words: string;
  try {
    words = decodeURIComponent(path);
  } catch {
    words = path;
  }
  words = words.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().slice(0, 200);
  return words === '' ? [] : search(words, { limit: 5 }).map((h) => h.entry);
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/';

export function createErrorResponses(site: SiteOptions) {
  const ctxFor = (request: FastifyRequest) => requestContext(request, site);
  function respond(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const known = asKnownError(error);
    if (!known) {
      request.log.error({ err: error, requestId: request.id }, 'unhandled error');
      reply.header('cache-control', CACHE.none);
      if (isApi(request)) {
        return reply.code(500).type('application/problem+json; charset=utf-8').send(
          JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred; the request id is in the server log.', requestId: request.id }),
        );
      }
      const ctx = ctxFor(request);
      return sendPage(reply, MessagePage({ ctx, status: 500, title: ctx.m.web.errorTitle, body: ctx.m.web.errorBody, requestId: request.id }), 500);
    }
    if (known.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (isApi(request)) return sendProblem(reply, problemOf(known, request));
    const ctx = ctxFor(request);
    if (known.status === 404) return sendPage(reply, NotFoundPage({ ctx, requestedPath: pathOf(request), suggestions: suggestionsFor(pathOf(request)) }), 404);
    if (known.status === 503) {
      return sendPage(reply, MessagePage({ ctx, status: 503, title: ctx.m.web.overloadTitle, body: ctx.m.web.overloadBody(RETRY_AFTER_SECONDS) }), 503);
    }
    return sendPage(reply, MessagePage({ ctx, status: known.status, title: ctx.m.web.badRequestTitle, body: known.message }), known.status);
  }

  return {
    respond,
    notFound: (request: FastifyRequest, reply: FastifyReply) => respond(new HttpwhyError('HW_ERR_WEB_NOT_FOUND', `Nothing at ${pathOf(request)}.`), request, reply),
    /** For @fastify/under-pressure: a rejected promise makes it hand the error to the error handler. */
    overloaded: async (): Promise<void> => {
      throw new HttpwhyError('HW_ERR_WEB_OVERLOADED', `The server is overloaded; retry after ${RETRY_AFTER_SECONDS} seconds.`);
    },
  };
}
