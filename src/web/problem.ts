/** RFC 9457 problem details, built from the error catalogue. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOGUE, type HttpwhyError } from '../errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  [extra: string]: unknown;
}

export function problemOf(error: HttpwhyError, request: FastifyRequest): Problem {
  // Details first: they add facts (suggestions, issues) but never override the fixed members.
  return {
    ...error.details,
    type: `/api#${error.code}`,
    title: ERROR_CATALOGUE[error.code].title,
    status: error.status,
    detail: error.message,
    instance: request.url,
    code: error.code,
    requestId: request.id,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(problem));
}
