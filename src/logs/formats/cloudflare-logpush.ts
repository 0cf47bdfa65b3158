/**
 * Cloudflare Logpush `http_requests` records, one JSON object per line (Logpush's default `ndjson` output).
 * Fields, per Cloudflare's reference (developers.cloudflare.com/logs/reference/log-fields/zone/http_requests/):
 * `EdgeResponseStatus` is what Cloudflare returned to the client; `OriginResponseStatus` what the origin
 * returned, 0 when no request was made to the origin and Cloudflare's edge served the response; `EdgeServerIP`
 * is empty when no request was made to the origin. Which stage ended a request is described in
 * developers.cloudflare.com/logs/reference/pathing-status/ (`EdgePathingOp` `ban` or `errHost`). Times follow the
 * job's `timestamp_format`: `unixnano` (the default), `unix` or `rfc3339` (…/logs/reference/log-output-options/).
 */
import { firstNumber, firstString, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import type { Cause, Signal } from '../types.ts';

/**
 * Cloudflare's own 5xx codes, each explained in developers.cloudflare.com/support/troubleshooting/
 * http-status-codes/cloudflare-5xx-errors/ (error-520 … error-530): 520 an empty or invalid origin response,
 * 521 the origin refused the connection, 522 the TCP connection timed out, 523 the origin is unreachable,
 * 524 the origin accepted the connection but sent no response in time, 525 / 526 TLS to the origin failed,
 * 527 a Railgun error (retired), 530 the origin hostname could not be resolved (a 1xxx error, mostly 1016).
 */
const EDGE_CODES: Record<number, Cause> = {
  520: 'invalid-response',
  521: 'refused',
  522: 'connect-failed',
  523: 'unreachable',
  524: 'timeout',
  525: 'tls',
  526: 'tls',
  527: 'upstream-failed',
  530: 'dns',
};
/** The edge's own 5xx without an origin answer ("502/504 errors from Cloudflare" in the troubleshooting guide). */
const EDGE_GENERIC: Record<number, Cause> = { 502: 'upstream-failed', 504: 'timeout' };
/** `CacheCacheStatus` values of a response served from Cloudflare's cache, i.e. an origin answer stored earlier. */
const FROM_CACHE = new Set(['hit', 'stale', 'updating', 'revalidated']);
/** Security actions that end a request at the edge (`SecurityActions` in the field reference). */
const TERMINATING = new Set(['block', 'challenge', 'jschallenge', 'managedChallenge', 'managed_challenge', 'connectionClose', 'forceConnectionClose', 'drop']);

export interface CloudflareFields {
  edge: number;
  /** NaN when the job does not log `OriginResponseStatus`. */
  origin: number;
  /** `EdgeServerIP`; undefined when not logged. */
  edgeServerIp?: string;
  /** A terminating `SecurityAction` / `WAFAction`, or `EdgePathingOp` `ban` / `errHost`; '' when none. */
  security: string;
  /** `EdgeRateLimitAction`, '' when none. */
  rateLimit: string;
  /** `CacheCacheStatus`, '' when not logged. */
  cache: string;
}

function describe(f: CloudflareFields): string {
  const parts = [`EdgeResponseStatus=${f.edge}`, `OriginResponseStatus=${Number.isNaN(f.origin) ? '-' : f.origin}`];
  if (f.edgeServerIp !== undefined) parts.push(`EdgeServerIP=${f.edgeServerIp || '""'}`);
  if (f.security) parts.push(f.security);
  if (f.rateLimit) parts.push(`EdgeRateLimitAction=${f.rateLimit}`);
  if (f.cache) parts.push(`CacheCacheStatus=${f.cache}`);
  return parts.join(' ');
}

/** Who made a 5xx (or 499, or a security rule's 4xx): the origin when it returned that status, else Cloudflare's edge, with the cause its code names. */
export function cloudflareSignal(f: CloudflareFields): Signal | null {
  const { edge, origin } = f;
  const evidence = { kind: 'cloudflare-status' as const, detail: describe(f) };
  const edgeMade = (cause: Cause, confidence: Signal['confidence']): Signal => ({ cause, confidence, decisive: true, evidence });
  // A security rule's block or challenge is the edge's own answer at any status (403, a challenge page).
  if (f.security && edge >= 400 && edge < 500) return edgeMade('proxy-config', 'high');
  if (edge < 500 && edge !== 499) return null;
  if (edge === 499) return edgeMade('client-closed', 'high');
  if (origin === edge) return { cause: edge === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  if (f.rateLimit) return edgeMade('load-shed', 'high');
  if (f.security) return edgeMade('proxy-config', 'high');
  const noOriginRequest = origin === 0 || f.edgeServerIp === '';
  const byCode = EDGE_CODES[edge];
  // A 52x is Cloudflare's own code; an origin that answered something else had its answer replaced.
  if (byCode) return edgeMade(byCode, noOriginRequest || origin > 0 ? 'high' : 'medium');
  if (FROM_CACHE.has(f.cache)) return { cause: edge === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
  if (noOriginRequest || origin > 0) return edgeMade(EDGE_GENERIC[edge] ?? 'proxy-config', noOriginRequest ? 'high' : 'medium');
  return null;
}

/** Epoch ms from `unixnano`, `unix` (seconds) or an `rfc3339` string. */
export function logpushTime(value: unknown): number {
  if (typeof value === 'string') return /^\d+$/.test(value) ? logpushTime(Number(value)) : parseIsoTime(value).ms;
  if (typeof value !== 'number' || !Number.isFinite(value)) return Number.NaN;
  if (value >= 1e17) return Math.floor(value / 1e6);
  return value >= 1e11 ? value : value * 1000;
}

function securityOf(obj: JsonObject): string {
  // `Action` is the firewall events dataset's, the others the HTTP requests dataset's.
  for (const field of ['SecurityAction', 'WAFAction', 'Action']) {
    const action = firstString(obj, [field]);
    if (TERMINATING.has(action)) return `${field}=${action}`;
  }
  const pathing = firstString(obj, ['EdgePathingOp']);
  return pathing === 'ban' || pathing === 'errHost' || pathing === 'err_host' ? `EdgePathingOp=${pathing}` : '';
}

/** Seconds: the edge's own start and end when logged, else the origin's time (`OriginResponseDurationMs`, or the deprecated `OriginResponseTime` in ns). */
function requestSeconds(obj: JsonObject, startMs: number): number {
  const end = logpushTime(obj.EdgeEndTimestamp);
  if (end >= startMs) return (end - startMs) / 1000;
  const ms = firstNumber(obj, ['OriginResponseDurationMs']);
  if (ms >= 0) return ms / 1000;
  const ns = firstNumber(obj, ['OriginResponseTime']);
  return ns >= 0 ? ns / 1e9 : Number.NaN;
}

export class CloudflareLogpushParser extends BaseParser {
  readonly format = 'cloudflare-logpush' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const obj = parseJsonObject(buf.toString('utf8', start, end));
    const edge = obj ? obj.EdgeResponseStatus : undefined;
    if (!obj || typeof edge !== 'number' || edge < 0 || edge > 999) return KIND.none;
    const timeMs = logpushTime(obj.EdgeStartTimestamp);
    const edgeServerIp = obj.EdgeServerIP;
    return this.accessLine(
      {
        status: edge,
        timeMs,
        tzOffsetMin: 0,
        client: firstString(obj, ['ClientIP']),
        method: firstString(obj, ['ClientRequestMethod']),
        path: firstString(obj, ['ClientRequestURI', 'ClientRequestPath']),
        requestId: firstString(obj, ['RayID']),
        upstream: firstString(obj, ['OriginIP']),
        connection: '',
        requestTime: requestSeconds(obj, timeMs),
        signal: cloudflareSignal({
          edge,
          origin: firstNumber(obj, ['OriginResponseStatus']),
          edgeServerIp: typeof edgeServerIp === 'string' ? edgeServerIp : undefined,
          security: securityOf(obj),
          rateLimit: firstString(obj, ['EdgeRateLimitAction']),
          cache: firstString(obj, ['CacheCacheStatus']),
        }),
        truncatedBy: null,
      },
      false,
    );
  }
}
