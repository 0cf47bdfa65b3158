/**
 * Maps proxy error-log messages (nginx, Apache mod_proxy without an AH code, Caddy / Go) and the errno they print to
 * a cause and a phase, from the strings in fingerprints.md §1c, §4, §6 (Apache's AH codes: apache-proxy-codes.ts).
 * Order matters: the first rule that matches wins.
 */
import type { Cause, ErrorPhase } from '../types.ts';

/**
 * PHP's own fatal error, relayed by FastCGI to nginx or logged by Apache's mod_php (`[php7:error] … PHP Parse error:`),
 * or an uncaught exception a framework's logger wrote to stderr (Symfony's and Monolog's `[critical] Uncaught
 * Exception`, `request.CRITICAL: Uncaught PHP Exception`): the script failed.
 */
const PHP_FAILED = /FastCGI sent in stderr: "PHP message: (?:PHP (?:Fatal|Parse) error|[^"]*?(?:\[critical\] Uncaught|\.CRITICAL: Uncaught))|\bPHP (?:Fatal|Parse) error:/;
/** What PHP-FPM's script wrote to stderr, which nginx relays: the app's own words, whatever failure they quote. */
const FASTCGI_STDERR = 'FastCGI sent in stderr:';

const RULES: Array<[RegExp, Cause]> = [
  // First: a PHP error's message often quotes another failure of the app's own (a database's "Connection refused"),
  // which is no failure of the proxy's upstream.
  [PHP_FAILED, 'app-error'],
  [/limiting (?:requests|connections)/, 'load-shed'],
  // nginx's own 500 for its configuration: a rewrite or try_files loop, a named location that does not exist.
  [/rewrite or internal redirection cycle|could not find named location/, 'proxy-config'],
  // Apache's (AH00124 since 2.4, the same words in 2.2): mod_rewrite's rules sent the request round more than
  // LimitInternalRecursion times, and Apache answered 500 itself.
  [/exceeded the limit of \d+ internal redirects due to probable configuration error/, 'proxy-config'],
  [/client prematurely closed|client closed|context canceled/i, 'client-closed'],
  [/no live upstreams|no upstreams available|proxy: \w+: disabled connection for/, 'no-live-upstream'],
  // nginx marks a peer failed (max_fails reached) as it frees it after a failed attempt (ngx_http_upstream_round_robin.c,
  // a warn line); "while connecting" places the failure at the connection, whose own error line may be elsewhere.
  [/upstream server temporarily disabled while connecting to upstream/, 'connect-failed'],
  // nginx and Apache on Windows print Winsock's codes and words: 10060 (WSAETIMEDOUT), 10061 (WSAECONNREFUSED, "actively
  // refused it"), 10054 (WSAECONNRESET, "forcibly closed by the remote host"), 10051 and 10065 (unreachable).
  [/upstream timed out|failed \((?:110|10060):|\(70007\)|deadline exceeded|timeout awaiting|i\/o timeout/i, 'timeout'],
  // Kong's balancer (kong/runloop/balancer): "DNS resolution failed: dns server error: 3 name error".
  [/could not be resolved|no resolver defined|no such host|DNS lookup failure|DNS resolution failed/i, 'dns'],
  [/SSL|TLS handshake|certificate/, 'tls'],
  [/connect\(\) (?:to \S+ )?failed \((?:2|11|13|111|10061):|Connection refused|target machine actively refused it/i, 'refused'],
  [/No route to host|Network is unreachable|Host is unreachable|failed \((?:10051|10065):/i, 'unreachable'],
  [/too big header/, 'header-too-big'],
  [/no valid HTTP\/1\.0 header/, 'non-http-reply'],
  // FastCGI's records in nginx's words when the upstream speaks something else (an HTTP server behind fastcgi_pass):
  // "upstream sent unsupported FastCGI protocol version: 72" (ngx_http_fastcgi_module.c), which nginx answers with 502.
  [/invalid header|invalid chunked|data after final chunk|"Content-Length" and "Transfer-Encoding"|duplicate header|malformed HTTP|invalid response|unsupported FastCGI protocol version|invalid FastCGI record type/i, 'invalid-response'],
  // Go's io.EOF in capitals: a debug line's "eof=0" is no error.
  [/prematurely closed connection|Connection reset by peer|broken pipe|error reading (?:status line|response)|failed \(10054:|forcibly closed by the remote host/i, 'reset'],
  [/\bEOF\b/, 'reset'],
  [/uwsgi.*(?:exception|error)/i, 'app-error'],
];

/**
 * Causes of the errno an error log prints before a message (Apache `(111)Connection refused: …`): Linux errno
 * (ECONNREFUSED, ETIMEDOUT, ECONNRESET, EPIPE, ENETUNREACH, EHOSTUNREACH; ENOENT, EAGAIN, EACCES for a unix
 * socket, as nginx's rules above), APR's (APR_TIMEUP 70007, APR_EOF 70014, apr_errno.h) and Winsock's.
 */
const ERRNO_CAUSES: Record<number, Cause> = {
  2: 'refused',
  11: 'refused',
  13: 'refused',
  111: 'refused',
  110: 'timeout',
  70007: 'timeout',
  104: 'reset',
  32: 'reset',
  70014: 'reset',
  101: 'unreachable',
  113: 'unreachable',
  // Winsock's, as Apache on Windows prints them (`(OS 10061)No connection could be made…`).
  10061: 'refused',
  10060: 'timeout',
  10054: 'reset',
  10053: 'reset',
  10051: 'unreachable',
  10065: 'unreachable',
};

export function causeOfErrno(errno: number): Cause | null {
  return ERRNO_CAUSES[errno] ?? null;
}

const MODSECURITY = /\bModSecurity: /;
/**
 * nginx's info lines about a kept-alive connection between requests (`client closed connection while waiting for
 * request`, `client timed out … while waiting for request`): no request was under way, so no response failed.
 */
const BETWEEN_REQUESTS = /\bwhile waiting for request\b/;

/** The cause of an error-log message, or null when the message is not about a request failure. */
export function causeOfMessage(message: string): Cause | null {
  // ModSecurity's lines (Apache's module, nginx's connector) quote the request's own data, its cookies and arguments:
  // their words ("SSL", "timeout" in a matched value) are no failure of a backend.
  if (MODSECURITY.test(message) || BETWEEN_REQUESTS.test(message)) return null;
  // The script's stderr tells only of the script: a failure it names or nothing (its warnings and notices are none).
  if (message.startsWith(FASTCGI_STDERR)) return PHP_FAILED.test(message) ? 'app-error' : null;
  for (const [pattern, cause] of RULES) if (pattern.test(message)) return cause;
  return null;
}

/**
 * Before or after the response header went to the client. nginx says so in its `while <action>` suffix;
 * Caddy's "aborting with incomplete response" is a body-phase failure (Apache's codes: apache-proxy-codes.ts).
 */
export function phaseOfMessage(message: string): ErrorPhase {
  // The app's own error on FastCGI's stderr tells of the response it sent, when nginx read it: no failure of the body.
  if (message.startsWith(FASTCGI_STDERR)) return /while reading response header/.test(message) ? 'header' : 'none';
  if (/while reading upstream|while sending to client|incomplete response/.test(message)) return 'body';
  if (/while (?:connecting to|sending request to|reading response header from|SSL handshaking to) upstream/.test(message)) return 'header';
  return 'none';
}

/**
 * The upstream address a Go network error names: `dial tcp 10.0.0.5:8080: connect: connection refused` (also a unix
 * socket's), `read tcp 10.0.0.1:5->10.0.0.5:8080: read: connection reset by peer`; '' when none.
 */
export function goErrorAddress(message: string): string {
  return /\bdial (?:tcp|unix) (\S+?):? /.exec(message)?.[1] ?? /->(\S+?): /.exec(message)?.[1] ?? '';
}
