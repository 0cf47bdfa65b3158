/**
 * Maps proxy error-log messages (nginx, Apache mod_proxy, Caddy / Go) to a cause and a phase, from the
 * strings in fingerprints.md §1c, §4, §6. Order matters: the first rule that matches wins.
 */
import type { Cause, ErrorPhase } from '../types.ts';

const RULES: Array<[RegExp, Cause]> = [
  [/limiting (?:requests|connections)/, 'load-shed'],
  [/client prematurely closed|client closed|context canceled/i, 'client-closed'],
  [/no live upstreams|no upstreams available|AH00940|AH00959/, 'no-live-upstream'],
  [/upstream timed out|failed \(110:|\(70007\)|deadline exceeded|timeout awaiting|i\/o timeout/i, 'timeout'],
  [/could not be resolved|no resolver defined|no such host|DNS lookup failure/i, 'dns'],
  [/SSL|TLS handshake|certificate/, 'tls'],
  [/connect\(\) (?:to \S+ )?failed \((?:2|11|13|111):|Connection refused|AH00957|AH01114|AH01079/i, 'refused'],
  [/No route to host|Network is unreachable|Host is unreachable/i, 'unreachable'],
  [/too big header/, 'header-too-big'],
  [/no valid HTTP\/1\.0 header/, 'non-http-reply'],
  [/invalid header|invalid chunked|data after final chunk|"Content-Length" and "Transfer-Encoding"|duplicate header|malformed HTTP|invalid response/i, 'invalid-response'],
  [/prematurely closed connection|Connection reset by peer|\bEOF\b|broken pipe|AH01102|AH01110|AH01097|error reading (?:status line|response)/i, 'reset'],
  [/FastCGI sent in stderr: "PHP message: PHP (?:Fatal|Parse) error|uwsgi.*(?:exception|error)/i, 'app-error'],
];

/** The cause of an error-log message, or null when the message is not about a request failure. */
export function causeOfMessage(message: string): Cause | null {
  for (const [pattern, cause] of RULES) if (pattern.test(message)) return cause;
  return null;
}

/**
 * Before or after the response header went to the client. nginx says so in its `while <action>` suffix;
 * Apache's AH01110 and Caddy's "aborting with incomplete response" are body-phase failures.
 */
export function phaseOfMessage(message: string): ErrorPhase {
  if (/while reading upstream|while sending to client|AH01110|incomplete response/.test(message)) return 'body';
  if (/while (?:connecting to|sending request to|reading response header from|SSL handshaking to) upstream/.test(message)) return 'header';
  return 'none';
}
