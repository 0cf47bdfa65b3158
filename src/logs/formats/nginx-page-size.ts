/**
 * nginx's own 502, 503 and 504 pages by their size: a line of a format without upstream fields (combined, `main`) still
 * logs `$body_bytes_sent`, and nginx's built-in page for these statuses has a size that only its footer's version and
 * two options change (ngx_http_special_response.c; the same bytes as data/fingerprints/default-pages.yaml, which
 * nginx-page-size.test.ts checks them against; APISIX's signed variant below): the head for the status, then `<hr><center>{server}</center>\r\n
 * </body>\r\n</html>\r\n` with `nginx` (server_tokens off) or `nginx/<version>` (OpenResty's name and version
 * instead), `<body bgcolor="white">` before 1.15.4, and msie_padding's 402 bytes after it for MSIE and Chrome
 * clients. An application rarely answers 502 or 504 with exactly such a body; an nginx behind this one would (it is a
 * proxy too), so the verdict is the proxy's. nginx's own 503 comes from its configuration (limit_req and limit_conn
 * reject with it, `return 503` for a maintenance or a default server with no site, as nginx-proxy's is). Its 500
 * counts only with the padding (PADDED_ONLY): applications answer 500 with bodies of any size.
 */
import type { Signal } from '../types.ts';

/** Bytes of the page's head, from `<html>` to the heading's line end, per status. */
const HEAD_BYTES: Readonly<Record<number, number>> = { 500: 124, 502: 104, 503: 144, 504: 114 };
/**
 * Statuses whose page counts only with msie_padding's 402 bytes after it (a client naming Chrome or MSIE): an
 * application's 500 of exactly the bare page's size is not rare enough to tell them apart; with the padding it is.
 */
const PADDED_ONLY: ReadonlySet<number> = new Set([500]);
/** The tail without its server string. */
const TAIL_BYTES = 41;
/** `<body bgcolor="white">` instead of `<body>` (releases before 1.15.4). */
const BGCOLOR_BYTES = 16;
/** msie_padding, on by default, for clients whose User-Agent names MSIE or Chrome. */
const PADDING_BYTES = 402;
/**
 * `nginx`, and `nginx/1.2.3` to `nginx/1.27.10`; OpenResty's build writes its own name there (`openresty`,
 * `openresty/1.21.4.1`), as Nginx Proxy Manager and Kong's nginx do.
 */
const SERVER_LENGTHS = [5, 11, 12, 13, 14, 9, 18, 19];
/**
 * APISIX's OpenResty build (apisix-runtime, 3.x) signs the same pages with a line before `</body>`, `<p><em>Powered by
 * <a href="https://apisix.apache.org/">APISIX</a>.</em></p>`, after the `openresty` footer (a 502 of 229 bytes in
 * APISIX 3.5.0's answer, apache/apisix#10287).
 */
const APISIX_LINE_BYTES = 75;
const OPENRESTY_BYTES = 'openresty'.length;
/** ngx_http_request.c's tests of the User-Agent for msie_padding. */
const PADDED_CLIENT = /MSIE |Chrome\//;

/** Every size nginx's own page for `status` may have for a client with this User-Agent (undefined: not logged). */
export function nginxPageSizes(status: number, userAgent: string | undefined): number[] {
  const head = HEAD_BYTES[status];
  if (head === undefined) return [];
  const bare = [...SERVER_LENGTHS.flatMap((server) => [head + TAIL_BYTES + server, head + TAIL_BYTES + server + BGCOLOR_BYTES]), head + TAIL_BYTES + OPENRESTY_BYTES + APISIX_LINE_BYTES];
  const padded = bare.map((size) => size + PADDING_BYTES);
  if (PADDED_ONLY.has(status)) return userAgent === undefined || PADDED_CLIENT.test(userAgent) ? padded : [];
  if (userAgent === undefined) return [...bare, ...padded];
  return PADDED_CLIENT.test(userAgent) ? padded : bare;
}

/** nginx answered this 500, 502, 503 or 504 itself when its body is the size of nginx's own page; else null. */
export function nginxPageSignal(status: number, bodyBytes: string | undefined, userAgent: string | undefined): Signal | null {
  if (bodyBytes === undefined || !/^\d+$/.test(bodyBytes)) return null;
  if (!nginxPageSizes(status, userAgent).includes(Number(bodyBytes))) return null;
  return {
    // nginx's own 500 is its configuration's (an auth_request whose subrequest failed, a rewrite cycle).
    cause: status === 504 ? 'timeout' : status === 503 || status === 500 ? 'proxy-config' : 'upstream-failed',
    confidence: 'medium',
    decisive: true,
    evidence: { kind: 'error-page-size', detail: `${status} ${bodyBytes} bytes` },
  };
}
