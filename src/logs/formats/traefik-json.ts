/**
 * Traefik JSON access log (fingerprints.md §5): `DownstreamStatus` is what the client got, `OriginStatus`
 * what the service answered (absent or 0 when Traefik answered itself). `OriginStatus` is captured around the
 * proxy to the server, so Traefik's proxy error handler's own 502 / 504 land there too, with the status text as
 * the whole body (`OriginContentSize`): see traefik-clf.ts. A `DownstreamStatus` of 0 is a hijacked connection (a
 * WebSocket or an HMR stream once upgraded), which logs no HTTP status: a request read, with nothing to explain.
 */
import { firstNumber, firstString, parseJsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { anyTime } from './log-time.ts';
import { errorHandlerSignal } from './traefik-clf.ts';
import type { Cause, Signal } from '../types.ts';

const OWN: Record<number, Cause> = { 499: 'client-closed', 500: 'proxy-config', 502: 'upstream-failed', 503: 'no-live-upstream', 504: 'timeout' };

export function traefikSignal(downstream: number, origin: number, originSize = Number.NaN): Signal | null {
  if (downstream < 500 && downstream !== 499) return null;
  const size = Number.isNaN(originSize) ? '' : ` OriginContentSize=${originSize}`;
  const evidence = { kind: 'traefik-origin' as const, detail: `DownstreamStatus=${downstream} OriginStatus=${Number.isNaN(origin) ? '-' : origin}${size}` };
  const handler = origin === downstream ? errorHandlerSignal(origin, originSize, evidence) : null;
  if (handler) return handler;
  if (origin > 0) return { cause: downstream === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  return { cause: OWN[downstream] ?? 'upstream-failed', confidence: 'high', decisive: true, evidence };
}

export class TraefikJsonParser extends BaseParser {
  readonly format = 'traefik-json' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const obj = parseJsonObject(buf.toString('utf8', start, end));
    const status = obj ? firstNumber(obj, ['DownstreamStatus']) : Number.NaN;
    if (!obj || !(status >= 0 && status <= 999)) return KIND.none;
    const origin = firstNumber(obj, ['OriginStatus']);
    return this.accessLine(
      {
        status,
        timeMs: anyTime(obj.StartUTC ?? obj.time).ms,
        tzOffsetMin: 0,
        client: firstString(obj, ['ClientHost']),
        method: firstString(obj, ['RequestMethod']),
        path: firstString(obj, ['RequestPath']),
        requestId: firstString(obj, ['request_X-Request-Id', 'request_X-Request-ID', 'RequestID']),
        upstream: firstString(obj, ['ServiceAddr', 'ServiceURL']),
        connection: firstString(obj, ['ClientAddr']),
        requestTime: firstNumber(obj, ['Duration']) / 1e9,
        signal: traefikSignal(status, origin, firstNumber(obj, ['OriginContentSize'])),
        truncatedBy: null,
        ...(status === 0 ? { tcp: true as const } : {}),
      },
      false,
    );
  }
}
