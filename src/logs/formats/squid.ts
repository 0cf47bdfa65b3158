/**
 * Squid's native access.log (`logformat squid`, the default: `%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un
 * %Sh/%<a %mt`), as squid-cache/squid@7c20a8a787d1ef399c56515a847610c0f8d12147 src/log/FormatSquidNative.cc writes
 * it: `<epoch s>.<ms> <elapsed ms> <client> <result code>/<status> <bytes> <method> <URL> <user>
 * <hierarchy code>/<server> <content type>`. The time is when the transaction ended; the server is `-` when Squid
 * opened no connection to a peer or origin (`hier.tcpServer` unset); Squid 2 wrote `NONE/-` and `DIRECT/<host>`
 * where Squid 3+ writes `HIER_NONE/-` and `HIER_DIRECT/<ip>`; an ICP timeout prefixes the hierarchy code with
 * `TIMEOUT_`; `log_mime_hdrs on` appends the headers after the content type. Status `000` means no reply was sent
 * (the client left, or its connection ended before a request: `NONE/000 … error:transaction-end-before-headers`).
 * Lines of Squid's `common` and `combined` logformats (CLF plus ` %Ss:%Sh`) are CLF lines, not read here.
 */
import type { Cause, Confidence, Signal } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';

/**
 * Other programs write the format too, less strictly: e2guardian logs a status without padding (`TCP_MISS/0`) and an
 * empty server after the hierarchy code (`DEFAULT_PARENT/ -`); some logs keep whole seconds only (`1579776395 43 …`).
 */
const LINE = /^ *(\d+)(?:\.(\d{3}))? +(-?\d+) (\S+) ([A-Z_]+)\/(\d{1,3}) (\d+) (\S+) (\S+) (\S+) (?:TIMEOUT_)?([A-Z_]+)\/(\S*)(?: (.*))?$/;
/** Hierarchy codes (src/hier_code.h) that name a cache peer (a parent or sibling proxy), not the origin. */
const PEER = /PARENT|SIBLING|CARP|STANDBY_POOL/;

/**
 * Squid's error pages (`X-Squid-Error: ERR_…` in the reply headers `log_mime_hdrs on` logs) that name a cause: DNS and
 * connect failures before any connection, then, once connected (src/http.cc), ERR_READ_TIMEOUT (504), ERR_INVALID_RESP,
 * ERR_READ_ERROR and ERR_ZERO_SIZE_OBJECT (502); ERR_CANNOT_FORWARD when no path was left. Any other is Squid's too.
 */
const SQUID_ERRORS: Record<string, Cause> = {
  ERR_DNS_FAIL: 'dns',
  ERR_CONNECT_FAIL: 'connect-failed',
  ERR_READ_TIMEOUT: 'timeout',
  ERR_LIFETIME_EXP: 'timeout',
  ERR_INVALID_RESP: 'invalid-response',
  ERR_READ_ERROR: 'reset',
  ERR_ZERO_SIZE_OBJECT: 'reset',
  ERR_CANNOT_FORWARD: 'no-live-upstream',
  ERR_SECURE_CONNECT_FAIL: 'tls',
};
/** The reply headers `log_mime_hdrs on` appends (` [request headers] [HTTP/1.1 502 …]`), and Squid's error name in them. */
const REPLY_HEADERS = / \[HTTP\/\d(?:\.\d)? \d{3}[^\]]*\]?$/;
const SQUID_ERROR = /X-Squid-Error: (ERR_[A-Z_]+)(?: (\d+))?/;
/** The errno Squid writes after ERR_CONNECT_FAIL in `X-Squid-Error` (Linux numbering). */
const CONNECT_ERRNO: Record<string, Cause> = { '111': 'refused', '110': 'timeout', '113': 'unreachable', '101': 'unreachable' };

/**
 * Who made a 5xx, from Squid's result code (`%Ss`, src/LogTags.cc), hierarchy code and server (`%Sh/%<a`), and the
 * reply headers when logged. The reply headers name Squid's own page (`X-Squid-Error`), else the server's answer.
 * Without them: no server address means Squid reached no peer or origin and answered with its own page (DNS or
 * connect failure; the line does not say which, so the cause stays generic); a CONNECT to the origin is Squid's
 * answer too (an origin behind a tunnel writes no HTTP status); `_TIMEDOUT` / `_ABORTED` after the result code mark a
 * transaction that failed (LogTags.h; since Squid 6 FwdState::updateAleWithFinalError adds them to Squid's own error
 * pages). A 502, 503 or 504 from a server Squid connected to may be Squid's page (ERR_INVALID_RESP, ERR_READ_TIMEOUT,
 * ERR_SECURE_CONNECT_FAIL…) or the server's, so it stays undecided; a 500 is the server's (the origin's, or the parent proxy's). A 5xx
 * served from the cache (`…HIT`) is a stored answer whose author the line does not name.
 */
export function squidSignal(status: number, result: string, method: string, hierarchy: string, server: string, rest = ''): Signal | null {
  if (status < 500 || result.includes('HIT')) return null;
  const replied = REPLY_HEADERS.exec(rest);
  const named = replied ? SQUID_ERROR.exec(replied[0]) : null;
  const squidError = named?.[1] ?? '';
  const evidence = { kind: 'squid-codes' as const, detail: `${result}/${status} ${hierarchy}/${server}${squidError ? ` ${squidError}` : ''}` };
  const squid = (cause: Cause, confidence: Confidence = 'high'): Signal => ({ cause, confidence, decisive: true, evidence });
  const server5xx = (confidence: Confidence): Signal => ({ cause: status === 503 ? 'app-overload' : 'app-error', confidence, decisive: true, evidence });
  if (squidError) return squid((squidError === 'ERR_CONNECT_FAIL' ? CONNECT_ERRNO[named?.[2] ?? ''] : undefined) ?? SQUID_ERRORS[squidError] ?? 'upstream-failed');
  const timedOut = result.includes('_TIMEDOUT');
  if (server === '-' || (method === 'CONNECT' && !PEER.test(hierarchy))) return squid(timedOut ? 'timeout' : 'upstream-failed');
  if (replied) return server5xx('high');
  if (timedOut) return squid('timeout');
  if (result.includes('_ABORTED')) return squid('upstream-failed', 'medium');
  // A 503 from a server Squid connected to may be Squid's own page too: a TLS handshake to the origin that failed
  // after its TCP connect (ERR_SECURE_CONNECT_FAIL, 503 since Squid 4) is logged with the origin's address.
  if (status === 502 || status === 503 || status === 504) return { cause: status === 504 ? 'timeout' : 'upstream-failed', confidence: 'low', decisive: false, evidence };
  return server5xx('medium');
}

export class SquidParser extends BaseParser {
  readonly format = 'squid' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const first = buf[start];
    if (first !== 0x20 && (first === undefined || first < 0x30 || first > 0x39)) return KIND.none;
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const status = Number(m[6]);
    const method = m[8] as string;
    const server = m[12] as string;
    const elapsed = Number(m[3]);
    return this.accessLine(
      {
        status,
        timeMs: Number(m[1]) * 1000 + Number(m[2] ?? 0),
        tzOffsetMin: 0,
        client: m[4] as string,
        method,
        path: m[9] as string,
        requestId: '',
        upstream: server === '-' ? '' : server,
        connection: '',
        requestTime: elapsed >= 0 ? elapsed / 1000 : Number.NaN,
        signal: status >= 500 ? squidSignal(status, m[5] as string, method, m[11] as string, server, m[13]) : null,
        truncatedBy: null,
        // `000`: no reply was sent, so no status to explain.
        ...(status === 0 ? { tcp: true as const } : {}),
      },
      false,
    );
  }
}
