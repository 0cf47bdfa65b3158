/**
 * cloudflared, Cloudflare Tunnel's connector, logs with zerolog's console layout: `<RFC 3339 time> <LVL> <message>
 * key=value…`. It writes no line per request at its default level; what it writes for a request it failed
 * (cloudflare/cloudflared proxy/proxy.go, connection/quic_connection.go, connection/http2.go):
 * - the proxy's line for the origin's failure, no message, `error="Unable to reach the origin service. The service may
 *   be down or it may not be responding to traffic from cloudflared: dial tcp …: connect: connection refused"` with
 *   `originService=` (and `cfRay=` when the edge sent one);
 * - then the connection's line for the same request: `Request failed error="…" dest=<url> type=http` over QUIC,
 *   `failed to serve incoming request error="…"` over HTTP/2. Either way cloudflared answers 502 itself
 *   (WriteErrorResponse), unless the client had gone (`Incoming request ended abruptly: context canceled`).
 * The connection's line is read as the request, the origin's line before it gives the upstream.
 */
import type { Cause } from '../types.ts';
import { causeOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import { pathOfUrl } from './split-fields.ts';

/** zerolog's console line: time, level, then the message and fields. */
const CONSOLE_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) (TRC|DBG|INF|WRN|ERR|FTL|PNC) (.*)$/;
const FAILED_REQUEST = /^(?:Request failed|failed to serve incoming request) error="((?:[^"\\]|\\.)*)"(.*)$/;
const ORIGIN_ERROR = /^\s*error="(?:[^"\\]|\\.)*".*\boriginService=(\S+)/;
const DEST = /\bdest=(\S+)/;
const CF_RAY = /\bcfRay=(\S+)/;
/**
 * The client went away before the origin answered: cloudflared's 502 reached no one. Its words may follow the HTTP/2
 * connection's own prefix (`Failed to proxy HTTP: Incoming request ended abruptly: context canceled`), or be the
 * request's canceled context alone (`Failed to proxy HTTP: context canceled`).
 */
const CLIENT_GONE = /(?:^|: )(?:Incoming request ended abruptly\b|context canceled$)/;

/** A line of cloudflared's own that no other program writes: a tunnel's start, or a request it failed. */
export function isCloudflaredMark(line: string): boolean {
  return / INF Starting tunnel tunnelID=| ERR (?:Request failed|failed to serve incoming request) error="| ERR {1,2}error="Unable to reach the origin service/.test(line);
}

export class CloudflaredParser extends BaseParser {
  readonly format = 'cloudflared' as const;
  /** The origin's failure logged just before, for the request line that follows it. */
  private origin: { service: string; ray: string } | null = null;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const m = CONSOLE_LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const rest = m[3] as string;
    const failed = FAILED_REQUEST.exec(rest);
    const origin = this.origin;
    this.origin = null;
    if (!failed) {
      const own = ORIGIN_ERROR.exec(rest);
      if (own) this.origin = { service: own[1] as string, ray: CF_RAY.exec(rest)?.[1] ?? '' };
      return KIND.other;
    }
    const error = (failed[1] as string).replaceAll('\\"', '"');
    const gone = CLIENT_GONE.test(error);
    const cause: Cause = gone ? 'client-closed' : (causeOfMessage(error) ?? 'upstream-failed');
    const time = parseIsoTime(m[1] as string);
    const dest = DEST.exec(failed[2] as string)?.[1] ?? '';
    return this.accessLine(
      {
        // No status is logged: 502 is what cloudflared answers; a client that went away got none.
        status: gone ? 0 : 502,
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: '',
        method: '',
        path: pathOfUrl(dest),
        requestId: origin?.ray ?? '',
        upstream: origin?.service ?? '',
        connection: '',
        requestTime: Number.NaN,
        signal: { cause, confidence: 'high', decisive: true, evidence: { kind: 'error-log', detail: error } },
        truncatedBy: null,
      },
      false,
    );
  }
}
