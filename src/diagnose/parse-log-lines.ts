/**
 * Reads a paste as a proxy's, load balancer's or platform router's access log, with the log analyzer's parsers and
 * verdict table (logs/pasted-lines.ts): one observation per distinct answer among its error lines (format, status,
 * who issued it, why), so three identical HAProxy `SC--` lines make one diagnosis and a 502 beside a 504 two. Tried
 * only when no other reader recognised the paste, or read it as page text that no fingerprint explains.
 */
import { canGenerateCode } from '../code-generation.ts';
import { readPastedLogLines, type PastedLogEntry } from '../logs/index.ts';
import { logLineLabel } from './observation-label.ts';
import type { Observation, ParsedInput } from './types.ts';
import { logLinesOf } from './unwrap-paste.ts';

const MAX_OBSERVATIONS = 5;

/**
 * 5xx first (the failures people ask about), then nginx's 499 and 009; of those, a line whose fields decide before one
 * whose fields do not (the router's line before the app server's own for the same request); in the log's order otherwise.
 */
const rank = ({ status, issuer }: PastedLogEntry) => (status >= 500 ? 0 : 2) + (issuer === 'unknown' ? 1 : 0);
/** A 4xx says nothing about who answered; its lines are shown only when the paste has no worse failure. */
const judged = ({ status }: PastedLogEntry) => status >= 500 || status < 400;

function observationOf(entry: PastedLogEntry): Observation {
  return {
    label: logLineLabel(entry.line, entry.method, entry.path),
    response: { httpVersion: null, status: entry.status, reason: '', headers: [], body: null, truncated: false, form: 'log-line', bodyNote: null },
    failure: null,
    hops: [],
    logged: entry,
  };
}

/** The paste's error lines as observations, or null when it reads as no access log with an error status in it. */
export function parseLogLines(raw: string): ParsedInput | null {
  // The verdict table is compiled to a function at run time; a process that forbids that reads no log lines.
  if (!canGenerateCode()) return null;
  const seen = new Set<string>();
  const distinct = readPastedLogLines(logLinesOf(raw)).filter((e) => {
    const key = `${e.format} ${e.status} ${e.issuer} ${e.cause}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  const worst = distinct.some(judged) ? distinct.filter(judged) : distinct;
  const entries = worst.toSorted((a, b) => rank(a) - rank(b)).slice(0, MAX_OBSERVATIONS);
  return entries.length === 0 ? null : { format: 'access-log', observations: entries.map(observationOf) };
}
