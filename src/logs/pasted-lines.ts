/**
 * Log lines someone pasted (into `httpwhy diagnose`, an issue, a chat), read as the analyzer reads a log: the format
 * detected from the lines, and each failing request line judged by the same verdict table. A pasted line stands
 * alone, with no app log: what its own fields say decides (HAProxy's termination state, Envoy's response flags, nginx's
 * upstream fields, a load balancer's status details), with the proxy's error-log line for the same request when the
 * paste has one. An error-log line with no access line for its request stands for the response the proxy made
 * (the status it logged, or the one it answers for that failure: formats/error-status.ts). An app's own log says who
 * answered only in the line its server writes per request (formats/app-request-line.ts): that status is the app's.
 */
import { classify, errorRecord, VERDICT_STATUSES } from './analysis/index.ts';
import { detectInput, impliedErrorStatus, isAppFormat, KIND, parsersFor, rejoinRuns, roleOf, type LineParser, type LineView, type ParserOptions } from './formats/index.ts';
import { jsonDocumentAsLines } from './input/index.ts';
import { issuerClassOf, type AccessRecord, type Cause, type Confidence, type FormatId, type IssuerClass, type LogEvidence, type ProxyErrorEvent } from './types.ts';

/** One request line of a paste whose status is an error (400 and up, nginx's 499 and 009). */
export interface PastedLogEntry {
  format: FormatId;
  /** The format of the error-log line joined to this access line (it names the proxy that failed), else null. */
  errorFormat: FormatId | null;
  /** That error-log line as pasted (its context, `server: ...` included, comes after a message that may be long); null when none was joined. */
  errorText: string | null;
  /** 1-based, in the text as given. */
  line: number;
  /** The line as pasted, cut at MAX_SHOWN characters. */
  text: string;
  status: number;
  /** An error-log line's status that the line did not give: the one its proxy answers for that failure. */
  statusImplied: boolean;
  method: string;
  path: string;
  /**
   * Who issued the status as far as the line tells: the proxy that wrote the log, or the app behind it (`app`).
   * `unknown` also for a status the verdict table does not judge (a 4xx: the log does not say who refused).
   */
  issuer: IssuerClass;
  cause: Cause;
  confidence: Confidence;
  evidence: LogEvidence[];
}

/** A paste is read up to here: logs people paste are a few lines, and a hostile one must stay cheap. */
const MAX_LINES = 400;
const MAX_LINE_CHARS = 8 * 1024;
const MAX_SHOWN = 300;

const judged = (status: number) => status >= VERDICT_STATUSES.from || (VERDICT_STATUSES.also as readonly number[]).includes(status);

interface LoggedError extends PastedLine {
  event: ProxyErrorEvent;
  claimed: boolean;
}

/** A request's method and path; a proxy request's absolute URL (`GET http://host/x`) is its path, as one log or the other writes it. */
const requestOf = (method: string, target: string) => `${method} ${target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')}`;

/** The error-log line about the same request (method and path), not yet claimed by another access line. */
function errorFor(record: AccessRecord, errors: readonly LoggedError[]): LoggedError | null {
  const key = requestOf(record.method, record.path);
  const found =
    errors.find((e) => {
      const [method = '', target = ''] = e.event.request.split(' ');
      return !e.claimed && e.event.phase !== 'body' && requestOf(method, target) === key;
    }) ?? null;
  if (found) found.claimed = true;
  return found;
}

/** Where a line is in the paste, and what it is. */
interface PastedLine {
  format: FormatId;
  line: number;
  text: string;
}

/** An access line's entry, judged with the error-log line about its request when the paste has one. */
function entryOf(record: AccessRecord, at: PastedLine, error: LoggedError | null): PastedLogEntry | null {
  const { status, method, path } = record;
  if (record.tcp && !record.signal) return null;
  const base = {
    format: at.format,
    errorFormat: error?.format ?? null,
    errorText: error?.text ?? null,
    line: at.line,
    text: at.text.slice(0, MAX_SHOWN),
    status,
    statusImplied: false,
    method,
    path,
  };
  // A 4xx is not judged: its line does not say who refused, unless an app server wrote it for a request it answered,
  // or the proxy's own fields say it refused itself (Envoy's NR, UAEX, RL flags).
  const { signal } = record;
  if (!judged(status) && signal?.evidence.kind === 'app-status') return { ...base, issuer: 'app', cause: signal.cause, confidence: signal.confidence, evidence: [signal.evidence] };
  const ownRefusal = status >= 400 && signal?.decisive === true && issuerClassOf(signal.cause) === 'proxy';
  if (!judged(status) && !ownRefusal) return status >= 400 ? { ...base, issuer: 'unknown', cause: 'unknown', confidence: 'low', evidence: [] } : null;
  const verdict = classify({ record, error: error?.event ?? null, app: null, coverage: 'none' });
  return { ...base, issuer: issuerClassOf(verdict.cause), cause: verdict.cause, confidence: verdict.confidence, evidence: verdict.evidence };
}

/** An error-log line no access line claimed, as the response its proxy made; null when it names none. */
function errorEntry(error: LoggedError): PastedLogEntry | null {
  const { event } = error;
  const status = event.status ?? (event.phase !== 'body' ? impliedErrorStatus(error.format, event.cause) : null);
  if (status === null) return null;
  const record = errorRecord(event, status);
  const entry = entryOf(record, error, error);
  return entry && { ...entry, errorFormat: null, errorText: null, statusImplied: event.status === undefined };
}

/** The parser among `parsers` that reads the line, and what it read; null when none does. */
function lineParser(parsers: readonly LineParser[], buf: Buffer, latin1: string, start: number, end: number): [LineParser, number] | null {
  for (const parser of parsers) {
    const kind = parser.parse(buf, latin1, start, end);
    if (kind !== KIND.none) return [parser, kind];
  }
  return null;
}

/**
 * The error request lines of a pasted log, in order; empty when the text reads as no proxy's or server's log, nor
 * as an app's log with its server's request lines.
 */
export function readPastedLogLines(text: string): PastedLogEntry[] {
  // A log entry copied as pretty-printed JSON (a console's "copy as JSON", `jq .`): each record on its first line.
  const lines = (jsonDocumentAsLines(text) ?? text).split('\n', MAX_LINES).map((l) => (l.length > MAX_LINE_CHARS ? '' : l.replace(/\r$/, '')));
  const buf = Buffer.from(lines.join('\n'));
  const options: ParserOptions = { appFields: {} };
  const detected = detectInput(buf, true, false, options);
  if (!detected) return [];
  const custom = detected.custom ?? detected.inferred;
  const appRequests = isAppFormat(detected.format);
  const { primary, fallbacks } = parsersFor(detected.format, roleOf(detected.format, detected.errorsOnly, false), { ...options, custom, appRequests }, detected.wrappers);
  const parsers = [primary, ...fallbacks];
  const latin1 = buf.toString('latin1');
  const views: LineView[] = [];
  const lineOf: number[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    const nl = buf.indexOf(10, start);
    const end = nl < 0 ? buf.length : nl;
    if (line.trim() !== '') {
      views.push({ buf, text: latin1, start, end });
      lineOf.push(i + 1);
    }
    start = end + 1;
  });
  const accesses: Array<PastedLine & { record: AccessRecord }> = [];
  const errors: LoggedError[] = [];
  // An entry the paste broke over lines is read whole, as the first of its lines.
  for (const { view, from } of rejoinRuns(views, parsers)) {
    const line = lineOf[from] as number;
    const shown = view.buf.toString('utf8', view.start, view.end);
    const read = lineParser(parsers, view.buf, view.text, view.start, view.end);
    if (read?.[1] === KIND.access) accesses.push({ record: read[0].access(), format: read[0].format, line, text: shown });
    const event = read?.[1] === KIND.proxyError ? read[0].errorEvent : null;
    if (event && read) errors.push({ event, format: read[0].format, line, text: shown, claimed: false });
  }
  const entries = accesses.flatMap((a) => entryOf(a.record, a, judged(a.record.status) ? errorFor(a.record, errors) : null) ?? []);
  const unclaimed = errors.flatMap((e) => (e.claimed ? [] : (errorEntry(e) ?? [])));
  return [...entries, ...unclaimed].toSorted((a, b) => a.line - b.line);
}
