/**
 * The playground answers bad input with RFC 9457 problem+json (the same members as the site's /api), whatever
 * its URL; anything else (overload, our own bugs) goes on to the site's error handler.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HttpwhyError, isHttpwhyError, problemDetails } from '../../errors.ts';

type ErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;

/** A client error as a catalogue error; undefined when the error is not the client's doing. */
function clientError(error: FastifyError): HttpwhyError | undefined {
  if (isHttpwhyError(error)) return error.status < 500 ? error : undefined;
  const status = error.statusCode;
  return status !== undefined && status >= 400 && status < 500 ? new HttpwhyError('HW_ERR_INPUT_INVALID', error.message) : undefined;
}

export function problemHandler(next: ErrorHandler): ErrorHandler {
  return (error, request, reply) => {
    const known = clientError(error);
    if (!known) return next(error, request, reply);
    const problem = problemDetails(known, request.url, request.id);
    return reply.code(known.status).type('application/problem+json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(problem));
  };
}
