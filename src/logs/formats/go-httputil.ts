/**
 * The line Go's reverse proxy logs when it cannot get an answer from its backend: net/http/httputil's
 * `ReverseProxy.defaultErrorHandler` logs `http: proxy error: <error>` and answers **502** (`rw.WriteHeader(http.
 * StatusBadGateway)`, go/src/net/http/httputil/reverseproxy.go). Any Go program that proxies with it and sets no
 * ErrorHandler of its own writes it, through the standard logger (`2025/04/01 16:08:55 http: proxy error: dial tcp
 * 127.0.0.1:8123: connect: connection refused`): `tailscale serve`, small home-grown gateways, dev-server proxies.
 * Each line is one request the proxy answered itself with that 502, except `context canceled`, the client gone
 * before the backend answered, to whom nothing was sent.
 */
import type { Buffer } from 'node:buffer';
import { causeOfMessage, goErrorAddress } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { SLASHED_TIME, slashedTime } from './log-time.ts';

const LINE = new RegExp(String.raw`^(?:(${SLASHED_TIME}) )?http: proxy error: (.+)$`);

export class GoHttputilParser extends BaseParser {
  readonly format = 'go-httputil' as const;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    // `h` of `http:` or the first digit of the standard logger's date.
    const first = text.charCodeAt(start);
    if (first !== 0x68 && (first < 0x30 || first > 0x39)) return KIND.none;
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const error = m[2] as string;
    const cause = causeOfMessage(error) ?? 'upstream-failed';
    this.errorEvent = {
      time: slashedTime(m[1]),
      cause,
      phase: 'header',
      message: `http: proxy error: ${error}`,
      client: '',
      request: '',
      connection: '',
      upstream: goErrorAddress(error),
      appMessage: '',
      ...(cause === 'client-closed' ? {} : { status: 502 }),
    };
    return KIND.proxyError;
  }
}
