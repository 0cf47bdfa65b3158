/** Types of the URL checker: its options, what one check returns, and what a bulk run streams. */
import type { DiagnosisReport, FailurePhase, NetworkFailureKind, ProxyAnswer } from '../diagnose/index.ts';
import type { ErrorCode } from '../errors.ts';
import type { Locale } from '../i18n/index.ts';

/** Where a request can stall or fail, in order: dns, connect, tls, headers, body. */
export type Phase = FailurePhase;

/** Milliseconds allowed per phase, and for the whole check including redirects. */
export interface PhaseTimeouts {
  dns: number;
  connect: number;
  tls: number;
  /** From the request being sent to the end of the response headers. */
  headers: number;
  /** Longest silence while the body streams. */
  body: number;
  total: number;
}

/** Options of {@link checkUrl}: timeouts per phase, retries of a 429/503 with Retry-After, the language of the diagnosis. */
export interface CheckOptions {
  /**
   * Operator mode: connect to private, loopback, link-local and other non-public addresses, on any port.
   * Only for the CLI, whose user owns the network; the web and API never set it. Default false (SSRF-safe).
   */
  allowPrivate?: boolean;
  /** Ports a URL may use. Default: 80, 443, 8080, 8443 in SSRF-safe mode, any port in operator mode. */
  allowedPorts?: readonly number[];
  /** Redirects followed, 0 to 10 (default 10). */
  maxRedirects?: number;
  timeouts?: Partial<PhaseTimeouts>;
  /** Bytes of the final body read, at most 1 MiB (the default). */
  maxBodyBytes?: number;
  /** Language of the diagnosis. */
  locale?: Locale;
  userAgent?: string;
  signal?: AbortSignal;
}

/** Milliseconds per phase of one hop; null when the phase did not happen (no lookup for an IP, no TLS for http). */
export interface HopTimings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
  /** Request sent to first byte of the response: the server's time. */
  ttfb: number | null;
  download: number | null;
  total: number;
}

/** The TLS connection of a hop: protocol, cipher, and the certificate's names, issuer and validity. */
export interface TlsSummary {
  protocol: string | null;
  subject: string | null;
  issuer: string | null;
  validTo: string | null;
  /** Whole days left; negative once expired. */
  daysToExpiry: number | null;
  /** The certificate names the host that was asked for. */
  nameMatch: boolean;
  /** The chain verifies against the trusted roots. */
  trusted: boolean;
  /** OpenSSL's verification result when not trusted (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT...). */
  verifyError: string | null;
}

/** One request of a redirect chain: URL, status, Location, timings and the address connected to. */
export interface HopResult {
  url: string;
  /** The address connected to, after the address policy allowed it; null when no connection was made. */
  address: string | null;
  status: number | null;
  /** The Location header as sent (3xx only). */
  location: string | null;
  timings: HopTimings;
  tls: TlsSummary | null;
}

/** Why a TLS handshake or certificate check failed. */
export type TlsFailureReason =
  | 'expired'
  | 'not-yet-valid'
  | 'self-signed'
  | 'untrusted-root'
  | 'incomplete-chain'
  | 'name-mismatch'
  | 'revoked'
  | 'untrusted'
  | 'not-tls'
  | 'handshake';

/** A network failure (the diagnosis engine's kinds) or a redirect the checker refused to follow. */
export type FailureKind = NetworkFailureKind | 'redirect-limit' | 'redirect-blocked' | 'redirect-invalid';

/** Why a check got no (complete) response: the network failure, the phase it happened in, and what a proxy in front would answer. */
export interface CheckFailure {
  kind: FailureKind;
  /** The phase that failed; null for redirect failures. */
  phase: Phase | null;
  /** The underlying code: ECONNREFUSED, CERT_HAS_EXPIRED, UND_ERR_HEADERS_TIMEOUT, HW_ERR_CHECK_SSRF_BLOCKED... */
  code: string;
  tls: TlsFailureReason | null;
  message: string;
  /** What a reverse proxy, load balancer or CDN in front of this server would answer instead. */
  proxyAnswers: ProxyAnswer[];
}

/** The start of a response body as the checker kept it (bounded), with its type and length. */
export interface BodySummary {
  /** Bytes received before the read stopped. */
  bytes: number;
  /** The body was longer than the read cap; the rest was not downloaded. */
  capped: boolean;
  contentType: string | null;
}

/** The result of checking one URL: every hop of the redirect chain, timings, TLS, the failure if any, and the diagnosis of a failing final response. */
export interface CheckResult {
  /** The URL checked, as parsed (canonical). */
  url: string;
  finalUrl: string;
  /** Status of the last response; null when none came. */
  status: number | null;
  /** A network failure, a refused redirect or a 5xx. */
  problem: boolean;
  /** Every request made, the last one included. */
  hops: HopResult[];
  /** Milliseconds for the whole chain. */
  totalMs: number;
  body: BodySummary | null;
  /** Retry-After of the last response, as sent. */
  retryAfter: string | null;
  failure: CheckFailure | null;
  /** The diagnosis engine's reading of a final 4xx or 5xx response; null otherwise. */
  diagnosis: DiagnosisReport | null;
}

/** Options of {@link checkUrls}: those of {@link CheckOptions} plus how many checks run at once, overall and per host. */
export interface BulkOptions extends CheckOptions {
  /** Checks in flight at once, 1 to 256 (default 16). */
  concurrency?: number;
  /** Checks in flight per host name, 1 to 64 (default 4). */
  perHost?: number;
  /** Retries of a 429 or 503 that carries Retry-After, 0 to 5 (default 1). */
  retries?: number;
  /** Longest Retry-After honoured, in milliseconds (default 30 s); a longer one is reported, not waited for. */
  maxRetryWait?: number;
}

/** One line of a bulk run, streamed as soon as its check ends (not in input order). */
export interface BulkRow {
  /** 1-based position in the input. */
  index: number;
  input: string;
  /** Requests made for it, counting Retry-After retries. */
  attempts: number;
  result: CheckResult | null;
  /** Set when the input itself was refused (bad URL, blocked address); then result is null. */
  error: { code: ErrorCode; message: string } | null;
}
