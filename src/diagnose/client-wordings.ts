/**
 * Reads the one line an HTTP client or tool prints when a request got an error status, in that tool's own wording:
 * - Python requests `502 Server Error: Bad Gateway for url: https://...` (models.py `raise_for_status`), urllib
 *   `HTTP Error 503: Service Unavailable`, aiohttp `502, message='Bad Gateway', url=URL('https://...')`, pip
 *   `HTTP error 503 while getting https://...`, Google's API client `<HttpError 403 when requesting <url> returned "…">`;
 * - Spring's `HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable: [<html>...]` (RestTemplate, the
 *   body in `[...]` or `"..."`) and `WebClientResponseException$BadGateway: 502 Bad Gateway from GET https://...`;
 * - OpenFeign's `FeignException$BadGateway: [502 Bad Gateway] during [POST] to [http://...] [Client#call()]: [<body>]`;
 * - .NET `Response status code does not indicate success: 502 (Bad Gateway).` and `The remote server returned an
 *   error: (502) Bad Gateway.`, axios `Request failed with status code 502`, request-promise `StatusCodeError: 502 - "<body>"`, Java's HttpURLConnection `Server returned
 *   HTTP response code: 502 for URL: ...`, PHP's Guzzle ``Server error: `GET https://...` resulted in a `502 Bad Gateway`
 *   response``, Python's httpx `Server error '502 Bad Gateway' for url '...'`, Rust's reqwest `HTTP status server error
 *   (502 Bad Gateway) for url (...)`, Go's and web3.js's `429 Too Many Requests: {...}` (the status line, then the JSON body);
 * - a browser console's failed fetch, `GET http://localhost:4200/api 504 (Gateway Timeout)`;
 * - mobile clients: dio, Alamofire, Retrofit, Volley, Ktor, React Native's bundle download; the Servarr apps' `Res: HTTP/1.1 [GET] <url>: 403.Forbidden (78 bytes)`;
 * - Go tools: the go command's `reading <url>: 410 Gone`, `unexpected status code: 502`, docker's `received unexpected HTTP status: 502 Bad Gateway`,
 *   containerd's `unexpected status from GET request to https://...: 502 Bad Gateway`, the AWS SDK for Go v2's
 *   `https response error StatusCode: 403, RequestID: …`, Go API clients' `POST https://api.example.com/v2/x: 422 <message>`;
 * - Google's Python clients (google-api-core) `404 GET https://storage.googleapis.com/…: No such object: …`; PHP's stream
 *   wrapper `file_get_contents(<url>): failed to open stream: HTTP request failed! HTTP/1.0 403 Forbidden`; cargo's
 *   registry client `the remote server responded with an error (status 403 Forbidden): <the registry's words>`;
 * - git `RPC failed; HTTP 502 curl 22 ...` and `unable to access 'https://...': The requested URL returned error: 502`,
 *   urllib3's debug line `https://host:443 "GET /x HTTP/1.1" 403 898`, libcurl's `The requested URL returned error: 403` around other wording (git in another language, pacman),
 *   npm `npm ERR! 502 Bad Gateway - GET https://...`, wget `HTTP request sent, awaiting response... 503 Backend is
 *   unhealthy`, gh `HTTP 502: 502 Bad Gateway (https://api.github.com/...)`, kubectl
 *   `Error from server (ServiceUnavailable): ...`, apt `E: Failed to fetch <url>  503  first byte timeout` (the
 *   status line's code and reason as the server sent them), Composer's `"<url>" file could not be downloaded (HTTP/1.1
 *   404 Not Found)`, pnpm's `ERR_PNPM_FETCH_401  GET <url>: Unauthorized - 401`; and `<url> 503 Service Unavailable` (the code with its own
 *   reason phrase); the kubelet's `Readiness probe failed: HTTP probe failed with statuscode: 503`; container registry
 *   clients' error codes (registry-error.ts).
 * The status is only taken from the place the tool's wording puts it: a port, a line number, a byte count or an exit
 * code elsewhere on the line never counts. A page or JSON printed after the message is the response's body.
 */
import { objectTextAt } from './json-in-prose.ts';
import { kubectlError } from './kubectl-wording.ts';
import { registryError } from './registry-error.ts';
import { isOwnReason, startsWithOwnReason } from './status-in-page.ts';
import { literalAt } from './string-literal.ts';
import type { HeaderField } from './types.ts';
import { URLLIB3_RESPONSE } from '../logs/index.ts';

/** What one tool's message says: the status, its reason phrase, the request when named, and where a body starts. */
export interface ClientErrorLine {
  status: number;
  reason: string;
  method: string | null;
  url: string | null;
  /** A client that calls the server's own port with nothing in between (the kubelet's probe), by name. */
  direct?: string;
  /** Headers the message quotes from the response (npm's `need: <WWW-Authenticate>`). */
  headers?: HeaderField[];
}

interface ClientWording {
  pattern: RegExp;
  read: (m: RegExpExecArray) => ClientErrorLine;
  /** The message carries the body after it on the same line (`: [<html>...`, `: "{...}"`). */
  bodyInline?: boolean;
  /** That body is a Go `%q` string, escapes and all (`"<html>\r\n<head>..."`). */
  bodyQuoted?: boolean;
  /** A further check of the match, where the wording alone is not the tool's own. */
  accept?: (m: RegExpExecArray) => boolean;
  /** The body the rest of the line holds, in the tool's own way of printing it, and whether it was a string literal. */
  bodyAfter?: (after: string) => QuotedBody | null;
}

/** JSON.stringify of a body: a string literal (text or a page), or the object itself, to the line's end. */
function stringifiedBody(after: string): { body: string; unquoted: boolean } | null {
  if (after.startsWith('"')) {
    const literal = literalAt(after, 0);
    return literal ? { body: literal.value, unquoted: true } : null;
  }
  const object = after.trimEnd();
  return object === '' ? null : { body: object, unquoted: false };
}

/** A quoted body's opening quote, after the `: ` its wording's pattern stops before. */
export const QUOTED_BODY_AT = ': '.length;

const line = (status: string | undefined, reason = '', method: string | null = null, url: string | null = null): ClientErrorLine => ({
  status: Number(status),
  reason: reason.trim(),
  method,
  url,
});

/** A URL as a message quotes it; a closing quote, backtick or bracket after it is the message's. */
const URL_TEXT = String.raw`[a-z][\w+.-]*://[^\s'"\x60<>()[\]]+`;
const METHOD = '(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)';

/**
 * A body a tool printed with its message; `jsonErrorField` when the tool printed only the `error` string of the JSON
 * body it got (npm), so the answer was JSON with a message of its own.
 */
export interface QuotedBody {
  body: string;
  unquoted: boolean;
  jsonErrorField?: true;
}

/** npm's message after the URL: the registry's JSON `error` field (npm-registry-fetch lib/errors.js, HttpErrorGeneral). */
function npmErrorField(after: string): QuotedBody | null {
  const m = /^ - ([^\n]*\S)/.exec(after);
  return m?.[1] ? { body: m[1], unquoted: true, jsonErrorField: true } : null;
}

/** Cargo's message after the status: the `detail` of each of the registry's JSON errors, joined (crates-io's Error::Api). */
function registryErrorsField(after: string): QuotedBody | null {
  const rest = restOfLineBody(after);
  return rest ? { ...rest, unquoted: true, jsonErrorField: true } : null;
}

/** The body Guzzle printed on the message's own line after "response:" (up to its "(truncated...)" mark); on the next lines it is read as any body after a message. */
function guzzleBody(after: string): QuotedBody | null {
  const m = /^:[ \t]*([<{][^\n]*?)(?:\s*\(truncated\.\.\.\)|\n|$)/.exec(after);
  return m?.[1] ? { body: m[1], unquoted: false } : null;
}

/**
 * The body after "failed with status N": "Response body: <rest of the line>" (homebridge-ring and many JS clients), or
 * ", response <token>," (GLPI's Slack notifier printing Slack's error word).
 */
function labelledBody(after: string): QuotedBody | null {
  const labelled = /^[.,;]?\s*Response body:\s*([^\n]*\S)/i.exec(after)?.[1] ?? /^,\s*response ([^,\s][^,\n]*?)\s*(?:,|$)/.exec(after)?.[1];
  return labelled ? { body: labelled, unquoted: true } : null;
}

/** An S3-style XML error the message goes on with (`<?xml …?>` or `<Error>` up to `</Error>`), over lines or not. */
function xmlErrorBody(after: string): QuotedBody | null {
  const end = after.indexOf('</Error>');
  return end < 0 ? null : { body: after.slice(0, end + '</Error>'.length), unquoted: false };
}

/** The JSON object the rest of the line opens with, as the client printed it (the body as received). */
/** The rest of the message's line, where a tool prints the server's own words after the status; null when empty. */
function restOfLineBody(after: string): QuotedBody | null {
  const rest = after.split('\n', 1)[0] as string;
  return rest === '' ? null : { body: rest, unquoted: false };
}

function jsonObjectBody(after: string): QuotedBody | null {
  const body = after.startsWith('{') ? objectTextAt(after, 0) : undefined;
  return body === undefined ? null : { body, unquoted: false };
}

const WORDINGS: readonly ClientWording[] = [
  // requests: f"{status} Client Error: {reason} for url: {url}" (also "Server Error").
  { pattern: new RegExp(String.raw`\b(\d{3}) (?:Client|Server) Error: (.{0,200}?) for url: (${URL_TEXT})`), read: (m) => line(m[1], m[2], null, m[3]) },
  // urllib: "HTTP Error %s: %s"; pip: "HTTP error 503 while getting <url>". Raven (Sentry's old Python client) goes on
  // with the URL and the body as a bytes literal: "HTTP Error 413: Request Entity Too Large (url: <url>, body: b'<html>…')".
  {
    pattern: /\bHTTP Error (\d{3}): ((?:(?! \(url: )[^\n"'`]){0,100})/,
    read: (m) => line(m[1], m[2]),
    bodyAfter: (after) => {
      const labelled = /^ \(url: [^,\s]+, body: (?=[bu]?['"])/.exec(after);
      const literal = labelled ? literalAt(after, labelled[0].length) : null;
      return literal ? { body: literal.value, unquoted: true } : null;
    },
  },
  { pattern: new RegExp(String.raw`\bHTTP error (\d{3}) while getting (${URL_TEXT})`), read: (m) => line(m[1], '', 'GET', m[2]) },
  // GNU wget (src/http.c): "HTTP request sent, awaiting response... 503 Backend is unhealthy" (or "Proxy request
  // sent, ..."), the status line's code and reason as the server sent them.
  { pattern: /\b(?:HTTP|Proxy) request sent, awaiting response\.\.\. (\d{3})(?: ([^\n]{1,100}))?/, read: (m) => line(m[1], m[2]?.trim()) },
  // aiohttp ClientResponseError: "{status}, message={message!r}, url={url!r}".
  { pattern: new RegExp(String.raw`\b(\d{3}), message=(?:'([^'\n]{0,200})'|"([^"\n]{0,200})"), url=(?:URL\()?'(${URL_TEXT})'`), read: (m) => line(m[1], m[2] ?? m[3], null, m[4]) },
  // Spring WebClient: "502 Bad Gateway from GET https://...".
  { pattern: new RegExp(String.raw`WebClientResponseException(?:\$\w+)?: (\d{3}) ([^\n]{0,100}?) from ${METHOD} (${URL_TEXT})`), read: (m) => line(m[1], m[2], m[3], m[4]) },
  // Spring RestTemplate: "503 Service Unavailable: [<body>]" (5.x) or ": "<body>"" (6.x), or the status alone; since
  // 6.1 the request between them: `401 Unauthorized on POST request for "<url>": "<body>"`.
  {
    pattern: new RegExp(
      String.raw`(?:HttpClientErrorException|HttpServerErrorException|HttpStatusCodeException|UnknownHttpStatusCodeException|RestClientResponseException)(?:\$\w+)?: (\d{3})((?: (?!on ${METHOD} )[A-Za-z][\w-]*){0,6})(?: on ${METHOD} request for "(${URL_TEXT})")?(?=:|\s|$)`,
    ),
    // m[3] is the lookahead's method, never set.
    read: (m) => line(m[1], m[2], m[4] ?? null, m[5] ?? null),
    bodyInline: true,
  },
  // Spring's RestTemplate before 5 logged the answer before its error handler ran: `GET request for "<url>" resulted in
  // 404 (Not Found); invoking error handler`.
  { pattern: new RegExp(String.raw`\b${METHOD} request for "(${URL_TEXT})" resulted in (\d{3}) \(([^)\n]{0,100})\)`), read: (m) => line(m[3], m[4], m[1], m[2]) },
  // OpenFeign's FeignException: "[502 Bad Gateway] during [POST] to [<url>] [Client#method()]: [<body>]".
  {
    pattern: new RegExp(String.raw`FeignException(?:\$\w+)?: \[(\d{3})(?: ([^\]\n]{0,100}))?\] during \[${METHOD}\] to \[(${URL_TEXT})\](?: \[[^\]\n]{0,200}\])?`),
    read: (m) => line(m[1], m[2], m[3], m[4]),
    bodyInline: true,
  },
  // request-promise's StatusCodeError (request-promise-core lib/errors.js): `${statusCode} - ${JSON.stringify(body)}`.
  { pattern: /\bStatusCodeError: (\d{3}) - (?=["{[])/, read: (m) => line(m[1]), bodyAfter: stringifiedBody },
  // .NET HttpResponseMessage.EnsureSuccessStatusCode.
  // Its reason is the one the server sent, a sentence when an application set its own (NuGet's "The specified API key is invalid, ...").
  // A console that wraps long lines cuts the sentence before its closing parenthesis: the reason is the line's rest then.
  { pattern: /Response status code does not indicate success: (\d{3}) \(([^)\n]{0,200})(?:\)|\s*$)/m, read: (m) => line(m[1], m[2]?.trim()) },
  // The kubelet's HTTP probe (pkg/probe/http/http.go: "HTTP probe failed with statuscode: %d"), as its events show it:
  // it calls the container's port on the pod's address, with no Service, ingress or proxy in between.
  {
    pattern: /\b(?:Liveness|Readiness|Startup) probe failed: HTTP probe failed with statuscode: (\d{3})\b/,
    read: (m) => ({ ...line(m[1]), direct: 'the kubelet\'s HTTP probe' }),
  },
  // The status line's code and reason phrase as sent, then the JSON body as received: Go's `resp.Status` before the body
  // (go-ethereum's rpc HTTPError: "429 Too Many Requests: {...}"), web3.js's `${res.status} ${res.statusText}: ${text}`.
  // Only the status's own reason phrase, and only with a JSON object right after it.
  {
    pattern: /(?:^|[\s:"'`(])([45]\d\d) ([A-Z][A-Za-z' -]{1,40}?):?[ \t]+(?=\{)/,
    accept: (m) => isOwnReason(Number(m[1]), m[2] ?? ''),
    read: (m) => line(m[1], m[2]),
    bodyAfter: jsonObjectBody,
  },
  // The status and reason a storage client quotes before the S3-style XML error it got (rclone's `s3 upload: 503 Slow
  // Down: <?xml …`, Guzzle's and others'): the reason may be the store's own (S3's "Slow Down"), the XML says the rest.
  {
    pattern: /(?:^|[\s:])([45]\d\d) ([A-Z][A-Za-z' -]{1,40}?):[ \t]+(?=<\?xml|<Error>)/,
    read: (m) => line(m[1], m[2]),
    bodyAfter: xmlErrorBody,
  },
  // Rust's reqwest (`Error::status` Display): "HTTP status client error (413 Payload Too Large) for url (https://...)".
  { pattern: new RegExp(String.raw`\bHTTP status (?:client|server) error \((\d{3})(?: ([^)\n]{0,100}))?\) for url \((${URL_TEXT})\)`), read: (m) => line(m[1], m[2], null, m[3]) },
  // The Servarr apps' HttpClient (Sonarr, Radarr, Lidarr, Readarr, Prowlarr): "HTTP Error - Res: HTTP/1.1 [POST]
  // <url>: 403.Forbidden (78 bytes)" (its Trace level without "HTTP Error - "), the status as its number and .NET's
  // HttpStatusCode name, the body after the byte count or on the next line.
  {
    pattern: new RegExp(String.raw`\bRes: HTTP/\d(?:\.\d)? \[${METHOD}\] (${URL_TEXT}): (\d{3})\.([A-Za-z]+) \(\d+ bytes\)`),
    read: (m) => line(m[3], m[4], m[1], m[2]),
    bodyAfter: (after) => {
      const inline = after.trim();
      return /^[[{<]/.test(inline) ? { body: inline, unquoted: false } : null;
    },
  },
  // MLflow's REST client: "API request to endpoint /api/2.0/... failed with error code 400 != 200. Response body: '<body>'",
  // the body in single quotes to the text's last quote.
  {
    pattern: /\bAPI request to endpoint (\S+) failed with error code (\d{3}) != 200\. Response body(?=: ')/,
    read: (m) => line(m[2], '', null, m[1]),
    bodyInline: true,
  },
  // Zed's HTTP client (its extensions' language servers): "status error 403, response: \"{...}\n\"", the body a JSON string.
  { pattern: /\bstatus error (\d{3}), response: (?=")/, read: (m) => line(m[1]), bodyAfter: stringifiedBody },
  // Gradle's HttpErrorStatusCodeException: "Could not GET '<url>'. Received status code 501 from server: HTTPS Required".
  { pattern: /\bReceived status code (\d{3}) from server: ([^\n]{0,100})/, read: (m) => line(m[1], m[2]) },
  // A browser console's line for a failed fetch (Chrome: "GET http://localhost:4200/api/x 504 (Gateway Timeout)", after
  // the script's location or alone, the method left out for a page's own loads; `net::ERR_ABORTED` before the status
  // for a module or resource load): the reason phrase as received.
  {
    pattern: new RegExp(String.raw`(?:^|\s)(?:${METHOD} )?(${URL_TEXT}) (?:net::ERR_[A-Z_]+ )?(\d{3}) \(([^()\n]{0,100})\)\s*$`),
    read: (m) => line(m[3], m[4], m[1] ?? null, m[2]),
  },
  // React Native's BundleDownloader, for the bundle its development server (Metro) refused: "The development server
  // returned response error code: 500", then the URL and the body on lines of their own.
  { pattern: /\bThe development server returned response error code: (\d{3})\b/, read: (m) => line(m[1]) },
  // npm's 401 (npm-registry-fetch's HttpErrorAuthUnknown): "Unable to authenticate, need: <the WWW-Authenticate it got>".
  {
    pattern: /\bUnable to authenticate, need: ([^\n]{1,300})/,
    read: (m) => ({ ...line('401'), headers: [{ name: 'WWW-Authenticate', value: (m[1] ?? '').trim() }] }),
  },
  // Mobile clients: Dart's dio 5 ("...the response has a status code of 502 and RequestOptions.validateStatus was
  // configured to throw...") and 4 ("Http status error [502]"), Alamofire ("Response status code was unacceptable: 502."
  // and its reason's case, `unacceptableStatusCode(code: 502)`, `(502)` in Alamofire 4), Retrofit's HttpException ("HTTP 502 Bad Gateway"),
  // Volley's BasicNetwork ("Unexpected response code 502 for <url>").
  { pattern: /\bthe response has a status code of (\d{3}) and RequestOptions\.validateStatus was configured to throw/, read: (m) => line(m[1]) },
  { pattern: /\bHttp status error \[(\d{3})\]/, read: (m) => line(m[1]) },
  { pattern: /\bResponse status code was unacceptable: (\d{3})\b|\bunacceptableStatusCode\((?:code: )?(\d{3})\)/, read: (m) => line(m[1] ?? m[2]) },
  { pattern: /\bHttpException: HTTP (\d{3})(?: ([^\n]{1,100}))?/, read: (m) => line(m[1], m[2]) },
  { pattern: new RegExp(String.raw`\bUnexpected response code (\d{3}) for (${URL_TEXT})`), read: (m) => line(m[1], '', null, m[2]) },
  // Ktor's response validation: "Server error(POST https://...: 502 Bad Gateway. Text: \"<body>\"" (also Client error).
  {
    pattern: new RegExp(String.raw`\b(?:Server|Client) error\(${METHOD} (${URL_TEXT}): (\d{3}) ([^.\n]{0,100})\. Text: (?=")`),
    read: (m) => line(m[3], m[4], m[1], m[2]),
    bodyAfter: stringifiedBody,
  },
  // Elixir's Tesla client, its Logger middleware's default format: "GET https://host/path -> 403 (38.933 ms)".
  { pattern: new RegExp(String.raw`\b${METHOD} (${URL_TEXT}) -> (\d{3}) \(\d+(?:\.\d+)? ms\)`), read: (m) => line(m[3], '', m[1], m[2]) },
  // axios createError (and SDKs that copied its words, with a colon: "Request failed with status code: 502").
  { pattern: /\bRequest failed with status code:? (\d{3})\b/, read: (m) => line(m[1]) },
  // Many clients' own words for a request or call that got an error status: "Request to <url> failed with status 412.
  // Response body: {...}", "call to URL <url> failed with status 400, response invalid_payload". Only after words
  // that name a request: "failed with status 255" alone is a process's exit status.
  {
    pattern: new RegExp(String.raw`\b(?:[Rr]equest|[Cc]all)(?: to(?: URL)?)? (${URL_TEXT}) failed with (?:HTTP )?status(?: code)?:? (\d{3})\b`),
    read: (m) => line(m[2], '', null, m[1]),
    bodyAfter: labelledBody,
  },
  // containerd: "unexpected status from GET request to <url>: 502 Bad Gateway"; docker: "received unexpected HTTP status: 502 Bad Gateway".
  { pattern: new RegExp(String.raw`\bunexpected status from ${METHOD} request to (${URL_TEXT}): (\d{3})(?: ([^\n]{0,100}))?`), read: (m) => line(m[3], m[4], m[1], m[2]) },
  { pattern: /\breceived unexpected HTTP status: (\d{3})(?: ([^\n]{0,100}))?/, read: (m) => line(m[1], m[2]) },
  // docker login (docker/registry/auth.go): "login attempt to https://registry-1.docker.io/v2/ failed with status: 429 Too Many Requests".
  { pattern: new RegExp(String.raw`\blogin attempt to (${URL_TEXT}) failed with status: (\d{3})(?: ([^\n]{0,100}))?`), read: (m) => line(m[2], m[3], 'GET', m[1]) },
  // Prometheus's remote-write client and the agents that copy it (Grafana Agent, Alloy): "server returned HTTP status
  // 400 Bad Request: <the first line of the body>". Promtail's form repeats the code ("… 429 Too Many Requests (429):
  // …") and is read as the page's words, which its fingerprints expect.
  {
    pattern: /\bserver returned HTTP status (\d{3})(?: ([A-Za-z][A-Za-z' -]{0,60}?))?: (?=\S)/,
    read: (m) => line(m[1], m[2]),
    bodyAfter: restOfLineBody,
  },
  // gRPC-Go's client, when the answer is no gRPC response (internal/transport/http2_client.go): "unexpected HTTP status
  // code received from server: 464 (); malformed header: missing HTTP content-type", the status and reason as sent.
  { pattern: /\bunexpected HTTP status code received from server: (\d{3}) \(([^)\n]{0,100})\)/, read: (m) => line(m[1], m[2]) },
  // docker's registry client (distribution, registry/client/errors.go): "error parsing HTTP 413 response body: <parse error>: %q".
  { pattern: /\berror parsing HTTP (\d{3}) response body: [^\n]{0,300}?(?=: ")/, read: (m) => line(m[1]), bodyInline: true, bodyQuoted: true },
  // Go clients go on with the body they got: "unexpected status code: 413, body: {...}" (langchaingo and others).
  {
    pattern: /\bunexpected (?:HTTP )?status code:? (\d{3})\b/i,
    read: (m) => line(m[1]),
    bodyAfter: (after) => {
      const labelled = /^,? (?:response )?body: (?=\S)/.exec(after);
      return labelled ? restOfLineBody(after.slice(labelled[0].length)) : null;
    },
  },
  // git over HTTP (its curl underneath): "RPC failed; HTTP 502 curl 22 ...", "unable to access '<url>': The requested URL returned error: 502".
  { pattern: /\bRPC failed; HTTP (\d{3}) curl \d+(?: The requested URL returned error: \d{3}\b ?([^\n]{0,100}))?/, read: (m) => line(m[1], m[2]) },
  { pattern: new RegExp(String.raw`unable to access '(${URL_TEXT})': The requested URL returned error: (\d{3})`), read: (m) => line(m[2], '', null, m[1]) },
  // urllib3's debug line for each response it got: the client's record of the status (the log reader's pattern).
  {
    pattern: URLLIB3_RESPONSE,
    read: (m) => line(m[5], '', m[3] ?? null, m[1] === undefined ? null : `${m[1]}://${m[2]}${m[4]?.startsWith('/') ? m[4] : ''}`),
  },
  // libcurl's own message for `-f` / CURLOPT_FAILONERROR (CURLE_HTTP_RETURNED_ERROR), in English whatever the locale
  // of the program around it: git in another language (`fatal: brak dostępu do „<url>”: ...`), pacman (`from <host> :`).
  // Before curl 7.75 the status line's reason phrase follows the code ("502 Proxy Error", Apache's own words).
  { pattern: /\bThe requested URL returned error: ?(\d{3})\b(?: ([^\n]{1,100}))?/, read: (m) => line(m[1], m[2]) },
  // The go command's module fetches (cmd/go/internal/web, modfetch), all GETs: "reading <url>: 410 Gone" and
  // "unexpected status (<url>): 410 Gone", the status with its own reason phrase; "server response: …" on the next line.
  {
    pattern: new RegExp(String.raw`\b(?:reading (${URL_TEXT}):|unexpected status \((${URL_TEXT})\):) (\d{3}) ([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3})(?=\s*$)`),
    read: (m) => line(m[3], m[4], 'GET', m[1] ?? m[2] ?? null),
    accept: (m) => startsWithOwnReason(Number(m[3]), m[4] ?? ''),
  },
  // Many tools and programs (Rust's reqwest errors among them): "<url> 503 Service Unavailable" — the status only with its own reason phrase.
  {
    pattern: new RegExp(String.raw`(${URL_TEXT}):? (\d{3}) ([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3})(?=[:.]?\s*$)`),
    read: (m) => line(m[2], m[3], null, m[1]),
    accept: (m) => startsWithOwnReason(Number(m[2]), m[3] ?? ''),
  },
  // PHP's Guzzle (RequestException::create): "Server error: `GET <url>` resulted in a `502 Bad Gateway` response:", the
  // body (cut) on the lines after.
  // The backticks delimit the URL, which a reporter may have redacted (`https://<bucket>.example.com/`).
  { pattern: new RegExp(String.raw`\b(?:Client|Server) error: \x60${METHOD} ([a-z][\w+.-]*://[^\x60\s]{1,2000})\x60 resulted in a \x60(\d{3})(?: ([^\x60\n]{0,100}))?\x60 response`), read: (m) => line(m[3], m[4], m[1], m[2]), bodyAfter: guzzleBody },
  // Python's httpx (Response.raise_for_status): "Server error '502 Bad Gateway' for url 'https://...'".
  { pattern: new RegExp(String.raw`\b(?:Client|Server) error '(\d{3})(?: ([^'\n]{0,100}))?' for url '(${URL_TEXT})'`), read: (m) => line(m[1], m[2], null, m[3]) },
  // Google's API client for Python (googleapiclient.errors.HttpError's repr): `<HttpError 403 when requesting <url>
  // returned "Rate Limit Exceeded">`, the API's message in quotes (then `. Details: "…"` in newer releases).
  {
    pattern: new RegExp(String.raw`<HttpError (\d{3}) when requesting (${URL_TEXT}) returned "`),
    read: (m) => line(m[1], '', null, m[2]),
    bodyAfter: (after) => {
      const end = after.search(/">|"\. Details: /);
      return end <= 0 ? null : { body: after.slice(0, end), unquoted: true };
    },
  },
  // Java's HttpURLConnection: "Server returned HTTP response code: 502 for URL: https://...".
  { pattern: new RegExp(String.raw`\bServer returned HTTP response code: (\d{3}) for URL:\s+(${URL_TEXT})`), read: (m) => line(m[1], '', null, m[2]) },
  // .NET's WebException (HttpWebRequest, WebClient, PowerShell's Invoke-WebRequest on Windows PowerShell):
  // "The remote server returned an error: (502) Bad Gateway." A server's longer status description goes on after the
  // reason's period ("(403) Forbidden. Please comply with the User-Agent policy: …", Wikimedia's): kept as the body.
  {
    pattern: /\bThe remote server returned an error: \((\d{3})\)(?: ([^.\n]{0,100}))?/,
    read: (m) => line(m[1], m[2]),
    bodyAfter: (after) => (/^\. +\S/.test(after) ? restOfLineBody(after.replace(/^\. +/, '')) : null),
  },
  // apt (apt-pkg/acquire-item.cc "Failed to fetch %s  %s", the http method's "%u  %s" of the status line's code and
  // reason, then the server's address): "E: Failed to fetch <url>  503  Service Unavailable [IP: 1.2.3.4 80]".
  // A cache in front may put a sentence of its own there (apt-cacher-ng: "503  DNS error for hostname …").
  { pattern: new RegExp(String.raw`\bFailed to fetch (${URL_TEXT}) {1,2}(\d{3}) {1,2}([^\n[]{0,300}?)(?: +\[IP: [^\]\n]{0,100}\])?\s*$`), read: (m) => line(m[2], m[3], 'GET', m[1]) },
  // Composer's TransportException: 'The "<url>" file could not be downloaded (HTTP/1.1 404 Not Found)'.
  { pattern: /"([a-z][\w+.-]*:\/\/[^"\s]{1,2000})" file could not be downloaded \(HTTP\/[\d.]+ (\d{3})(?: ([^)\n]{0,200}))?\)?/, read: (m) => line(m[2], m[3]?.trim(), 'GET', m[1]) },
  // pnpm's fetch error (its code names the status): " ERR_PNPM_FETCH_401  GET <url>: Unauthorized - 401".
  { pattern: new RegExp(String.raw`\bERR_PNPM_FETCH_(\d{3}) +${METHOD} (${URL_TEXT}): ([^\n]{0,100}?) - \d{3}\b`), read: (m) => line(m[1], m[4], m[2], m[3]) },
  // Maven's HTTP wagon (maven-resolver, wagon-http): "Return code is: 401, ReasonPhrase: Unauthorized." after the
  // artifact's URL ("Failed to transfer file: <url>. Return code is: …").
  { pattern: new RegExp(String.raw`(?:\b(${URL_TEXT})\. )?Return code is: (\d{3})(?:\s*,\s*ReasonPhrase:\s*([^.\n]{0,100}))?`), read: (m) => line(m[2], m[3], null, m[1] ?? null) },
  // Elasticsearch's low-level Java client (ResponseException): "method [POST], host [https://…], URI [/_bulk…], status
  // line [HTTP/1.1 413 Request Entity Too Large]", the body on the lines after.
  { pattern: /\bmethod \[([A-Z]+)\], host \[([^\]\n]*)\], URI \[([^\]\n]*)\], status line \[HTTP\/[\d.]+ (\d{3})(?: ([^\]\n]{0,100}))?\]/, read: (m) => line(m[4], m[5], m[1], `${m[2]}${m[3]}`) },
  // The AWS SDK for Go v2 (smithy-go OperationError around aws/transport/http ResponseError): "operation error S3:
  // ListObjectsV2, https response error StatusCode: 403, RequestID: …, api error AccessDenied: …", also against
  // S3-compatible stores. The rest of the message (the service, the operation, the error code the service's body named)
  // is kept as the body.
  {
    pattern: /\boperation error (?=[^\n]*?\bhttps response error StatusCode: (\d{3}), RequestID: )/,
    read: (m) => line(m[1]),
    bodyAfter: restOfLineBody,
  },
  // Go API clients' ErrorResponse (go-github, godo, go-gitlab and their kind): "<METHOD> <url>: <status> <the API's
  // message>", godo with its request id in between; the message is kept as the body.
  {
    pattern: new RegExp(String.raw`(?:^|[\s:])${METHOD} (${URL_TEXT}): ([45]\d\d) (?:\(request "[^"\n]{0,100}"\) )?`),
    read: (m) => line(m[3], '', m[1], m[2]),
    bodyAfter: restOfLineBody,
  },
  // Cargo's registry client (the crates-io crate, Error::Api): "the remote server responded with an error (status 403
  // Forbidden): <the registry's errors>", which it prints only for a body of the registry API's JSON errors (their
  // details joined): the registry's own words, kept as the body of a JSON answer.
  {
    pattern: /\bthe remote server responded with an error \(status (\d{3})(?: ([^)\n]{0,60}))?\): /,
    read: (m) => line(m[1], m[2]),
    bodyAfter: registryErrorsField,
  },
  // PHP's http:// stream wrapper (file_get_contents, fopen): "file_get_contents(<url>): failed to open stream: HTTP request
  // failed! HTTP/1.0 403 Forbidden" (ext/standard/http_fopen_wrapper.c, the status line as received; "Failed" since PHP 8).
  {
    pattern: new RegExp(String.raw`(?:\b\w+\((${URL_TEXT})\): )?[Ff]ailed to open stream: HTTP request failed! HTTP\/\d(?:\.\d)? ([1-5]\d\d)(?: ([^\n\\]{0,100}?))?(?=\\r\\n|\s+in \/|\s*$)`, 'm'),
    read: (m) => line(m[2], m[3], null, m[1] ?? null),
  },
  // Google's Python clients (google-api-core's format_http_response_error): "<status> <METHOD> <url>: <the API's message>",
  // behind the exception's class ("google.api_core.exceptions.NotFound: 404 GET https://storage.googleapis.com/…: No
  // such object: …"); the message is kept as the body. Their releases of 2017 wrote "<status> <message> (<METHOD> <url>)".
  {
    pattern: new RegExp(String.raw`(?:^|[\s:])([45]\d\d) ${METHOD} (${URL_TEXT}): `),
    read: (m) => line(m[1], '', m[2], m[3]),
    bodyAfter: restOfLineBody,
  },
  { pattern: new RegExp(String.raw`\b([45]\d\d) ([A-Za-z][^\n()]{0,200}?) \(${METHOD} (${URL_TEXT})\)`), read: (m) => line(m[1], m[2], m[3], m[4]) },
  // GitHub's gh (go-gh HTTPError): "HTTP 502: 502 Bad Gateway (https://api.github.com/...)".
  { pattern: new RegExp(String.raw`\bHTTP (\d{3})(?:: ([^\n]{0,200}?))? \((${URL_TEXT})\)?`), read: (m) => line(m[1], m[2]?.replace(/^\d{3} /, ''), null, m[3]) },
  // npm (npm-registry-fetch): "npm ERR! 502 Bad Gateway - GET https://registry..." (the prefix may be unwrapped already).
  // npm's log prefix repeats the code before the message ("npm ERR! 403 403 Forbidden - PUT ...").
  { pattern: new RegExp(String.raw`(?:^|npm (?:ERR!|error) )(?:\d{3} )?(\d{3}) ([A-Za-z][^\n]{0,100}?) - ${METHOD} (${URL_TEXT})`), read: (m) => line(m[1], m[2], m[3], m[4]), bodyAfter: npmErrorField },
];

export interface ReadLine {
  found: ClientErrorLine;
  inline: string | null;
  quoted: boolean;
  /** The body read from the line itself, when the wording says how. */
  body: QuotedBody | null;
}

/** The first wording of a tool's message the line holds, with what it says and where its body starts, or null. */
export function readLine(text: string): ReadLine | null {
  for (const wording of WORDINGS) {
    const m = wording.pattern.exec(text);
    if (m && (wording.accept?.(m) ?? true)) {
      const after = text.slice(m.index + m[0].length);
      return { found: wording.read(m), inline: wording.bodyInline ? after : null, quoted: wording.bodyQuoted ?? false, body: wording.bodyAfter?.(after) ?? null };
    }
  }
  const kube = kubectlError(text);
  if (kube) return { found: line(String(kube.status), kube.reason), inline: null, quoted: false, body: kube.message === '' ? null : { body: kube.message, unquoted: false } };
  const registry = registryError(text);
  return registry ? { found: registry.found, inline: null, quoted: false, body: { body: registry.body, unquoted: false } } : null;
}

