/**
 * The playground as a Fastify plugin: /lab/status/:code, /lab/status/random, /lab/drip and /lab/stream, in
 * English and under /id. Registered without fastify-plugin on purpose: its error handler (problem+json for bad
 * input) and its body parsing (request bodies are read and ignored) stay inside the plugin.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { getCode, LOCALES, type Locale } from '../../codes/index.ts';
import { PARAMS, STREAM_MAX_TOTAL_MS } from './endpoints.ts';
import { badParameter, choiceParam, numberParam, single, type Query } from './params.ts';
import { problemHandler } from './problem.ts';
import { planStatus, type BodyFormat, type StatusPlan } from './status-plan.ts';
import { parseLabStatus, parseWeighted, pickWeighted, type LabStatus } from './status-target.ts';
import { pause, timedStream } from './timing.ts';

export interface LabPluginOptions {
  /** Random numbers in [0, 1) for /lab/status/random; Math.random unless a test pins it. */
  random?: () => number;
}

/** Every method httpbin's /status answers; HEAD comes with GET. */
const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Drip chunks at most this many times, so a large body is not a timer per byte. */
const MAX_DRIP_WRITES = 100;

const queryOf = (request: FastifyRequest) => request.query as Query;

/**
 * The client left while we waited: there is nobody to answer. Fastify logs nothing for a response that never
 * finishes, so say it here, with nginx's 499 for "client closed request", and take the reply off Fastify's hands.
 */
function gone(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.info({ res: { statusCode: 499 } }, 'client closed the connection while the lab was waiting');
  reply.hijack();
  return reply;
}

function sendInterim(reply: FastifyReply, interim: NonNullable<StatusPlan['interim']>): void {
  if (interim.status === 100) reply.raw.writeContinue();
  else if (interim.status === 102) reply.raw.writeProcessing();
  else reply.raw.writeEarlyHints(Object.fromEntries(Object.entries(interim.headers).map(([k, v]) => [k.toLowerCase(), v])));
}

async function sendStatus(target: LabStatus, locale: Locale, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const sleep = numberParam(queryOf(request), 'sleep');
  const format = choiceParam(queryOf(request), 'body') as BodyFormat;
  // RFC 9110 §15.2: no 1xx for an HTTP/1.0 client (nginx talks HTTP/1.0 to its upstreams by default).
  const plan = planStatus(target, format, locale, request.id, request.raw.httpVersion !== '1.0');
  if (plan.interim) sendInterim(reply, plan.interim);
  if (!(await pause(sleep, reply.raw))) return gone(request, reply);
  if (sleep > 0) reply.header('server-timing', `sleep;dur=${sleep}`);
  if (plan.reason !== undefined) reply.raw.statusMessage = plan.reason;
  reply.code(plan.status).headers(plan.headers);
  return plan.body ? reply.type(plan.body.type).send(plan.body.text) : reply.send();
}

/** A status a drip may carry: one that has a body in at least one of its meanings (or is unassigned). */
function dripStatus(code: number): number {
  const entries = getCode(code);
  if (entries.length > 0 && entries.every((e) => e.flags.emptyBody)) throw badParameter('code', `"code" ${code} never has a body, so there is nothing to drip.`);
  return code;
}

async function drip(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const query = queryOf(request);
  const bytes = numberParam(query, 'bytes');
  const duration = numberParam(query, 'duration');
  const delay = numberParam(query, 'delay');
  const code = dripStatus(numberParam(query, 'code'));
  if (!(await pause(delay, reply.raw))) return gone(request, reply);
  const writes = Math.min(bytes, MAX_DRIP_WRITES);
  const interval = writes === 0 ? 0 : duration / writes;
  const sizeOf = (i: number) => Math.floor((bytes * (i + 1)) / writes) - Math.floor((bytes * i) / writes);
  // Content-Length, not chunked (as go-httpbin does): a client that stops early sees a truncated body.
  reply.code(code).type('application/octet-stream').header('content-length', String(bytes)).header('server-timing', `delay;dur=${delay}, drip;dur=${duration}`);
  return reply.send(timedStream(writes, interval, interval, (i) => '*'.repeat(sizeOf(i))));
}

function stream(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lines = numberParam(queryOf(request), 'lines');
  const interval = numberParam(queryOf(request), 'interval');
  if (lines * interval > STREAM_MAX_TOTAL_MS) {
    throw badParameter('interval', `lines × interval is ${lines * interval} ms; keep it within ${STREAM_MAX_TOTAL_MS} ms.`);
  }
  const started = Date.now();
  const line = (i: number) => `${JSON.stringify({ line: i + 1, of: lines, elapsedMs: Date.now() - started, requestId: request.id })}\n`;
  return reply.type('application/x-ndjson; charset=utf-8').send(timedStream(lines, 0, interval, line));
}

export const labPlugin: FastifyPluginAsync<LabPluginOptions> = async (app, options) => {
  const random = options.random ?? Math.random;
  app.setErrorHandler(problemHandler(app.errorHandler.bind(app)));
  // The playground answers any body (httpbin does): read it within the app's bodyLimit, then drop it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  for (const locale of LOCALES) {
    const prefix = locale === 'en' ? '' : `/${locale}`;
    app.route({
      method: METHODS,
      url: `${prefix}/lab/status/random`,
      handler: async (request, reply) => {
        const codes = single(queryOf(request), 'codes');
        if (codes === undefined) throw badParameter('codes', `"codes" is required, e.g. codes=500,502:3 (at most ${PARAMS.codes.max} codes).`);
        return sendStatus(pickWeighted(parseWeighted(codes), random), locale, request, reply);
      },
    });
    app.route({
      method: METHODS,
      url: `${prefix}/lab/status/:code`,
      handler: async (request, reply) => sendStatus(parseLabStatus((request.params as { code: string }).code), locale, request, reply),
    });
    app.get(`${prefix}/lab/drip`, drip);
    app.get(`${prefix}/lab/stream`, async (request, reply) => stream(request, reply));
  }
};
