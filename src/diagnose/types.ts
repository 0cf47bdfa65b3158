/** Types of the diagnosis engine: what the parsers read, what the fingerprints say, what diagnose() returns. */
import type { Issuer } from '../codes/index.ts';
import type { Confidence } from '../confidence.ts';
import type { NetworkFailureKind } from './network-failure.ts';
import type { Locale } from '../i18n/index.ts';
import type { PastedLogEntry } from '../logs/index.ts';

export type { Confidence } from '../confidence.ts';
export type { NetworkFailureKind } from './network-failure.ts';

/**
 * What the user gave: a whole HTTP message (`http`, curl, HAR, JSON), a response body alone (`body`: a JSON or XML
 * error document without status line and headers), or only a page: its HTML source without the status line and
 * headers (`page-source`), or the words copied from the browser window (`page-text`), or the message an HTTP client or
 * tool printed for an error status (`client-message`: `502 Server Error: Bad Gateway for url: ...`), or the lines
 * of a proxy's or load balancer's access log (`access-log`), whose own fields may say who answered.
 */
export type InputFormat = 'http' | 'curl-verbose' | 'curl-error' | 'client-message' | 'har' | 'cassette' | 'json' | 'body' | 'page-source' | 'page-text' | 'access-log';

/**
 * How much of a response the input holds: the message, or only its body (no headers; the status from the body's own
 * fields), or only the page (no headers; the status read from the page), or a client's message naming the status (no
 * headers; the body only when the client printed it), or a log's line for it (`log-line`: the status and what the
 * log's fields say, no headers, no body).
 */
export type ResponseForm = 'message' | 'body' | 'page-source' | 'page-text' | 'client-message' | 'log-line';

/** One header line as received; names keep their case, lookups ignore it. */
export interface HeaderField {
  name: string;
  value: string;
}

/** A response as pasted. `body` is null when the input did not carry one (HEAD, curl --fail, HAR without content). */
export interface ParsedResponse {
  /** "1.1", "2", "3"; null when the input gave no protocol (JSON). */
  httpVersion: string | null;
  /** null: a page that names no status. */
  status: number | null;
  reason: string;
  headers: HeaderField[];
  body: string | null;
  /** The body is shorter than its Content-Length: the transfer was cut, or the paste is incomplete. */
  truncated: boolean;
  /** For the `body` and `page-*` forms the headers are unknown, not absent; `body` is the body, the page's source or its visible text. */
  form: ResponseForm;
  /**
   * What was done to read the body, or why it cannot be read: chunk framing removed, compressed bytes pasted, the
   * string literal a client printed it as decoded (then it is the body as sent, not a page's words), or only the
   * `error` string of a JSON body a client printed (npm: the answer was JSON with a message of its own).
   */
  bodyNote: 'dechunked' | 'compressed' | 'unquoted' | 'json-error-field' | null;
}

/**
 * A failure the client reported instead of (or after) a response: curl's `curl: (N) message` with its
 * `*` lines, a browser's HAR entry without a response (status 0, Chrome's `_error`), or another client's printout
 * of its network error (Node's ECONNREFUSED, Go's dial error, Python's and Java's exceptions).
 */
export interface ClientFailure {
  tool: 'curl' | 'browser' | 'client';
  /** curl's exit code; null for other clients. */
  exitCode: number | null;
  /** For other clients than curl: the network failure their words name, when they name one. */
  kind: NetworkFailureKind | null;
  message: string;
  /** curl's informational (`*`) lines, which say what happened before the failure. */
  trace: string[];
}

/** An earlier response in the same exchange: 100 Continue, a redirect, a proxy's CONNECT answer. */
export interface Hop {
  status: number;
  reason: string;
  location: string | null;
}

/** One thing to diagnose: a response, a client failure, or both (a response cut short). */
export interface Observation {
  /** "response", or for HAR "entry 3: GET https://example.com/api". */
  label: string;
  response: ParsedResponse | null;
  failure: ClientFailure | null;
  hops: Hop[];
  /** For a `log-line` response: the line, its format and what the log analyzer's verdict table said about it. */
  logged?: PastedLogEntry;
  /**
   * The client that reported the status reaches the server's own port with nothing in between (the kubelet's HTTP
   * probe calls the container on the pod's address): whoever listens there answered.
   */
  directClient?: string;
  /** The host the paste shows the request went to (requested-host.ts), when it names one. */
  requestHost?: string;
  /** Else a public service's own client library the paste names (service-by-host.ts), which calls only that service. */
  requestClient?: { service: string; library: string };
}

export interface ParsedInput {
  format: InputFormat;
  observations: Observation[];
}

/** Options of {@link diagnose}. */
export interface DiagnoseOptions {
  locale?: Locale;
}

/** A component by its display name and the layer it works at (CDN, load balancer, reverse proxy, application...). */
export interface Component {
  component: string;
  layer: Issuer;
}

/** One matched header, body fragment, status or client message, with the fingerprint that gives it meaning. */
export interface ResponseEvidence {
  kind: 'status' | 'reason' | 'header' | 'header-absent' | 'body' | 'client-error' | 'log' | 'request';
  /** Header name for header evidence; for log evidence the log's format, or the kind of fact its fields gave. */
  name: string | null;
  /** The text that matched (shortened), "" for an empty body. */
  value: string;
  fingerprint: string;
  component: string;
  confidence: Confidence;
  source: string;
}

/** A component on the path of a response, outermost first, and whether it issued the response. */
export interface ChainLink extends Component {
  /** `issuer`: produced this response; `in-path`: seen in the headers, so the response passed through it. */
  role: 'issuer' | 'in-path';
}

/** Another component whose own page also matched, with its confidence and what it would mean. */
export interface Alternative extends Component {
  fingerprint: string;
  confidence: Confidence;
  summary: string;
}

/** The status a component in front would answer for a network failure, and the source that says so. */
export interface ProxyAnswer {
  component: string;
  /** null: the status was already sent, so the client gets a truncated body instead of an error status. */
  status: number | null;
  source: string;
}

/** A network failure and what each reverse proxy, load balancer or CDN in front would answer for it. */
export interface NetworkFailureReport {
  kind: NetworkFailureKind;
  /** What a reverse proxy, load balancer or CDN in front would answer for the same failure. */
  proxyAnswers: ProxyAnswer[];
}

/** What the status means in the knowledge base, in the requested language. */
export interface StatusMeaning {
  id: string;
  title: string;
  summary: string;
}

/** What was seen, so an unknown verdict still shows the facts. */
export interface Seen {
  statusLine: string | null;
  headers: HeaderField[];
  /** The start of the body; null when the input carried none. */
  bodyExcerpt: string | null;
  clientError: string | null;
  /** The pasted access-log line the diagnosis read (cut short); null for any other input. */
  logLine: string | null;
}

/**
 * `identified`: a component's own page or failure matched; `inferred`: no page matched, and the application was named
 * by elimination (data/fingerprints/elimination.yaml); `unknown`: the evidence does not decide.
 */
export type Verdict = 'identified' | 'inferred' | 'unknown' | 'no-error';

/** The diagnosis of one response or client failure: the verdict, the issuer and path, the evidence, causes, where to look and next steps. */
export interface Diagnosis {
  label: string;
  verdict: Verdict;
  status: number | null;
  issuer: (Component & { fingerprint: string }) | null;
  confidence: Confidence | null;
  /** Outermost first: CDN, gateway, load balancer, proxy, server, application. */
  chain: ChainLink[];
  summary: string;
  evidence: ResponseEvidence[];
  /** Most likely first. */
  causes: string[];
  whereToLook: string[];
  nextSteps: string[];
  networkFailure: NetworkFailureReport | null;
  /** Other components whose fingerprints also matched, best first. */
  alternatives: Alternative[];
  statusMeanings: StatusMeaning[];
  seen: Seen;
  notes: string[];
  hops: Hop[];
}

/** What {@link diagnose} returns: the input format understood, the language, and one diagnosis per response in the input. */
export interface DiagnosisReport {
  format: InputFormat;
  locale: Locale;
  diagnoses: Diagnosis[];
}
