/**
 * How HTTP clients other than curl say a request got no (complete) response: the words and codes of browsers
 * (Chromium's net::ERR_*), Node.js (libuv's errno names, undici's UND_ERR_*), Go's net/http, Python's socket errors
 * and urllib3/requests/httpx/aiohttp, Java (java.net, Apache HttpClient, OkHttp), .NET's HttpClient and Rust's
 * hyper/reqwest, each read as one of the network failure kinds curl's exit codes name.
 *
 * Sources: Chromium net/base/net_error_list.h; Node.js errors.md (common system errors) and undici's errors.js; Go
 * net/http transport.go and client.go; Python's errno and urllib3's exceptions; .NET's SocketError and HttpClient
 * messages; hyper's error.rs.
 */
import type { NetworkFailureKind } from './network-failure.ts';

interface TransportWording {
  kind: NetworkFailureKind;
  pattern: RegExp;
}

// Order matters: a more specific phase first (a TLS certificate error inside a connect error, a connect timeout before
// a timeout).
const WORDINGS: readonly TransportWording[] = [
  {
    kind: 'tls-certificate',
    pattern:
      /net::ERR_CERT_[A-Z_]+|\b(?:CERT_HAS_EXPIRED|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|ERR_TLS_CERT_ALTNAME_INVALID|CERTIFICATE_VERIFY_FAILED)\b|x509: certificate (?:has expired|signed by unknown authority|is valid for|is not valid for any names|relies on legacy Common Name)|tls: failed to verify certificate|PKIX path building failed|unable to find valid certification path|java\.security\.cert\.CertificateExpiredException|No subject alternative (?:DNS )?names? matching|The remote certificate is invalid/,
  },
  {
    kind: 'tls-handshake',
    pattern:
      /net::ERR_SSL_(?:PROTOCOL_ERROR|VERSION_OR_CIPHER_MISMATCH)|\bSSLV3_ALERT_HANDSHAKE_FAILURE\b|\bWRONG_VERSION_NUMBER\b|remote error: tls: handshake failure|tls: first record does not look like a TLS handshake|http: server gave HTTP response to HTTPS client|javax\.net\.ssl\.SSLHandshakeException|The SSL connection could not be established/,
  },
  {
    kind: 'dns',
    pattern:
      /net::ERR_NAME_NOT_RESOLVED|\b(?:getaddrinfo )?(?:ENOTFOUND|EAI_AGAIN)\b|dial tcp: lookup \S+(?: on \S+)?: (?:no such host|server misbehaving)|\[Errno -[235]\] (?:Name or service not known|Temporary failure in name resolution|No address associated with hostname)|\[Errno 8\] nodename nor servname provided|\[Errno 11001\] getaddrinfo failed|java\.net\.UnknownHostException|No such host is known|dns error: failed to lookup address information/,
  },
  {
    kind: 'unreachable',
    pattern:
      /net::ERR_ADDRESS_UNREACHABLE|\b(?:EHOSTUNREACH|ENETUNREACH)\b|connect: (?:no route to host|network is unreachable)|\[Errno 11[03]\] (?:No route to host|Network is unreachable)|java\.net\.NoRouteToHostException/,
  },
  {
    kind: 'timeout-connect',
    pattern:
      /net::ERR_CONNECTION_TIMED_OUT|\bconnect ETIMEDOUT\b|\bUND_ERR_CONNECT_TIMEOUT\b|dial tcp \S+: (?:i\/o timeout|connect: connection timed out)|\bConnectTimeoutError\b|\(connect timeout=[\d.]+\)|java\.net\.SocketTimeoutException: [Cc]onnect timed out|java\.net\.ConnectException: Connection timed out|connected party did not properly respond after a period of time/,
  },
  {
    kind: 'timeout-response',
    pattern:
      /Client\.Timeout exceeded while awaiting headers|net\/http: timeout awaiting response headers|\bUND_ERR_HEADERS_TIMEOUT\b|Read timed out\. \(read timeout=[\d.]+\)|java\.net\.SocketTimeoutException: Read timed out|The request was canceled due to the configured HttpClient\.Timeout of [\d.]+ seconds elapsing/,
  },
  {
    kind: 'timeout-body',
    pattern: /Client\.Timeout or context cancellation while reading body|\bUND_ERR_BODY_TIMEOUT\b/,
  },
  {
    kind: 'refused',
    pattern:
      /net::ERR_CONNECTION_REFUSED|\bECONNREFUSED\b|connect: connection refused|\[(?:Errno 111|Errno 61|WinError 10061)\]|java\.net\.ConnectException: Connection refused|target machine actively refused it|Connection refused \(os error (?:111|61)\)/,
  },
  {
    kind: 'empty-reply',
    pattern:
      /net::ERR_EMPTY_RESPONSE|Remote end closed connection without response|\bsocket hang up\b|org\.apache\.http\.NoHttpResponseException|unexpected end of stream on |connection closed before message completed|aiohttp\.client_exceptions\.ServerDisconnectedError/,
  },
  {
    kind: 'reset',
    pattern:
      /net::ERR_CONNECTION_RESET|\bECONNRESET\b|connection reset by peer|\[(?:Errno 104|Errno 54|WinError 10054)\]|java\.net\.SocketException: Connection reset|forcibly closed by the remote host/i,
  },
  {
    kind: 'truncated',
    pattern:
      /net::ERR_(?:INCOMPLETE_CHUNKED_ENCODING|CONTENT_LENGTH_MISMATCH)|\bIncompleteRead\(|\bUND_ERR_RES_CONTENT_LENGTH_MISMATCH\b|Premature end of (?:Content-Length delimited message body|chunk coded message body)/,
  },
  {
    kind: 'invalid-response',
    pattern: /net::ERR_INVALID_HTTP_RESPONSE|net\/http: HTTP\/1\.x transport connection broken: malformed HTTP|\bHPE_INVALID_CONSTANT\b|\bBadStatusLine\(/,
  },
  {
    kind: 'http2-stream',
    pattern: /net::ERR_HTTP2_PROTOCOL_ERROR|stream error: stream ID \d+; (?:INTERNAL_ERROR|PROTOCOL_ERROR)/,
  },
];

/**
 * Words that say the failure happened beyond a component that answered: a proxy's or a gateway's log line quoting its
 * dial error ("http: proxy error: dial tcp …", "[HPM] Error occurred while trying to proxy"), a client's proxy or
 * tunnel that failed. The component that wrote them answered the client (a 502 of its own, most often); the
 * client's own failure is not what they show.
 */
const ANSWERED_BEYOND = /proxy|upstream|backend|gateway|tunnel/i;

/**
 * A server's page showing the error it met (a framework's development error page with the call stack, an intercepting
 * proxy's error body): the page's server answered; the failure was its own call's.
 */
const SHOWN_ON_A_PAGE = /\bserver error\b|internal error|stack trace:|exception (?:value|type):|request (?:method|url):|while (?:generating|rendering|processing|handling)\b|\bError \[/i;

/** A transport failure the client printed: its kind and the line that says it. */
export interface TransportFailure {
  kind: NetworkFailureKind;
  line: string;
}

/** Long pastes are a log's or a page's, not a client's printout of its failure. */
const MAX_LINES = 40;

/** The client's network failure in `text`, when a client's own printout says one; null otherwise. */
export function transportFailure(text: string): TransportFailure | null {
  const lines = text.split('\n');
  if (lines.length > MAX_LINES) return null;
  for (const { kind, pattern } of WORDINGS) {
    const line = lines.find((l) => pattern.test(l));
    if (line === undefined) continue;
    if (ANSWERED_BEYOND.test(text) || SHOWN_ON_A_PAGE.test(text)) return null;
    return { kind, line: line.trim() };
  }
  return null;
}

/** The kind of a browser's recorded failure (a HAR entry's `_error`), when its words say one. */
export function browserFailureKind(message: string): NetworkFailureKind | null {
  return WORDINGS.find((w) => w.pattern.test(message))?.kind ?? null;
}
