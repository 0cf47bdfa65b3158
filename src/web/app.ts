/**
 * The Fastify application: security headers, request ids, caching, load shedding, error pages, and the routes.
 * Built by a factory so tests use `app.inject()` and the server and the static export share one app.
 */
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import { getCode, search, type CodeEntry } from '../codes/index.ts';
import { HttpwhyError, isHttpwhyError } from '../errors.ts';
import { openApiDocument } from './api/openapi.ts';
import { registerApi } from './api/routes.ts';
import { loadAssets } from './assets.ts';
import { CACHE, httpCacheHook } from './http-cache.ts';
import { pageContext } from './page-context.ts';
import { ApiDocsPage } from './pages/api-docs.tsx';
import { MessagePage, NotFoundPage } from './pages/errors.tsx';
import { problemOf, sendProblem } from './problem.ts';
import { requestIdFor } from './request-id.ts';
import { registerPages, sendPage, splitLocale } from './routes-pages.tsx';
import { registerSiteFiles } from './site-files.ts';

export interface AppOptions {
  /** pino options, or false for silence (tests). */
  logger?: LoggerOptions | false;
  /** Absolute origin for canonical links and the sitemap. */
  siteUrl?: string;
  /** Event-loop delay (ms) above which requests are shed with 503; 0 disables. */
  maxEventLoopDelay?: number;
  /** Requests per minute per client on /api. */
  apiRateLimit?: number;
}

const RETRY_AFTER_SECONDS = 10;

const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

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
  const numbers = path.match(/\d{3}(\.\d{1,3})?/g) ?? [];
  const direct = numbers.flatMap((n) => getCode(n));
  if (direct.length > 0) return direct.slice(0, 6);
  const words = decodeURIComponent(path.replace(/%(?![0-9a-f]{2})/gi, '')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (words === '') return [];
  return search(words, { limit: 5 }).map((h) => h.entry);
}

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const assets = loadAssets();
  const site = { siteUrl: options.siteUrl ?? 'http://localhost:3000', cssUrl: assets.css.url, jsUrl: assets.js.url };
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: requestIdFor,
    requestIdLogLabel: 'requestId',
    disableRequestLogging: false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
  const ctxFor = (request: FastifyRequest) => {
    const { locale, path } = splitLocale(request.url);
    return pageContext(locale, path, site.siteUrl, site);
  };

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', httpCacheHook);

  await app.register(helmet, { contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false, hsts: false });
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  if ((options.maxEventLoopDelay ?? 1000) > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelay ?? 1000,
      retryAfter: RETRY_AFTER_SECONDS,
      pressureHandler: (request: FastifyRequest, reply: FastifyReply) => {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', CACHE.none);
        const error = new HttpwhyError('HW_ERR_WEB_OVERLOADED', `The server is overloaded; retry after ${RETRY_AFTER_SECONDS} seconds.`);
        if (isApi(request)) {
          sendProblem(reply, problemOf(error, request));
          return;
        }
        const ctx = ctxFor(request);
        sendPage(reply, MessagePage({ ctx, status: 503, title: ctx.m.web.overloadTitle, body: ctx.m.web.overloadBody(RETRY_AFTER_SECONDS) }), 503);
      },
    });
  }

  app.setErrorHandler((error, request, reply) => {
    const known = asKnownError(error);
    if (known) {
      if (isApi(request)) return sendProblem(reply, problemOf(known, request));
      const ctx = ctxFor(request);
      if (known.status === 404) return sendPage(reply, NotFoundPage({ ctx, requestedPath: request.url, suggestions: suggestionsFor(request.url) }), 404);
      return sendPage(reply, MessagePage({ ctx, status: known.status, title: ctx.m.web.badRequestTitle, body: known.message }), known.status);
    }
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    if (isApi(request)) {
      return reply.code(500).type('application/problem+json; charset=utf-8').header('cache-control', CACHE.none).send(
        JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred; the request id is in the server log.', requestId: request.id }),
      );
    }
    const ctx = ctxFor(request);
    return sendPage(reply, MessagePage({ ctx, status: 500, title: ctx.m.web.errorTitle, body: ctx.m.web.errorBody, requestId: request.id }), 500);
  });

  app.setNotFoundHandler((request, reply) => {
    const error = new HttpwhyError('HW_ERR_WEB_NOT_FOUND', `Nothing at ${request.url.split('?')[0]}.`);
    if (isApi(request)) return sendProblem(reply, problemOf(error, request));
    return sendPage(reply, NotFoundPage({ ctx: ctxFor(request), requestedPath: request.url.split('?')[0] ?? '/', suggestions: suggestionsFor(request.url.split('?')[0] ?? '') }), 404);
  });

  for (const asset of [assets.css, assets.js]) {
    app.get(asset.url, async (_request, reply) => reply.type(asset.type).header('cache-control', CACHE.asset).send(asset.body));
  }
  app.get('/api/openapi.json', async (_request, reply) => reply.header('access-control-allow-origin', '*').send(openApiDocument));
  for (const prefix of ['', '/id']) {
    app.get(`${prefix}/api`, async (request, reply) => sendPage(reply, ApiDocsPage({ ctx: ctxFor(request) })));
  }
  registerPages(app, site);
  registerApi(app, { rateLimitPerMinute: options.apiRateLimit ?? 600 });
  registerSiteFiles(app, site.siteUrl);
  return app;
}
