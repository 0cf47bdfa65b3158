/**
 * The normalized rows `httpwhy logs --emit ndjson` writes and the ClickHouse table stores: one column list, from
 * which the writer (row-writer.ts) and the DDL (schema.ts) both come. A row is a request (an access-log entry), an
 * upstream-error (an error-log event) or an app event. Request rows carry the verdict facts their host could
 * establish (the proxy's own fields, the error-log event linked to the entry, both joined on the host that has both
 * logs); the app join, which crosses hosts, happens in ClickHouse.
 */
import { VERDICT_FACTS, VERDICT_STATUSES, type FactType, type VerdictFact } from '../logs/index.ts';

export const ROW_KINDS = ['request', 'upstream-error', 'app'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** The verdict facts a request row carries, one column each; an upstream-error row carries the error ones about itself. */
export const ROW_FACTS = [
  'hasSignal',
  'signalCause',
  'signalConfidence',
  'signalDecisive',
  'signalReason',
  'signalKind',
  'signalDetail',
  'hasError',
  'errorPhase',
  'errorCause',
  'errorNamesRequest',
  'errorMessage',
  'errorAppMessage',
  'errorCovered',
] as const satisfies readonly VerdictFact[];
export type RowFact = (typeof ROW_FACTS)[number];

const FACT_DOCS: Record<RowFact, string> = {
  hasSignal: "the proxy's own fields say something about the status (HAProxy termination state, Envoy flags, nginx upstream fields...)",
  signalCause: 'the cause they point to',
  signalConfidence: 'how sure they are',
  signalDecisive: '1 when they decide the verdict alone',
  signalReason: 'why they cannot decide, when they cannot',
  signalKind: 'their evidence kind',
  signalDetail: 'their evidence, as logged',
  hasError: 'request: an error-log event of this host was linked to it; upstream-error: 1',
  errorPhase: 'the event happened before the response header (header), during the body (body), or either (none)',
  errorCause: 'the cause the event names',
  errorNamesRequest: 'the event names a client or connection (else it may be about a neighbouring request)',
  errorMessage: 'the event as logged',
  errorAppMessage: "the app's own text the proxy relayed (FastCGI stderr)",
  errorCovered: "request: the host's proxy error log was being written at its time (its first and last events around it)",
};

/** `signalCause` → `signal_cause`. */
export function factColumn(fact: VerdictFact): string {
  return fact.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const FACT_TYPES: Record<FactType, string> = { string: 'String', number: 'Int64', boolean: 'UInt8' };

export interface Column {
  name: string;
  type: string;
  doc: string;
}

export const COLUMNS: readonly Column[] = [
  { name: 'kind', type: `Enum8(${ROW_KINDS.map((k, i) => `'${k}' = ${i + 1}`).join(', ')})`, doc: 'request, upstream-error or app' },
  { name: 'host', type: 'String', doc: 'the host that emitted the row (--host, default the machine name)' },
  { name: 'file', type: 'String', doc: 'the log file, as given' },
  { name: 'line', type: 'UInt64', doc: 'its line number' },
  { name: 'format', type: 'String', doc: 'the format that read the line' },
  { name: 'time_ms', type: 'Int64', doc: 'epoch ms (with time_local, the wall clock read as UTC); 0 when the line has no time' },
  { name: 'time_local', type: 'UInt8', doc: '1 when the log wrote a wall-clock time without a zone' },
  { name: 'tz_offset_min', type: 'Int16', doc: "request: the logged clock's offset from UTC" },
  { name: 'status', type: 'UInt16', doc: 'request: the status sent (9 for nginx 009, 0 for none); app: the status the app logged' },
  { name: 'client', type: 'String', doc: 'client address' },
  { name: 'method', type: 'String', doc: 'request method' },
  { name: 'path', type: 'String', doc: 'request path with its query' },
  { name: 'route', type: 'String', doc: 'request: method and path with ids as :id' },
  { name: 'request_id', type: 'String', doc: 'request id (the sharding key on a cluster)' },
  { name: 'upstream', type: 'String', doc: 'last upstream address or server tried' },
  { name: 'connection', type: 'String', doc: 'proxy connection number, when logged' },
  { name: 'tcp', type: 'UInt8', doc: 'request: a TCP session proxied without HTTP (Envoy logs "- - -"); it gets a verdict only when its fields say it failed' },
  { name: 'request_time', type: 'Float64', doc: 'request: seconds taken, 0 when not logged' },
  { name: 'request', type: 'String', doc: 'upstream-error: the request line the event names' },
  ...ROW_FACTS.map((fact) => ({ name: factColumn(fact), type: FACT_TYPES[VERDICT_FACTS[fact]], doc: FACT_DOCS[fact] })),
  { name: 'error_file', type: 'String', doc: 'request: the file of the linked error-log event' },
  { name: 'error_line', type: 'UInt64', doc: 'request: its line (0 when none was linked)' },
  { name: 'truncated_kind', type: 'String', doc: 'request: evidence of a body cut short behind a 2xx or 3xx' },
  { name: 'truncated_detail', type: 'String', doc: 'request: its detail' },
  { name: 'app_error', type: 'UInt8', doc: 'app: the line reports an error' },
  { name: 'app_message', type: 'String', doc: 'app: the message' },
  { name: 'app_stack', type: 'Array(String)', doc: 'app: the first lines of the stack trace under it' },
  { name: 'app_stack_omitted', type: 'UInt32', doc: 'app: stack lines not kept' },
];

/**
 * SQL: the request gets a verdict: its status is in the streaming analyzer's table (every 5xx, client-closed, 009,
 * none), and a TCP session only when its own fields say it failed, as the analyzer decides (analysis.ts).
 */
export function verdictSql(): string {
  return `(status >= ${VERDICT_STATUSES.from} OR status IN (${VERDICT_STATUSES.also.join(', ')})) AND (tcp = 0 OR ${factColumn('hasSignal')} = 1)`;
}
