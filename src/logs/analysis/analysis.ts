/**
 * The streaming state of one analysis. `access` is the hot path: it counts the status and the minute and
 * materialises a record only for lines that need one (5xx, 499, 009, flagged lines, or a 2xx near a
 * body-phase error), or for every line when a tap watches (the fleet's rows). Entries wait for the app log when one is
 * given, then `settle` classifies them, and the error-log lines that stand for a response no access entry claimed
 * (Caddy's) become verdicts too; each verdict goes to the findings and, when one listens (follow mode's metrics), to
 * `onVerdict`.
 */
import { AppJoin, type Waiting } from './app-join.ts';
import { classify, type Classification } from './classify.ts';
import { ErrorIndex, type IndexedEvent } from './error-index.ts';
import { Findings, type EntrySource } from './findings.ts';
import type { LineParser } from '../formats/index.ts';
import { Timeline } from './timeline.ts';
import { routeOf } from './top-k.ts';
import { VERDICT_STATUSES } from './verdict-rules.ts';
import {
  CAUSES,
  issuerClassOf,
  type AccessRecord,
  type AppEvent,
  type Cause,
  type FormatId,
  type IssuerClass,
  type LineRef,
  type LogEvidence,
  type ProxyErrorEvent,
} from '../types.ts';

/** One classified 5xx, 499 or 009, as handed to a verdict listener (the metrics exporter). */
export interface VerdictEvent {
  /** The access log it came from, as given. */
  file: string;
  status: number;
  cause: Cause;
  issuer: IssuerClass;
  /** Method and path with ids replaced (`GET /users/:id`), as in the report's top routes. */
  route: string;
  /** The last upstream tried, '' when the log does not say. */
  upstream: string;
  /** Seconds, NaN when the log has no timing. */
  requestTime: number;
}

/** An error-log event and where it was read. */
export interface LinkedEvent {
  event: ProxyErrorEvent;
  ref: LineRef;
}

/** Sees every entry and event as the analysis reads it, with what the analysis linked (the fleet domain writes rows from it). */
/** The access record an error-log line stands for when no access line claimed it: the response its proxy made, with `status`. */
export function errorRecord(event: ProxyErrorEvent, status: number): AccessRecord {
  const space = event.request.indexOf(' ');
  return {
    status,
    timeMs: event.time.ms,
    tzOffsetMin: 0,
    client: event.client,
    method: space < 0 ? '' : event.request.slice(0, space),
    path: space < 0 ? event.request : event.request.slice(space + 1),
    requestId: '',
    upstream: event.upstream,
    connection: event.connection,
    requestTime: Number.NaN,
    signal: null,
    truncatedBy: null,
    ...(event.origin ? { origin: event.origin } : {}),
  };
}

export interface AnalysisTap {
  /**
   * Every access entry, with the error-log event linked to it (header phase for a 5xx, 499 or 009; body phase
   * behind a 2xx or 3xx) and the evidence of a body cut short, if any.
   */
  request(record: AccessRecord, ref: LineRef, format: FormatId, linked: LinkedEvent | null, truncated: LogEvidence | null, errorCovered?: boolean): void;
  error(event: ProxyErrorEvent, ref: LineRef, format: FormatId): void;
  /** An app event; its `stack` may still grow with the lines that follow it. */
  app(event: AppEvent, ref: LineRef, format: FormatId): void;
}

interface Pending {
  waiting: Waiting;
  ref: LineRef;
  format: FormatId;
  error: IndexedEvent | null;
}

/** An entry whose error-log event has not been read yet. */
interface Late {
  record: AccessRecord;
  ref: LineRef;
  format: FormatId;
  /** Wall-clock time it was read: a followed log's error line may be appended a moment after its access line. */
  readAtMs: number;
}

/**
 * How long (log time) an entry with no error-log event waits for one. nginx writes the error line first, but where
 * both logs share one stream their lines can arrive swapped (`docker attach`, stdout and stderr merged by a
 * collector); one second is the error index's own resolution, the second one a margin.
 */
const LATE_ERROR_MS = 2000;
/** At most this many entries wait for a late error line; the oldest is decided without it beyond. */
const MAX_LATE = 1000;

/** 1 for the statuses that get a verdict (VERDICT_STATUSES), by status: one load per line on the hot path. */
/** Who wrote an access log, when the user says: `app`, the application server itself (gunicorn, morgan, Tomcat's valve). */
export type LogWriter = 'app';

/**
 * A line the application server wrote for a request it answered: a 5xx no field of the line explains is the
 * application's own, since nothing stood between it and the log (gunicorn's and morgan's default lines are the
 * combined format, with nothing on them that says who wrote them).
 */
function writtenByApp(record: AccessRecord): AccessRecord {
  if (record.signal !== null || record.tcp || record.status < 500) return record;
  const cause = record.status === 503 ? 'app-overload' : 'app-error';
  return { ...record, signal: { cause, confidence: 'medium', decisive: true, evidence: { kind: 'log-writer', detail: '--written-by app' } } };
}

const NEEDS_VERDICT = Uint8Array.from({ length: 1000 }, (_, status) => (status >= VERDICT_STATUSES.from || (VERDICT_STATUSES.also as readonly number[]).includes(status) ? 1 : 0));

/** Where app log lines come from, if anywhere. */
export type AppLines = 'none' | 'own-files' | 'in-stream';

export class Analysis {
  readonly byStatus = new Float64Array(1000);
  requests = 0;
  /** Of the requests, entries that logged no HTTP status: TCP sessions, a proxy's `000` for a client gone first. */
  noStatus = 0;
  readonly timeline = new Timeline(1 + CAUSES.length);
  readonly errors = new ErrorIndex();
  readonly join: AppJoin;
  readonly findings: Findings;
  /** Entries classified without the app log because too many were waiting. */
  overflow = 0;
  /** Called with every verdict; null when nobody listens (the batch analysis). */
  onVerdict: ((verdict: VerdictEvent) => void) | null = null;
  private readonly holdForApp: boolean;
  private readonly tap: AnalysisTap | null;
  /** `--written-by app`: the application server wrote the access lines, so a 5xx no field explains is its own. */
  private readonly writtenByApp: boolean;
  private pending: Pending[] = [];
  private late: Late[] = [];

  /**
   * `appLines`: whether app log lines will be read, so entries wait for them: in their own files (read after the
   * access logs), or in the access lines' own stream (`heroku logs`), where an app line may come before its entry.
   */
  constructor(appLines: AppLines, windowMs: number, tap: AnalysisTap | null = null, writtenBy: LogWriter | null = null) {
    this.holdForApp = appLines !== 'none';
    this.tap = tap;
    this.writtenByApp = writtenBy === 'app';
    this.join = new AppJoin(windowMs, appLines === 'in-stream');
    this.findings = new Findings(this.timeline);
  }

  access(p: LineParser, file: string, line: number): void {
    const status = p.status;
    const byStatus = this.byStatus;
    byStatus[status] = (byStatus[status] as number) + 1;
    this.requests++;
    const t = p.timeMs;
    if (t === t) this.timeline.add(t);
    const tap = this.tap;
    if (NEEDS_VERDICT[status] === 1) {
      const record = this.writtenByApp ? writtenByApp(p.access()) : p.access();
      const ref = { file, line };
      // A TCP session logs no status; only a failed one (its fields say so) is explained.
      if (record.tcp) this.noStatus++;
      if (!record.tcp || record.signal) this.entry(record, ref, p.format);
      else if (tap) tap.request(record, ref, p.format, null, null);
    } else if (p.flagged) {
      const record = p.access();
      const ref = { file, line };
      if (record.truncatedBy) this.findings.addTruncated(record, ref, [record.truncatedBy]);
      if (tap) tap.request(record, ref, p.format, null, record.truncatedBy);
    } else if (this.errors.bodyEvents > 0 && t === t && this.errors.hasBodyEventNear(t, p.tzOffsetMin)) {
      const record = p.access();
      const ref = { file, line };
      const linked = this.errors.link(record, true);
      const truncated: LogEvidence | null = linked ? { kind: 'error-log', detail: linked.event.message } : null;
      if (truncated) this.findings.addTruncated(record, ref, [truncated]);
      if (tap) tap.request(record, ref, p.format, linked, truncated);
    } else if (tap) {
      tap.request(p.access(), { file, line }, p.format, null, null);
    }
  }

  /**
   * Links the entry's error-log event and classifies it, now or once the app log is read. With no app log to wait
   * for, an entry whose event has not been read waits a little for it (LATE_ERROR_MS).
   */
  private entry(record: AccessRecord, ref: LineRef, format: FormatId): void {
    const error = this.errors.link(record, false);
    // An entry without a time cannot meet an error line later (the error index links by time).
    if (error || this.holdForApp || Number.isNaN(record.timeMs)) return this.decide(record, ref, format, error);
    this.decideLate(record.timeMs);
    this.late.push({ record, ref, format, readAtMs: Date.now() });
    if (this.late.length > MAX_LATE) this.decideLate(Number.POSITIVE_INFINITY, this.late.length - MAX_LATE);
  }

  private decide(record: AccessRecord, ref: LineRef, format: FormatId, error: IndexedEvent | null): void {
    if (this.holdForApp) {
      const waiting: Waiting = { record, idLink: null, windowLink: null };
      if (this.join.add(waiting)) {
        this.pending.push({ waiting, ref, format, error });
        return;
      }
      this.overflow++;
    }
    this.conclude(record, ref, format, error, null);
  }

  /** An input was read as far as it goes: the entries still waiting for an error line are decided without it. */
  inputRead(): void {
    this.decideLate(Number.POSITIVE_INFINITY);
  }

  /**
   * Follow mode: the followed files were read as far as they go for now. A proxy appends the error line and the
   * access line to two files, and a poll may see the access line first, so an entry waits LATE_ERROR_MS of wall
   * time for the next polls before it is decided without its error line.
   */
  inputPaused(nowMs = Date.now()): void {
    this.decideLate(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, nowMs - LATE_ERROR_MS);
  }

  /**
   * Decides the waiting entries logged LATE_ERROR_MS or more before `nowMs` (the oldest `count`, at most), and in
   * follow mode only those read at or before `readBy`.
   */
  private decideLate(nowMs: number, count = Number.POSITIVE_INFINITY, readBy = Number.POSITIVE_INFINITY): void {
    const late = this.late;
    let head = 0;
    while (head < late.length && head < count) {
      const entry = late[head] as Late;
      if (nowMs !== Number.POSITIVE_INFINITY && entry.record.timeMs > nowMs - LATE_ERROR_MS) break;
      if (entry.readAtMs > readBy) break;
      head++;
      this.decide(entry.record, entry.ref, entry.format, this.errors.link(entry.record, false));
    }
    if (head > 0) late.splice(0, head);
  }

  /** An error line read after its access line: the entry waiting for it is decided with it. */
  private claimLate(): void {
    for (let i = 0; i < this.late.length; i++) {
      const late = this.late[i] as Late;
      const error = this.errors.link(late.record, false);
      if (!error) continue;
      this.late.splice(i, 1);
      this.decide(late.record, late.ref, late.format, error);
      return;
    }
  }

  private conclude(record: AccessRecord, ref: LineRef, format: FormatId, error: IndexedEvent | null, waiting: Waiting | null): void {
    const errorCovered = this.errors.covers(record, ref.file);
    this.tap?.request(record, ref, format, error, null, errorCovered);
    const verdict = classify({
      record,
      error: error?.event ?? null,
      app: waiting ? this.join.linkOf(waiting) : null,
      coverage: waiting ? this.join.coverage(record, (from, to) => this.timeline.totalBetween(from, to)) : 'none',
      errorCovered,
    });
    this.verdict(record, ref, verdict, error === null ? 'access' : 'access-and-error');
  }

  /** An error-log line that stands for its response (Caddy's) and that no access entry claimed: that response's verdict. */
  private errorResponse({ event, ref }: IndexedEvent): void {
    const status = event.status ?? 0;
    if (NEEDS_VERDICT[status] !== 1) return;
    const record = errorRecord(event, status);
    this.verdict(record, ref, classify({ record, error: event, app: null, coverage: 'none' }), 'error-only');
  }

  private verdict(record: AccessRecord, ref: LineRef, verdict: Classification, source: EntrySource): void {
    this.findings.add(record, ref, verdict, source);
    if (this.onVerdict) {
      const { status, method, path, upstream, requestTime } = record;
      this.onVerdict({ file: ref.file, status, cause: verdict.cause, issuer: issuerClassOf(verdict.cause), route: routeOf(method, path), upstream, requestTime });
    }
  }

  proxyError(event: ProxyErrorEvent, ref: LineRef, format: FormatId): void {
    this.errors.add(event, ref);
    this.tap?.error(event, ref, format);
    if (this.late.length > 0) this.claimLate();
  }

  app(event: AppEvent, ref: LineRef, format: FormatId): void {
    this.join.onApp(event, ref);
    this.tap?.app(event, ref, format);
  }

  /** Classifies the entries waiting for the app log logged before `beforeMs` (all by default), and every entry waiting for an error line. */
  settle(beforeMs = Number.POSITIVE_INFINITY): void {
    // Follow mode settles every few seconds (a `beforeMs`): an entry read in the last moments may still meet the
    // error line its proxy appends to the other file.
    if (beforeMs === Number.POSITIVE_INFINITY) this.decideLate(Number.POSITIVE_INFINITY);
    else this.inputPaused();
    const keep: Pending[] = [];
    for (const p of this.pending) {
      if (p.waiting.record.timeMs >= beforeMs) keep.push(p);
      else this.conclude(p.waiting.record, p.ref, p.format, p.error ?? this.errors.link(p.waiting.record, false), p.waiting);
    }
    this.pending = keep;
    this.join.reset(keep.map((p) => p.waiting));
    for (const stored of this.errors.unclaimedResponses(beforeMs)) this.errorResponse(stored);
  }
}
