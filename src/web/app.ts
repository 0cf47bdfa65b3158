/**
 * The Fastify application: security headers, request ids, caching, load shedding, error pages, and the route table.
 * Built by a factory so tests use `app.inject()` and the server and the static export share one app.
 */
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import underPressure from '@fastify/under-pressure';
import helmet from 'helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { assertCodeGeneration } from '../code-generation.ts';
import { HttpwhyError } from '../errors.ts';
import { accessLog } from './access-log.ts';
import { loadAssets } from './assets.ts';
import { httpCacheHook } from './http-cache.ts';
import { createErrorResponses, RETRY_AFTER_SECONDS } from './error-responses.ts';
import { registerRoutes } from './register-routes.ts';
import { requestIdFor } from './request-id.ts';
import { siteRoutes } from './routes.ts';

export interface AppOptions {
  /** pino options (level, stream), or false for silence. */
  logger?: FastifyServerOptions['logger'];
  /** Absolute origin for canonical links and the sitemap. */
  siteUrl?: string;
  /** Event-loop delay (ms) above which requests are shed with 503; 0 disables. */
  maxEventLoopDelay?: number;
  /** How often (ms) the event-loop delay is sampled. */
  pressureSampleInterval?: number;
  /** Requests per minute per client on /api. */
  apiRateLimit?: number;
}

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

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  assertCodeGeneration("The web server (Fastify's router and serializers)");
  const assets = loadAssets();
  const site = { siteUrl: options.siteUrl ?? 'http://localhost:3000', cssUrl: assets.css.url, jsUrl: assets.js.url };
  const errors = createErrorResponses(site);
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: requestIdFor,
    logController: accessLog(),
    return503OnClosing: true,
    // Small by default; the routes that take pasted responses raise it for themselves.
    bodyLimit: 64 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Malformed URLs and bodies go through the same error handler as everything else (page or problem+json).
    frameworkErrors: (error, request, reply) => {
      errors.respond(new HttpwhyError('HW_ERR_INPUT_INVALID', `Malformed request: ${error.message}`), request, reply);
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', httpCacheHook);
  // During a graceful shutdown, answers to requests still in flight close their connection: a keep-alive
  // client would otherwise hold the server open until its idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  // helmet's middleware is built once; @fastify/helmet rebuilds it on every request (about 45 µs each, measured).
  const securityHeaders = helmet({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false, hsts: false });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  await app.register(formbody);
  // gzip for pages, CSS, JS and JSON over 1 KB; clients that ask for nothing (benchmarks, curl) get identity.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip'] });
  if ((options.maxEventLoopDelay ?? 1000) > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelay ?? 1000,
      sampleInterval: options.pressureSampleInterval ?? 1000,
      retryAfter: RETRY_AFTER_SECONDS,
      pressureHandler: errors.overloaded,
    });
  }
  app.setErrorHandler(errors.respond);
  app.setNotFoundHandler(errors.notFound);

  await registerRoutes(app, siteRoutes(assets), { site, apiRateLimit: options.apiRateLimit ?? 600 });
  return app;
}
