/** RFC 9457 problem details, built from the error catalogue. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemDetails, type HttpwhyError, type ProblemDetails } from '../errors.ts';

export type Problem = ProblemDetails;

export function problemOf(error: HttpwhyError, request: FastifyRequest): Problem {
  return problemDetails(error, request.url, request.id);
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(problem));
}
