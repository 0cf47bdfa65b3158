/**
 * Log lines someone pasted (into `httpwhy diagnose`, an issue, a chat), read as the analyzer reads a log: the format
 * detected from the lines, and each failing request line judged by the same verdict table. A pasted line stands
 * alone: there is no app log and no error-log line joined to it, so only what the line's own fields say decides
 * (HAProxy's termination state, Envoy's response flags, nginx's upstream fields, a load balancer's status details).
 */
import { classify, VERDICT_STATUSES } from './analysis/index.ts';
import { detectInput, isAppFormat, KIND, parsersFor, roleOf, type LineParser, type ParserOptions } from './formats/index.ts';
import { issuerClassOf, type AccessRecord, type Cause, type Confidence, type FormatId, type IssuerClass, type LogEvidence } from './types.ts';

/** One request line of a paste whose status is an error (400 and up, nginx's 499 and 009). */
export interface PastedLogEntry {
  format: FormatId;
  /** 1-based, in the text as given. */
  line: number;
  /** The line as pasted, cut at MAX_SHOWN characters. */
  text: string;
  status: number;
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

function entryOf(record: AccessRecord, format: FormatId, line: number, text: string): PastedLogEntry | null {
  const { status, method, path } = record;
  if (record.tcp && !record.signal) return null;
  const base = { format, line, text: text.slice(0, MAX_SHOWN), status, method, path };
  if (!judged(status)) return status >= 400 ? { ...base, issuer: 'unknown', cause: 'unknown', confidence: 'low', evidence: [] } : null;
  const verdict = classify({ record, error: null, app: null, coverage: 'none' });
  return { ...base, issuer: issuerClassOf(verdict.cause), cause: verdict.cause, confidence: verdict.confidence, evidence: verdict.evidence };
}

/** The parser among `parsers` that reads the line as an access line, or null. */
function accessParser(parsers: readonly LineParser[], buf: Buffer, latin1: string, start: number, end: number): LineParser | null {
  for (const parser of parsers) {
    const kind = parser.parse(buf, latin1, start, end);
    if (kind === KIND.access) return parser;
    if (kind !== KIND.none) return null;
  }
  return null;
}

/**
 * The error request lines of a pasted log, in order; empty when the text reads as no proxy's or server's access log
 * (an app's own log says nothing about who answered).
 */
export function readPastedLogLines(text: string): PastedLogEntry[] {
  const lines = text.split('\n', MAX_LINES).map((l) => (l.length > MAX_LINE_CHARS ? '' : l.replace(/\r$/, '')));
  const buf = Buffer.from(lines.join('\n'));
  const options: ParserOptions = { appFields: {} };
  const detected = detectInput(buf, true, false, options);
  if (!detected || isAppFormat(detected.format)) return [];
  const custom = detected.custom ?? detected.inferred;
  const { primary, fallbacks } = parsersFor(detected.format, roleOf(detected.format, detected.errorsOnly, false), { ...options, custom }, detected.wrappers);
  const parsers = [primary, ...fallbacks];
  const latin1 = buf.toString('latin1');
  const entries: PastedLogEntry[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    const end = buf.indexOf(10, start) < 0 ? buf.length : buf.indexOf(10, start);
    const parser = line.trim() === '' ? null : accessParser(parsers, buf, latin1, start, end);
    const entry = parser ? entryOf(parser.access(), parser.format, i + 1, line) : null;
    if (entry) entries.push(entry);
    start = end + 1;
  });
  return entries;
}
