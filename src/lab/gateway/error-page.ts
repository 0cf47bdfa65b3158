/**
 * The gateway's own answers. Recognisably httpwhy-gateway (a `Server` header and an `<address>` footer that
 * data/fingerprints/httpwhy-gateway.yaml matches), with the request id that leads to the error-log line, and
 * like nginx's pages no word about the upstream's failure: the client learns who failed, the log says why.
 */
import type { OutgoingHttpHeaders } from 'node:http';

export const SERVER_NAME = 'httpwhy-gateway';

export type GatewayStatus = 404 | 429 | 502 | 503 | 504;

const PAGES: Record<GatewayStatus, { title: string; text: (retryAfter: number) => string }> = {
  404: { title: 'Not Found', text: () => 'The gateway has no route for this path.' },
  429: { title: 'Too Many Requests', text: (s) => `The gateway limits the request rate on this route. Retry after ${s} seconds.` },
  502: { title: 'Bad Gateway', text: () => 'The gateway could not get a valid response from the application behind it.' },
  503: { title: 'Service Unavailable', text: (s) => `The gateway is at its limit of requests in progress on this route and turned this one away. Retry after ${s} seconds.` },
  504: { title: 'Gateway Timeout', text: () => 'The application behind the gateway did not answer in time.' },
};

export interface GatewayAnswer {
  status: GatewayStatus;
  reason: string;
  headers: OutgoingHttpHeaders;
  body: string;
}

/** `retryAfter` (seconds) is sent only with 429 and 503. */
export function gatewayAnswer(status: GatewayStatus, requestId: string, retryAfter = 0): GatewayAnswer {
  const page = PAGES[status];
  const body = `<!DOCTYPE html>
<html>
<head><title>${status} ${page.title}</title></head>
<body>
<h1>${status} ${page.title}</h1>
<p>${page.text(retryAfter)}</p>
<p>Request id: ${requestId}</p>
<hr><address>${SERVER_NAME}</address>
</body>
</html>
`;
  const headers: OutgoingHttpHeaders = {
    server: SERVER_NAME,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    ...(status === 429 || status === 503 ? { 'retry-after': String(retryAfter) } : {}),
  };
  return { status, reason: page.title, headers, body };
}
