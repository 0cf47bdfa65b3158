/**
 * The playground's handlers: /lab/status/:code, /lab/status/random, /lab/drip and /lab/stream, which the site's
 * route table registers in every locale, inside the scope that `playgroundScope` sets up: its error handler
 * (problem+json for bad input) and its body parsing (request bodies are read and ignored) stay inside it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteHandlerMethod } from 'fastify';
import { getCode } from '../../codes/index.ts';
import { PARAMS, STREAM_MAX_TOTAL_MS } from './endpoints.ts';
import { badParameter, choiceParam, numberParam, single, type Query } from './params.ts';
import { problemHandler } from './problem.ts';
import { planStatus, type BodyFormat, type PlaygroundLocale, type StatusPlan } from './status-plan.ts';
import { parseLabStatus, parseWeighted, pickWeighted, type LabStatus } from './status-target.ts';
import { pause, timedStream } from './timing.ts';

/** Every method httpbin's /status answers; HEAD comes with GET. */
export const PLAYGROUND_STATUS_METHODS: readonly HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
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

async function sendStatus(target: LabStatus, where: PlaygroundLocale, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const sleep = numberParam(queryOf(request), 'sleep');
  const format = choiceParam(queryOf(request), 'body') as BodyFormat;
  // RFC 9110 §15.2: no 1xx for an HTTP/1.0 client (nginx talks HTTP/1.0 to its upstreams by default).
  const plan = planStatus(target, format, where, request.id, request.raw.httpVersion !== '1.0');
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

export async function playgroundDrip(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
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

export async function playgroundStream(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const lines = numberParam(queryOf(request), 'lines');
  const interval = numberParam(queryOf(request), 'interval');
  if (lines * interval > STREAM_MAX_TOTAL_MS) {
    throw badParameter('interval', `lines × interval is ${lines * interval} ms; keep it within ${STREAM_MAX_TOTAL_MS} ms.`);
  }
  const started = Date.now();
  const line = (i: number) => `${JSON.stringify({ line: i + 1, of: lines, elapsedMs: Date.now() - started, requestId: request.id })}\n`;
  return reply.type('application/x-ndjson; charset=utf-8').send(timedStream(lines, 0, interval, line));
}

/** What the playground's routes share: problem+json errors, any request body read and dropped, no caching. */
export function playgroundScope(scope: FastifyInstance): void {
  scope.setErrorHandler(problemHandler(scope.errorHandler.bind(scope)));
  // The playground answers any body (httpbin does): read it within the app's bodyLimit, then drop it.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
  scope.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
}

export const playgroundStatus = (where: PlaygroundLocale): RouteHandlerMethod => async (request, reply) =>
  sendStatus(parseLabStatus((request.params as { code: string }).code), where, request, reply);

/** `random`: numbers in [0, 1) for the weighted pick; Math.random unless a test pins it. */
export const playgroundRandomStatus = (where: PlaygroundLocale, random: () => number = Math.random): RouteHandlerMethod => async (request, reply) => {
  const codes = single(queryOf(request), 'codes');
  if (codes === undefined) throw badParameter('codes', `"codes" is required, e.g. codes=500,502:3 (at most ${PARAMS.codes.max} codes).`);
  return sendStatus(pickWeighted(parseWeighted(codes), random), where, request, reply);
};
