/** Per-client rate limits (@fastify/rate-limit), registered per scope; exceeding one is a 429 with Retry-After. */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { HttpwhyError } from '../errors.ts';

/** Outbound URL checks cost us and the checked sites: each client gets a small budget. */
export const CHECK_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;

/**
 * Puts the rate limiter in a scope. With `max`, every route of the scope takes from one budget per client; without,
 * only the routes with their own `config.rateLimit` are limited, each with its own budget.
 */
export async function limitScope(scope: FastifyInstance, max?: number): Promise<void> {
  await scope.register(rateLimit, {
    global: max !== undefined,
    ...(max === undefined ? {} : { max }),
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) =>
      new HttpwhyError('HW_ERR_WEB_RATE_LIMITED', `Rate limit of ${context.max} requests per ${context.after} exceeded; retry after the Retry-After delay.`),
  });
}
