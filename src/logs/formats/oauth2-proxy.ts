/**
 * OAuth2 Proxy's request log (oauth2-proxy/oauth2-proxy pkg/logger, `DefaultRequestLoggingFormat`): `{{.Client}} -
 * {{.RequestID}} - {{.Username}} [{{.Timestamp}}] {{.Host}} {{.RequestMethod}} {{.Upstream}} {{.RequestURI}}
 * {{.Protocol}} {{.UserAgent}} {{.StatusCode}} {{.ResponseSize}} {{.RequestDuration}}`, the URI and agent quoted, the
 * time `2006/01/02 15:04:05` on the proxy's clock; releases before v7 had no request id, and bitly's oauth2_proxy wrote
 * the time as the Common Log Format does.
 * Who made an error status: the upstream field is `-` when OAuth2 Proxy answered itself (its sign-in, callback and
 * auth endpoints), so a 4xx or 5xx there is its own; with an upstream, a 502 or 504 may be the proxy's answer for an upstream it
 * could not reach (logged as `http: proxy error` or `Error proxying to upstream server`), any other 5xx the
 * upstream's.
 */
import type { Buffer } from 'node:buffer';
import type { Signal } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime, SLASHED_TIME, slashedTime } from './log-time.ts';

const LINE =
  new RegExp(String.raw`^(\S+) - (?:(\S+) - )?(\S+) \[(?:(${SLASHED_TIME})|(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}))\] (\S+) ([A-Z]+) (\S+) "((?:[^"\\]|\\.)*)" (\S+) "((?:[^"\\]|\\.)*)" (\d{3}) (\d+) (\d+(?:\.\d+)?)$`);

export function oauth2ProxySignal(status: number, upstream: string): Signal | null {
  if (status < 400) return null;
  const evidence = { kind: 'upstream-fields' as const, detail: `upstream ${upstream}` };
  // Its own endpoints' answers, a refusal (401, 403) as much as a failure.
  if (upstream === '-') return { cause: 'proxy-config', confidence: 'medium', decisive: true, evidence };
  if (status < 500 || status === 502 || status === 504) return null;
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
}

export class OAuth2ProxyParser extends BaseParser {
  readonly format = 'oauth2-proxy' as const;
  private readonly clf = new ClfTime();

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const clf = m[4] === undefined && this.clf.parseText(m[5] as string);
    const status = Number(m[12]);
    const upstream = m[8] as string;
    return this.accessLine(
      {
        status,
        timeMs: clf ? this.clf.ms : slashedTime(m[4]).ms,
        tzOffsetMin: clf ? this.clf.offsetMin : 0,
        client: m[1] as string,
        method: m[7] as string,
        path: m[9] as string,
        requestId: m[2] ?? '',
        upstream: upstream === '-' ? '' : upstream,
        connection: '',
        requestTime: Number(m[14]),
        signal: oauth2ProxySignal(status, upstream),
        truncatedBy: null,
      },
      false,
    );
  }
}
