/** The vocabulary of network failures: how a request failed when no (complete) response came back, and where. */

/** How a request failed when no (complete) response came back. */
export const NETWORK_FAILURE_KINDS = [
  'dns',
  'refused',
  'unreachable',
  'connect-failed',
  'timeout-connect',
  'timeout-response',
  'timeout-body',
  'reset',
  'empty-reply',
  'tls-handshake',
  'tls-certificate',
  'invalid-response',
  'truncated',
  'http2-stream',
] as const;
/** How a request failed when no (complete) response came back: one of {@link NETWORK_FAILURE_KINDS}. */
export type NetworkFailureKind = (typeof NETWORK_FAILURE_KINDS)[number];

/** Where a request can stall or fail, in order. */
export const FAILURE_PHASES = ['dns', 'connect', 'tls', 'headers', 'body'] as const;
/** Where a request stalled or failed: one of {@link FAILURE_PHASES}. */
export type FailurePhase = (typeof FAILURE_PHASES)[number];

/**
 * What was wrong with an invalid response, where proxies disagree: a missing or malformed status line
 * (nginx relays the bytes as HTTP/0.9), a malformed header field, response headers too large to buffer.
 */
export const FAILURE_DETAILS = ['bad-status-line', 'bad-header', 'oversized-headers'] as const;
export type FailureDetail = (typeof FAILURE_DETAILS)[number];
