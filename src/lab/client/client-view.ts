/**
 * What a user would paste after `curl -i`: the response as received, followed by curl's error line when curl
 * reports one. The error lines are curl 7.88's own wording (checked against the faulty upstreams directly).
 */
import { headerValue } from '../../diagnose/index.ts';
import { splitResponse, type RawExchange, type SplitResponse } from './raw-http.ts';

/** Body bytes announced by Content-Length but never received; 0 when none are missing or no length was sent. */
export function missingBodyBytes(response: SplitResponse): number {
  const declared = headerValue(response.headers, 'content-length');
  return declared === undefined ? 0 : Math.max(0, Number(declared) - response.body.length);
}

/** The error line curl prints for this exchange, or null when curl would succeed. */
export function curlError(exchange: RawExchange): string | null {
  const response = splitResponse(exchange.bytes);
  if (response) {
    const missing = missingBodyBytes(response);
    return missing > 0 ? `curl: (18) transfer closed with ${missing} bytes remaining to read` : null;
  }
  if (exchange.end === 'timeout') return `curl: (28) Operation timed out after ${exchange.ms} milliseconds with ${exchange.bytes.length} bytes received`;
  if (exchange.bytes.length === 0) return exchange.end === 'reset' ? 'curl: (56) Recv failure: Connection reset by peer' : 'curl: (52) Empty reply from server';
  return exchange.bytes.toString('latin1', 0, 5) === 'HTTP/' ? 'curl: (1) Unsupported HTTP version in response' : 'curl: (1) Received HTTP/0.9 when not allowed';
}

/** The paste: the raw response when there is one, then curl's error line if any. */
export function clientPaste(exchange: RawExchange): string {
  const response = splitResponse(exchange.bytes) ? exchange.bytes.toString('latin1') : '';
  const error = curlError(exchange);
  return error === null ? response : `${response}${response === '' || response.endsWith('\n') ? '' : '\n'}${error}\n`;
}
