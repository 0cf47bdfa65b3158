/**
 * `httpwhy logs --emit ndjson`: a tap on the streaming analysis that writes one JSON line per request, upstream-error
 * and app event (rows.ts), the way ClickHouse reads `JSONEachRow`. Columns at their default ('', 0) are left out;
 * ClickHouse fills them in. An app event is written once the lines after it are read, so its stack trace is whole.
 */
import {
  errorFacts,
  routeOf,
  verdictFacts,
  type AccessRecord,
  type AnalysisTap,
  type AppEvent,
  type FormatId,
  type LinkedEvent,
  type LineRef,
  type LogEvidence,
  type ProxyErrorEvent,
} from '../logs/index.ts';
import { factColumn, ROW_FACTS, type RowFact, type RowKind } from './rows.ts';

type Row = Record<string, string | number | string[]>;

const FLUSH_CHARS = 1 << 16;
const FACT_COLUMNS = ROW_FACTS.map((fact) => [fact, factColumn(fact)] as const);

/** Epoch ms as an integer: the table keeps milliseconds. */
function timeValue(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.floor(ms);
}

function setFacts(row: Row, facts: Partial<Record<RowFact, string | boolean>>): void {
  for (const [fact, column] of FACT_COLUMNS) {
    const value = facts[fact];
    if (value === true) row[column] = 1;
    else if (typeof value === 'string' && value !== '') row[column] = value;
  }
}

function setText(row: Row, column: string, value: string): void {
  if (value !== '') row[column] = value;
}

export class RowWriter implements AnalysisTap {
  private readonly host: string;
  private readonly out: (chunk: string) => void;
  private buffer = '';
  /** The last app event, written when the next line is read (its stack trace may still grow). */
  private pendingApp: { event: AppEvent; ref: LineRef; format: FormatId } | null = null;
  rows = 0;

  constructor(host: string, out: (chunk: string) => void) {
    this.host = host;
    this.out = out;
  }

  private base(kind: RowKind, ref: LineRef, format: FormatId): Row {
    return { kind, host: this.host, file: ref.file, line: ref.line, format };
  }

  /** An error-log or app event's row: its time, and whether the log wrote it without a zone. */
  private eventBase(kind: RowKind, ref: LineRef, format: FormatId, time: { ms: number; local: boolean }): Row {
    const row = this.base(kind, ref, format);
    const ms = timeValue(time.ms);
    if (ms !== 0) row.time_ms = ms;
    if (time.local) row.time_local = 1;
    return row;
  }

  private write(row: Row): void {
    this.rows++;
    this.buffer += `${JSON.stringify(row)}\n`;
    if (this.buffer.length >= FLUSH_CHARS) this.drain();
  }

  private drain(): void {
    if (this.buffer === '') return;
    this.out(this.buffer);
    this.buffer = '';
  }

  request(record: AccessRecord, ref: LineRef, format: FormatId, linked: LinkedEvent | null, truncated: LogEvidence | null, errorCovered = false): void {
    this.writeApp();
    const row = this.base('request', ref, format);
    const time = timeValue(record.timeMs);
    if (time !== 0) row.time_ms = time;
    if (record.tzOffsetMin !== 0) row.tz_offset_min = record.tzOffsetMin;
    if (record.status !== 0) row.status = record.status;
    if (record.tcp) row.tcp = 1;
    setText(row, 'client', record.client);
    setText(row, 'method', record.method);
    setText(row, 'path', record.path);
    row.route = routeOf(record.method, record.path);
    setText(row, 'request_id', record.requestId);
    setText(row, 'upstream', record.upstream);
    setText(row, 'connection', record.connection);
    if (record.requestTime > 0) row.request_time = record.requestTime;
    setFacts(row, verdictFacts({ record, error: linked?.event ?? null, app: null, coverage: 'none', errorCovered }));
    if (linked) {
      row.error_file = linked.ref.file;
      row.error_line = linked.ref.line;
    }
    if (truncated) {
      row.truncated_kind = truncated.kind;
      setText(row, 'truncated_detail', truncated.detail);
    }
    this.write(row);
  }

  error(event: ProxyErrorEvent, ref: LineRef, format: FormatId): void {
    this.writeApp();
    const row = this.eventBase('upstream-error', ref, format, event.time);
    setText(row, 'client', event.client);
    setText(row, 'request', event.request);
    setText(row, 'connection', event.connection);
    setText(row, 'upstream', event.upstream);
    setFacts(row, errorFacts(event));
    this.write(row);
  }

  app(event: AppEvent, ref: LineRef, format: FormatId): void {
    this.writeApp();
    this.pendingApp = { event, ref, format };
  }

  private writeApp(): void {
    const pending = this.pendingApp;
    if (!pending) return;
    this.pendingApp = null;
    const { event, ref, format } = pending;
    const row = this.eventBase('app', ref, format, event.time);
    setText(row, 'request_id', event.requestId);
    setText(row, 'method', event.method);
    setText(row, 'path', event.path);
    if (event.status !== 0) row.status = event.status;
    if (event.isError) row.app_error = 1;
    setText(row, 'app_message', event.message);
    if (event.stack.lines.length > 0) row.app_stack = event.stack.lines;
    if (event.stack.omitted > 0) row.app_stack_omitted = event.stack.omitted;
    this.write(row);
  }

  /** Writes what is held back: the last app event and the buffer (at the end, and between reads when following). */
  flush(): void {
    this.writeApp();
    this.drain();
  }
}
