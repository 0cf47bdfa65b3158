/**
 * The two scenarios that are the proxy's own doing, as an operator would configure them on a real proxy:
 * `overload` (at most one request at a time at a slow app; the next is turned away) and `rate-limited`
 * (one request per window and client). The upstreams behind them are healthy: only the proxy says no.
 *
 * - nginx: `limit_conn` with `limit_conn_status 503` (nginx's default, written out) and `limit_req` with
 *   `limit_req_status 429` (the default is 503 too; 429 tells the client it is about its own rate). nginx adds
 *   no Retry-After to either: it has no directive for it, and the lab leaves the operator's common setup alone.
 * - HAProxy: `maxconn` on the server and `timeout queue` (a request waits in the queue, then gets 503, `sQ`),
 *   and a stick table counting requests per source with `http-request deny deny_status 429`, plus
 *   `http-after-response set-header Retry-After` on that 429, which HAProxy can do in one line.
 * - Caddy 2.6: the standard build has neither a rate limit nor a concurrency limit (both are third-party
 *   modules), so its routes pass every request through, and the outcome says so.
 */
import { RATE_LIMIT } from '../lab.ts';

export const GUARDED_SCENARIOS = ['overload', 'rate-limited'] as const;
export type GuardedScenario = (typeof GUARDED_SCENARIOS)[number];

export const PROXY_LIMITS = {
  overload: {
    /** Requests at the app at once. */
    maxConnections: 1,
    /** How long the slow app behind the route takes: longer than HAProxy's queue wait, shorter than every proxy timeout (2 s). */
    appDelayMs: 1_000,
    /** HAProxy: how long a request waits for a free slot before its 503. */
    queueTimeoutMs: 500,
    status: 503,
  },
  'rate-limited': {
    requests: RATE_LIMIT.requests,
    windowSeconds: RATE_LIMIT.windowSeconds,
    status: 429,
    /** Retry-After on HAProxy's 429: the window. */
    retryAfterSeconds: RATE_LIMIT.windowSeconds,
  },
} as const;

/** nginx's rate syntax for the limit: requests per minute. */
export const nginxRate = (): string => `${Math.round((PROXY_LIMITS['rate-limited'].requests * 60) / PROXY_LIMITS['rate-limited'].windowSeconds)}r/m`;
