/**
 * Names a network failure from what Node and undici threw: unwraps `cause` and happy-eyeballs'
 * AggregateError, reads undici's HTTPParserError by name (its code is always undefined), and uses the
 * phase in progress where the code alone is ambiguous (a reset during TLS, a close before or after headers).
 */
import { proxyAnswersFor, type FailureDetail, type NetworkFailureKind } from '../diagnose/index.ts';
import { PhaseTimeoutError } from './phase-timeout.ts';
import { CertificateError } from './tls-summary.ts';
import type { CheckFailure, Phase, TlsFailureReason } from './types.ts';

const FIXED: Record<string, readonly [NetworkFailureKind, Phase]> = {
  ENOTFOUND: ['dns', 'dns'],
  EAI_AGAIN: ['dns', 'dns'],
  EAI_FAIL: ['dns', 'dns'],
  EAI_NODATA: ['dns', 'dns'],
  EAI_NONAME: ['dns', 'dns'],
  ECONNREFUSED: ['refused', 'connect'],
  EHOSTUNREACH: ['unreachable', 'connect'],
  ENETUNREACH: ['unreachable', 'connect'],
  EHOSTDOWN: ['unreachable', 'connect'],
  ENETDOWN: ['unreachable', 'connect'],
  ETIMEDOUT: ['timeout-connect', 'connect'],
  UND_ERR_CONNECT_TIMEOUT: ['timeout-connect', 'connect'],
  UND_ERR_HEADERS_TIMEOUT: ['timeout-response', 'headers'],
  UND_ERR_BODY_TIMEOUT: ['timeout-body', 'body'],
  UND_ERR_HEADERS_OVERFLOW: ['invalid-response', 'headers'],
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: ['truncated', 'body'],
};

const CERTIFICATE_REASONS: Record<string, TlsFailureReason> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted-root',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'incomplete-chain',
  UNABLE_TO_GET_ISSUER_CERT: 'incomplete-chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'incomplete-chain',
  CERT_REVOKED: 'revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'name-mismatch',
};

/** A plain-HTTP (or other non-TLS) server answered the TLS hello. */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST']);

/** When the timer of the whole check fires, the phase in progress is the one that timed out. */
const TIMEOUT_BY_PHASE: Record<Phase, NetworkFailureKind> = {
  dns: 'dns',
  connect: 'timeout-connect',
  tls: 'timeout-connect',
  headers: 'timeout-response',
  body: 'timeout-body',
};

/** Where a code says nothing about the phase, the phase decides. */
const FALLBACK_BY_PHASE: Record<Phase, NetworkFailureKind> = {
  dns: 'dns',
  connect: 'connect-failed',
  tls: 'tls-handshake',
  headers: 'invalid-response',
  body: 'truncated',
};

interface Cause {
  error: Error;
  code: string;
}

const codeOf = (error: Error) => String((error as Error & { code?: unknown }).code ?? '');

/** The most telling error inside fetch's `cause` chain and happy eyeballs' AggregateError (refused beats timed out). */
function rootCause(error: Error): Cause {
  let current = error;
  while (codeOf(current) === '' && current.cause instanceof Error) current = current.cause;
  if (current instanceof AggregateError) {
    const inner = (current.errors as unknown[]).filter((e): e is Error => e instanceof Error);
    const picked = inner.find((e) => codeOf(e) === 'ECONNREFUSED') ?? inner[0];
    if (picked) return { error: picked, code: codeOf(picked) || codeOf(current) };
  }
  return { error: current, code: codeOf(current) };
}

function kindOf({ error, code }: Cause, phase: Phase): [NetworkFailureKind, Phase, TlsFailureReason | null] {
  if (error instanceof PhaseTimeoutError) return [TIMEOUT_BY_PHASE[error.phase], error.phase, null];
  if (error.name === 'TimeoutError') return [TIMEOUT_BY_PHASE[phase], phase, null];
  if (error instanceof CertificateError) return ['tls-certificate', 'tls', CERTIFICATE_REASONS[code] ?? 'untrusted'];
  if (error.name === 'HTTPParserError') return ['invalid-response', phase, null];
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO') return ['tls-handshake', 'tls', NOT_TLS.has(code) ? 'not-tls' : 'handshake'];
  const fixed = FIXED[code];
  if (fixed) return [...fixed, null];
  if (phase === 'tls') return ['tls-handshake', 'tls', 'handshake'];
  if (code === 'ECONNRESET' || code === 'EPIPE') return [phase === 'body' ? 'truncated' : 'reset', phase, null];
  // UND_ERR_SOCKET "other side closed": before any header it is an empty reply, after them a cut body.
  if (code === 'UND_ERR_SOCKET') return [phase === 'body' ? 'truncated' : 'empty-reply', phase, null];
  return [FALLBACK_BY_PHASE[phase], phase, null];
}

/**
 * What was wrong with an invalid response head, where proxies answer differently: undici's HTTPParserError
 * carries llhttp's reason in its message ("Expected HTTP/", "Invalid status code", "Invalid header token").
 * A bad Content-Length or Transfer-Encoding gets no detail: nginx relays some of those unchanged.
 */
function detailOf({ error, code }: Cause, kind: NetworkFailureKind, phase: Phase): FailureDetail | null {
  if (kind !== 'invalid-response' || phase !== 'headers') return null;
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return 'oversized-headers';
  if (error.name !== 'HTTPParserError' || /Content-Length|Transfer-Encoding|chunk/i.test(error.message)) return null;
  return /Expected HTTP\/|version|status|response line/i.test(error.message) ? 'bad-status-line' : 'bad-header';
}

/** Classifies an error thrown while `phase` was in progress. */
export function classifyFailure(thrown: unknown, phase: Phase): CheckFailure {
  const cause = rootCause(thrown instanceof Error ? thrown : new Error(String(thrown)));
  const [kind, failedPhase, tls] = kindOf(cause, phase);
  const code = cause.error.name === 'TimeoutError' ? 'ETIMEDOUT' : cause.code || cause.error.name;
  // OpenSSL errors carry a readable `reason` next to a message full of library internals.
  const message = (cause.error as Error & { reason?: unknown }).reason;
  return {
    kind,
    phase: failedPhase,
    code,
    tls,
    message: typeof message === 'string' ? message : cause.error.message,
    proxyAnswers: proxyAnswersFor(kind, failedPhase, detailOf(cause, kind, failedPhase)),
  };
}
