/**
 * Kong Gateway's log plugins (file-log, http-log, tcp-log, udp-log…), one JSON object per line, written by Kong's log
 * serializer (Kong/kong kong/pdk/log.lua `serialize`, kong/plugins/log-serializers/basic.lua before 2.0):
 * `request` {method, uri, url, headers}, `response` {status, headers}, `latencies` {kong, proxy, request} in ms,
 * `tries` (the balancer's attempts), `client_ip`, `started_at` (epoch ms), `upstream_uri`, and since 3.x
 * `upstream_status`.
 * Who answered, from the same source:
 * - `latencies.proxy` is `ctx.KONG_WAITING_TIME or -1`, set in the header filter only once the request was proxied
 *   (`ctx.KONG_PROXIED`): -1 means Kong answered before proxying (a plugin, no route, no healthy target).
 * - A proxied 502 or 504 may be the upstream's or nginx's own (connection refused or reset, timeout): a try the
 *   balancer retried records why (`tries[n].state` and `code`, from `get_last_failure()` in the balancer phase:
 *   `failed` for a failed connection, `next` for an upstream status nginx retries on), so a 502/504 after tries that
 *   all failed is Kong's; after a single try it is not decidable.
 * - nginx answers no 500 or 503 of its own once proxied: a proxied 500 or 503 is the upstream's.
 * - Before 3.x, Kong's header filter set `Server: kong/<version>` only on the answers Kong made itself (a plugin's exit,
 *   its error handler after a failed upstream); a proxied answer kept the upstream's Server header. Later versions put
 *   it on proxied answers without one too, so the logged `response.headers.server` decides only for 0.x to 2.x.
 */
import type { Cause, Signal } from '../types.ts';
import { firstNumber, firstString, getPath, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';

/** Kong's own answer before proxying. */
const UNPROXIED: Record<number, Cause> = { 503: 'no-live-upstream', 504: 'timeout' };
/** A proxied 502/504 after failed tries: the failure nginx saw. */
const FAILED_TRIES: Record<number, Cause> = { 502: 'upstream-failed', 504: 'timeout' };

interface KongTry {
  state?: unknown;
  code?: unknown;
  ip?: unknown;
  port?: unknown;
}

function triesOf(obj: JsonObject): KongTry[] {
  const tries = obj.tries;
  return Array.isArray(tries) ? tries.filter((t): t is KongTry => typeof t === 'object' && t !== null) : [];
}

/** Kong's own answer, by the Server header it logged: `kong/<version>` before 3.x. */
const OWN_SERVER_BEFORE_3 = /^kong\/[0-2]\./;

/** Why Kong logged a 5xx (or 499), from its latencies, tries and the Server header it answered with; null for other statuses. */
export function kongSignal(status: number, proxyLatency: number, tries: readonly KongTry[], server = ''): Signal | null {
  if (status < 500 && status !== 499) return null;
  // `next`: the upstream answered a status nginx retries on (its own 502 included); only `failed` is a failed connection.
  const failed = tries.filter((t) => t.state === 'failed');
  const detail = `status=${status} latencies.proxy=${Number.isNaN(proxyLatency) ? '-' : proxyLatency} tries=${tries.length}${failed.map((t) => ` ${String(t.state)}:${String(t.code ?? '-')}`).join('')}`;
  const evidence = { kind: 'kong-latencies' as const, detail };
  if (status === 499) return { cause: 'client-closed', confidence: 'high', decisive: true, evidence };
  if (proxyLatency === -1) return { cause: UNPROXIED[status] ?? 'proxy-config', confidence: 'high', decisive: true, evidence };
  if (OWN_SERVER_BEFORE_3.test(server)) {
    const own = { kind: 'kong-latencies' as const, detail: `${detail} server=${server}` };
    return { cause: FAILED_TRIES[status] ?? UNPROXIED[status] ?? 'proxy-config', confidence: 'medium', decisive: true, evidence: own };
  }
  if (Number.isNaN(proxyLatency)) return null;
  if (status === 500 || status === 503) return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
  const cause = FAILED_TRIES[status];
  if (cause && failed.length > 0 && failed.length >= tries.length - 1) return { cause, confidence: 'medium', decisive: true, evidence };
  return null;
}

/** The last try's `ip:port`, else the service's host. */
function upstreamOf(obj: JsonObject, tries: readonly KongTry[]): string {
  const last = tries.at(-1);
  if (last && typeof last.ip === 'string') return last.port === undefined ? last.ip : `${last.ip}:${String(last.port)}`;
  return firstString(obj, ['service.host']);
}

export class KongParser extends BaseParser {
  readonly format = 'kong' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const obj = parseJsonObject(buf.toString('utf8', start, end));
    if (!obj || typeof obj.latencies !== 'object' || obj.latencies === null || typeof obj.request !== 'object') return KIND.none;
    const status = firstNumber(obj, ['response.status']);
    if (!(status >= 0 && status <= 999)) return KIND.none;
    const tries = triesOf(obj);
    const startedAt = firstNumber(obj, ['started_at']);
    const requestMs = firstNumber(obj, ['latencies.request']);
    const proxy = getPath(obj, 'latencies.proxy');
    return this.accessLine(
      {
        status,
        timeMs: startedAt >= 0 ? startedAt : Number.NaN,
        tzOffsetMin: 0,
        client: firstString(obj, ['client_ip']),
        method: firstString(obj, ['request.method']),
        path: firstString(obj, ['request.uri', 'request.url']),
        requestId: firstString(obj, ['request.headers.x-request-id', 'request.id', 'request.headers.kong-request-id']),
        upstream: upstreamOf(obj, tries),
        connection: '',
        requestTime: requestMs >= 0 ? requestMs / 1000 : Number.NaN,
        signal: kongSignal(status, typeof proxy === 'number' ? proxy : Number.NaN, tries, firstString(obj, ['response.headers.server'])),
        truncatedBy: null,
      },
      false,
    );
  }
}
