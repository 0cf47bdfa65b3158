/** English words of the diagnosis engine: verdicts when no fingerprint speaks, notes about the input, report labels. */

export const enDiagnose = {
  unknownSummary: (status: number | null, responded: boolean) =>
    status !== null
      ? `No fingerprint identifies the component that produced this ${status} response.`
      : responded
        ? 'No fingerprint identifies the component that produced this response, and it does not say its status.'
        : 'No fingerprint explains this failure (no HTTP response came back).',
  inPathHint: (components: string) =>
    ` In the path: ${components}. None of their built-in error pages matched, so the response most likely came from behind them (the application) or from a custom error page.`,
  loggedUnknownSummary: (status: number, components: string) =>
    `The log line shows ${status}, but its own fields do not say who answered: nothing in it shows ${components || 'the component that wrote it'} failing, and nothing that the upstream answered. A log that records the upstream's status (nginx $upstream_status, HAProxy's termination state) or the error log at that time decides it.`,
  loggedProxySummary: (status: number, format: string) =>
    `The log line says the component that wrote it answered ${status} itself (log format ${format}), and why (below): its own fields show the failure on its side, not an answer of the upstream. No fingerprint of httpwhy's knows that log's lines yet, so the component is not named here.`,
  noErrorSummary: (status: number) => `HTTP ${status} is not an error status, so there is nothing to diagnose.`,
  skipped: (count: number) => `${count} more response(s) without an error status are not shown.`,
  genericCauses: ['The component that answered is not one httpwhy knows, or it serves a custom error page.'],
  genericWhere: ['The access and error logs of every proxy, load balancer and application on the path, at the time of the request.'],
  unknownSteps: [
    'Capture the complete response with curl -sv (status line, headers and body), not a screenshot.',
    'Bypass the layers one by one (call the origin directly with the right Host header, then the application port from the proxy host) to find which layer answers this way.',
    'Compare the Server, Via and X-Powered-By headers and the body with what each of your components sends.',
  ],
  note: {
    sentAsSuccess: (status: number) => `The status is ${status}, but the body is this component's page for a request it refused or could not serve: it sends that page with a success status unless configured otherwise, so clients and monitors that check only the status see no failure.`,
    truncated: 'The body is shorter than its Content-Length: the transfer was cut off (or the paste is incomplete).',
    bodyAbsent:
      'The input has no body for this response (HEAD, curl -I, curl --fail or a HAR entry without content). Error pages are the strongest evidence: capture the body with curl -i if you can.',
    ambiguous: (others: string) => `Fingerprints of another component match just as well (${others}), so the confidence is lowered.`,
    kbGeneral: (status: number) => `The causes and places to look are the general ones for ${status} from the status-code knowledge base.`,
    unquoted: 'The body was read from the string the client printed it as (its quotes and escapes decoded).',
    'json-error-field': "The client printed only the error message of the JSON body it got (npm prints the body's error field), so the body's other fields are not shown.",
    dechunked: 'The body was sent with Transfer-Encoding: chunked and pasted with its chunk-size lines; they were removed before matching.',
    compressed:
      'The body is compressed (Content-Encoding) and was pasted as raw bytes, so it cannot be read. Capture it again with curl --compressed, or send Accept-Encoding: identity.',
    rebuilt: (length: number) =>
      `The body was not captured, but its Content-Length (${length} bytes) is exactly the size of the component's own error page for this status and Server header, whose every byte its source fixes; that page was matched in its place, with one step less confidence.`,
    visibleText:
      "The page's markup does not read as the component wrote it (re-indented, or changed on its way into the paste), so its visible words were matched instead, as for text copied from the browser; words can also be a page quoted inside another one, so the confidence is low.",
    clientWords:
      "Read from the client's words, as printed: if they came as the body of a response (a page in the browser, an API's error) rather than from your own client, the server that sent them made this call itself and failed, so that server's upstream is what did not answer.",
    cutJson:
      'The JSON was cut off where the paste ends: it was read up to its last complete field, and nothing after the cut is assumed.',
    impliedStatus: (status: number) =>
      `The error-log line names no status; ${status} is what that proxy answers for the failure it names (its source), so the confidence is one step lower.`,
    partOnly: {
      body: 'Only the response body was given (no status line, no headers): the status comes from its own fields when it names one, and header fingerprints cannot be checked. The full response (curl -i) says more.',
      'page-source':
        'Only the page source was given (no status line, no headers): the status comes from the page, and header fingerprints cannot be checked. The full response (curl -i) says more.',
      'page-text':
        'Only the page text was given (no status line, no headers): the status comes from its words, and header fingerprints cannot be checked. The full response (curl -i) says more.',
      'client-message':
        "Only an HTTP client's error message was given (no status line, no headers): the status comes from the client's words, the body only where the client printed it, and header fingerprints cannot be checked. The full response (curl -i) says more.",
      'log-line':
        "Read from an access log's line, with the log analyzer's parsers (httpwhy logs): no headers and no body, so the status and what the line's own fields say decide. A whole log, with the error log and the app's log, says more (httpwhy logs).",
    },
  },
  verdict: { identified: 'identified', unknown: 'issuer unknown', 'no-error': 'not an error' },
  label: {
    response: 'response',
    entry: (n: number, request: string) => `entry ${n}: ${request}`,
    request: (request: string) => `response to ${request}`,
    logLine: (n: number, request: string) => `log line ${n}${request ? `: ${request}` : ''}`,
    issuer: 'Issued by',
    /** For a client's own report of a failure with no HTTP response (curl's exit code): it names no server component. */
    reporter: 'Reported by (no HTTP response)',
    application: 'the application behind them (or the next hop)',
    applicationBehindOne: 'the application behind it (or the next hop)',
    /** The same with nothing else in the path (a JSON error pasted alone). */
    applicationAlone: 'the application',
    inferred: 'inferred by elimination',
    inferredFromHost: "inferred from the request's host",
    inferredFromClient: 'inferred from the client library',
    confidence: 'confidence',
    path: 'Path',
    issuedHere: 'issued here',
    reportedHere: 'reported here',
    evidence: 'Evidence',
    noStatus: 'no status shown',
    emptyBody: 'empty body',
    requestSentTo: 'request sent to',
    clientLibrary: 'client library:',
    absentHeader: 'no header',
    causes: 'Likely causes',
    where: 'Where to look first',
    next: 'Next steps',
    proxyAnswers: 'A proxy in front would answer',
    statusAlreadySent: 'status already sent, body cut short',
    meaning: 'Status meaning',
    alternatives: 'Also possible',
    seen: 'Seen',
    notes: 'Notes',
    hops: 'Earlier responses',
  },
};
