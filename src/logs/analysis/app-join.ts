/**
 * Joins application-log lines to the proxy entries that wait for them (5xx, 499, 009): by request id when
 * the app's ids match the proxy's, otherwise by time window + path (+ method), with lower confidence.
 * It also decides whether the absence of an app line means anything: only when the app log covers the
 * entry's time and logs (about) every request.
 */
import type { AccessRecord, AppEvent, AppStack, Confidence, LineRef } from '../types.ts';

export interface AppLink {
  by: 'request-id' | 'time-window';
  confidence: Confidence;
  isError: boolean;
  status: number;
  message: string;
  /** The stack logged with the error line (the same object, complete once the app log is read). */
  stack: AppStack | null;
  ref: LineRef;
}

export interface Waiting {
  record: AccessRecord;
  idLink: AppLink | null;
  windowLink: AppLink | null;
}

/** What the app log can say about one entry. */
export type AppCoverage = 'none' | 'outside' | 'errors-only' | 'covered';

const MAX_WAITING = 300_000;
/** The app must log at least this share of the proxy's requests for a missing line to mean "never reached". */
const EVERY_REQUEST_RATIO = 0.5;

/** The path without its query: app logs often drop it, proxies keep it. */
function pathKey(path: string): string {
  const q = path.search(/[?#]/);
  return q < 0 ? path : path.slice(0, q);
}

function merge(link: AppLink | null, event: AppEvent, ref: LineRef, by: AppLink['by'], confidence: Confidence): AppLink {
  if (!link) return { by, confidence, isError: event.isError, status: event.status, message: event.isError ? event.message : '', stack: event.isError ? event.stack : null, ref };
  if (event.isError && !link.isError) {
    link.message = event.message;
    link.stack = event.stack;
    link.ref = ref;
  }
  link.isError ||= event.isError;
  link.status = Math.max(link.status, event.status);
  return link;
}

export class AppJoin {
  private readonly byId = new Map<string, Waiting>();
  private readonly byPath = new Map<string, Waiting[]>();
  private readonly windowMs: number;
  private waiting = 0;
  appEvents = 0;
  /** App lines that name a request (id, or a status) — the "does the app log every request" numerator. */
  requestLines = 0;
  idLines = 0;
  pathLines = 0;
  idMatches = 0;
  private minTime = Number.POSITIVE_INFINITY;
  private maxTime = Number.NEGATIVE_INFINITY;
  private localTimes = false;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** False when full: the caller classifies the entry without the app log. */
  add(w: Waiting): boolean {
    if (this.waiting >= MAX_WAITING) return false;
    this.waiting++;
    if (w.record.requestId !== '') this.byId.set(w.record.requestId, w);
    const path = pathKey(w.record.path);
    const list = this.byPath.get(path);
    if (list) list.push(w);
    else this.byPath.set(path, [w]);
    return true;
  }

  /** Keeps only these entries waiting (after the others were classified). */
  reset(waiting: Waiting[]): void {
    this.byId.clear();
    this.byPath.clear();
    this.waiting = 0;
    for (const w of waiting) this.add(w);
  }

  onApp(event: AppEvent, ref: LineRef): void {
    this.appEvents++;
    if (event.requestId !== '' || event.status > 0) this.requestLines++;
    if (!Number.isNaN(event.time.ms)) {
      this.minTime = Math.min(this.minTime, event.time.ms);
      this.maxTime = Math.max(this.maxTime, event.time.ms);
      this.localTimes = event.time.local;
    }
    if (event.requestId !== '') {
      this.idLines++;
      const w = this.byId.get(event.requestId);
      if (w) {
        if (!w.idLink) this.idMatches++;
        w.idLink = merge(w.idLink, event, ref, 'request-id', 'high');
      }
    }
    if (event.path !== '') {
      this.pathLines++;
      this.joinByWindow(event, ref);
    }
  }

  private joinByWindow(event: AppEvent, ref: LineRef): void {
    if (Number.isNaN(event.time.ms)) return;
    const candidates = (this.byPath.get(pathKey(event.path)) ?? []).filter((w) => {
      const r = w.record;
      if (event.method !== '' && r.method !== '' && event.method !== r.method) return false;
      const at = r.timeMs + (event.time.local ? r.tzOffsetMin * 60_000 : 0);
      const took = Number.isNaN(r.requestTime) ? 0 : r.requestTime * 1000;
      return event.time.ms >= at - took - this.windowMs && event.time.ms <= at + this.windowMs;
    });
    for (const w of candidates) w.windowLink = merge(w.windowLink, event, ref, 'time-window', candidates.length === 1 ? 'medium' : 'low');
  }

  /** Ids decide when the app's ids matched the proxy's at least once; otherwise time windows do. */
  linkOf(w: Waiting): AppLink | null {
    if (this.idMatches > 0 && w.record.requestId !== '') return w.idLink;
    return w.idLink ?? w.windowLink;
  }

  coverage(record: AccessRecord, requestsInRange: (from: number, to: number) => number): AppCoverage {
    if (this.appEvents === 0) return 'none';
    const at = record.timeMs + (this.localTimes ? record.tzOffsetMin * 60_000 : 0);
    if (!(at >= this.minTime - this.windowMs && at <= this.maxTime + this.windowMs)) return 'outside';
    const joinable = this.idMatches > 0 ? record.requestId !== '' : this.pathLines > 0;
    const shift = this.localTimes ? record.tzOffsetMin * 60_000 : 0;
    const proxyRequests = requestsInRange(this.minTime - shift, this.maxTime - shift);
    return joinable && this.requestLines >= EVERY_REQUEST_RATIO * proxyRequests ? 'covered' : 'errors-only';
  }
}
