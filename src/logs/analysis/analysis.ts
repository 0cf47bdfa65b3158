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
export interface AnalysisTap {
  /**
   * Every access entry, with the error-log event linked to it (header phase for a 5xx, 499 or 009; body phase
   * behind a 2xx or 3xx) and the evidence of a body cut short, if any.
   */
  request(record: AccessRecord, ref: LineRef, format: FormatId, linked: LinkedEvent | null, truncated: LogEvidence | null): void;
  error(event: ProxyErrorEvent, ref: LineRef, format: FormatId): void;
  /** An app event; its `stack` may still grow with the lines that follow it. */
  app(event: AppEvent, ref: LineRef, format: FormatId): void;
}

interface Pending {
  waiting: Waiting;
  ref: LineRef;
  error: IndexedEvent | null;
}

/** 1 for the statuses that get a verdict (VERDICT_STATUSES), by status: one load per line on the hot path. */
const NEEDS_VERDICT = Uint8Array.from({ length: 1000 }, (_, status) => (status >= VERDICT_STATUSES.from || (VERDICT_STATUSES.also as readonly number[]).includes(status) ? 1 : 0));

export class Analysis {
  readonly byStatus = new Float64Array(1000);
  requests = 0;
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
  private pending: Pending[] = [];

  /** `holdForApp`: app logs will be read, so entries wait for them. */
  constructor(holdForApp: boolean, windowMs: number, tap: AnalysisTap | null = null) {
    this.holdForApp = holdForApp;
    this.tap = tap;
    this.join = new AppJoin(windowMs);
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
      const record = p.access();
      const ref = { file, line };
      // A TCP session logs no status; only a failed one (its fields say so) is explained.
      const linked = !record.tcp || record.signal ? this.entry(record, ref) : null;
      if (tap) tap.request(record, ref, p.format, linked, null);
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

  /** Links the entry's error-log event and classifies it, now or once the app log is read; returns the event. */
  private entry(record: AccessRecord, ref: LineRef): IndexedEvent | null {
    const error = this.errors.link(record, false);
    if (this.holdForApp) {
      const waiting: Waiting = { record, idLink: null, windowLink: null };
      if (this.join.add(waiting)) {
        this.pending.push({ waiting, ref, error });
        return error;
      }
      this.overflow++;
    }
    this.conclude(record, ref, error, null);
    return error;
  }

  private conclude(record: AccessRecord, ref: LineRef, error: IndexedEvent | null, waiting: Waiting | null): void {
    const verdict = classify({
      record,
      error: error?.event ?? null,
      app: waiting ? this.join.linkOf(waiting) : null,
      coverage: waiting ? this.join.coverage(record, (from, to) => this.timeline.totalBetween(from, to)) : 'none',
    });
    this.verdict(record, ref, verdict, error === null ? 'access' : 'access-and-error');
  }

  /** An error-log line that stands for its response (Caddy's) and that no access entry claimed: that response's verdict. */
  private errorResponse({ event, ref }: IndexedEvent): void {
    const status = event.status ?? 0;
    if (NEEDS_VERDICT[status] !== 1) return;
    const space = event.request.indexOf(' ');
    const record: AccessRecord = {
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
  }

  app(event: AppEvent, ref: LineRef, format: FormatId): void {
    this.join.onApp(event, ref);
    this.tap?.app(event, ref, format);
  }

  /** Classifies waiting entries logged before `beforeMs` (all of them by default). */
  settle(beforeMs = Number.POSITIVE_INFINITY): void {
    const keep: Pending[] = [];
    for (const p of this.pending) {
      if (p.waiting.record.timeMs >= beforeMs) keep.push(p);
      else this.conclude(p.waiting.record, p.ref, p.error, p.waiting);
    }
    this.pending = keep;
    this.join.reset(keep.map((p) => p.waiting));
    for (const stored of this.errors.unclaimedResponses(beforeMs)) this.errorResponse(stored);
  }
}
