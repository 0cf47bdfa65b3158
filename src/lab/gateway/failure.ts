/**
 * What an upstream failure becomes, as nginx decides it (fingerprints.md §1c): the status the client gets and
 * nginx's own error-log message, so the log analyzer and the diagnosis read the gateway like nginx.
 * undici reports each failure as its own error class or socket error code, which is why the gateway uses it:
 * a FIN before the status line (`other side closed`), an RST (`ECONNRESET`), a parser error, a header overflow
 * and a header timeout all arrive distinct, in the phase they happened.
 */
import { errors } from 'undici';

export interface HeaderFailure {
  /** 502, or 504 for timeouts; the client gets it and the access log records it as `$upstream_status` too. */
  status: 502 | 504;
  message: string;
  /** False when no connection was made (the access log's `uct` is then "-"). */
  connected: boolean;
}

const HEADER = 'while reading response header from upstream';
const CONNECT = 'while connecting to upstream';

/** Linux errno numbers and texts nginx prints for connect() failures. */
const CONNECT_ERRNO: Record<string, string> = {
  ECONNREFUSED: '111: Connection refused',
  EHOSTUNREACH: '113: No route to host',
  ENETUNREACH: '101: Network is unreachable',
};

const codeOf = (error: Error) => (error as NodeJS.ErrnoException).code;

/** The upstream's bytes that broke the parser, as nginx quotes them: at most 32, escaped. */
function quoteBytes(error: Error): string {
  const data = String((error as Error & { data?: unknown }).data ?? '');
  return `${data.slice(0, 32).replace(/[^\x21-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}...`;
}

/** A failure before a complete response header arrived: the gateway answers it itself. */
export function headerFailure(error: Error): HeaderFailure {
  const code = codeOf(error);
  if (code !== undefined && code in CONNECT_ERRNO) return { status: 502, message: `connect() failed (${CONNECT_ERRNO[code]}) ${CONNECT}`, connected: false };
  if (error instanceof errors.ConnectTimeoutError) return { status: 504, message: `upstream timed out (110: Connection timed out) ${CONNECT}`, connected: false };
  if (error instanceof errors.HeadersTimeoutError) return { status: 504, message: `upstream timed out (110: Connection timed out) ${HEADER}`, connected: true };
  if (error instanceof errors.HeadersOverflowError) return { status: 502, message: `upstream sent too big header ${HEADER}`, connected: true };
  if (error instanceof errors.HTTPParserError) {
    // A status line nginx cannot parse (or none at all) is "no valid HTTP/1.0 header"; a bad header line is "invalid header".
    const noStatusLine = /Expected HTTP|status|version/i.test(error.message);
    return { status: 502, message: noStatusLine ? `upstream sent no valid HTTP/1.0 header ${HEADER}` : `upstream sent invalid header: "${quoteBytes(error)}" ${HEADER}`, connected: true };
  }
  if (code === 'ECONNRESET') return { status: 502, message: `recv() failed (104: Connection reset by peer) ${HEADER}`, connected: true };
  if (code === 'EPIPE') return { status: 502, message: 'send() failed (32: Broken pipe) while sending request to upstream', connected: true };
  if (error instanceof errors.SocketError) return { status: 502, message: `upstream prematurely closed connection ${HEADER}`, connected: true };
  return { status: 502, message: `${error.message} ${HEADER}`, connected: true };
}

/** A failure after the header went to the client: the client gets a cut body and only the error log says why. */
export function bodyFailure(error: Error): string {
  const code = codeOf(error);
  if (code === 'ECONNRESET') return 'readv() failed (104: Connection reset by peer) while reading upstream';
  if (error instanceof errors.BodyTimeoutError) return 'upstream timed out (110: Connection timed out) while reading upstream';
  if (error instanceof errors.HTTPParserError) return 'upstream sent invalid chunked response while reading upstream';
  if (error instanceof errors.SocketError || error instanceof errors.ResponseContentLengthMismatchError) return 'upstream prematurely closed connection while reading upstream';
  return `${error.message} while reading upstream`;
}

/** What nginx logs, at info level, when the client leaves before the end of the answer. */
export function clientClosed(headerSent: boolean): string {
  return headerSent
    ? 'client prematurely closed connection while sending to client'
    : `epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too ${HEADER}`;
}
