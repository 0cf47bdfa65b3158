/**
 * Joins application-log lines to the proxy entries that wait for them (5xx, 499, 009): by request id when
 * the app's ids match the proxy's, otherwise by time window + path (+ method), with lower confidence.
 * It also decides whether the absence of an app line means anything: only when the app log covers the
 * entry's time and logs (about) every request.
 */
import { APP_CLOCK_SHIFT_MS, COVERAGE, ID_LINK_CONFIDENCE, LINK_SOURCE, PATH_QUERY_START, WINDOW_CONFIDENCE, WINDOW_MATCH, type CoverageFact, type LinkFact, type WindowFact } from './join-rules.ts';
import { compileExpr, type Evaluator, type Scalar } from './rule-expr.ts';
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
/** App lines kept by request id for entries logged after them (a Heroku stream prints the app's line first). */
const MAX_EARLIER = 100_000;

/** The join rules, compiled on first use (the session checks first that code generation is allowed). */
let compiled: {
  linkSource: Evaluator<LinkFact>;
  coverage: Evaluator<CoverageFact>;
  appClockShift: Evaluator<CoverageFact>;
  windowMatch: Evaluator<WindowFact>;
  windowConfidence: Evaluator<WindowFact>;
} | null = null;
function rules(): NonNullable<typeof compiled> {
  compiled ??= {
    linkSource: compileExpr(LINK_SOURCE),
    coverage: compileExpr(COVERAGE),
    appClockShift: compileExpr(APP_CLOCK_SHIFT_MS),
    windowMatch: compileExpr(WINDOW_MATCH),
    windowConfidence: compileExpr(WINDOW_CONFIDENCE),
  };
  return compiled;
}

/** The path without its query: app logs often drop it, proxies keep it. */
function pathKey(path: string): string {
  const q = path.search(PATH_QUERY_START);
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
  private readonly earlierById = new Map<string, AppLink>();
  private readonly inStream: boolean;
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

  /** `inStream`: app lines share one stream with the access lines (`heroku logs`), so one may precede its entry. */
  constructor(windowMs: number, inStream = false) {
    this.windowMs = windowMs;
    this.inStream = inStream;
  }

  /** False when full: the caller classifies the entry without the app log. */
  add(w: Waiting): boolean {
    if (this.waiting >= MAX_WAITING) return false;
    this.waiting++;
    if (w.record.requestId !== '') {
      this.byId.set(w.record.requestId, w);
      const earlier = this.earlierById.get(w.record.requestId);
      if (earlier && !w.idLink) {
        this.idMatches++;
        w.idLink = earlier;
      }
    }
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
        w.idLink = merge(w.idLink, event, ref, 'request-id', ID_LINK_CONFIDENCE);
      } else if (this.inStream) {
        this.keepEarlier(event, ref);
      }
    }
    if (event.path !== '') {
      this.pathLines++;
      this.joinByWindow(event, ref);
    }
  }

  /** Keeps an app line no entry waits for yet, by its request id, the oldest dropped past MAX_EARLIER. */
  private keepEarlier(event: AppEvent, ref: LineRef): void {
    const link = merge(this.earlierById.get(event.requestId) ?? null, event, ref, 'request-id', ID_LINK_CONFIDENCE);
    this.earlierById.set(event.requestId, link);
    if (this.earlierById.size > MAX_EARLIER) this.earlierById.delete(this.earlierById.keys().next().value as string);
  }

  private joinByWindow(event: AppEvent, ref: LineRef): void {
    if (Number.isNaN(event.time.ms)) return;
    const facts: Record<WindowFact, Scalar> = {
      time: 0,
      tzOffsetMin: 0,
      tookMs: 0,
      method: '',
      eventTime: event.time.ms,
      eventLocal: event.time.local,
      eventMethod: event.method,
      windowMs: this.windowMs,
      candidates: 0,
    };
    const { windowMatch, windowConfidence } = rules();
    const candidates = (this.byPath.get(pathKey(event.path)) ?? []).filter((w) => {
      const r = w.record;
      facts.time = r.timeMs;
      facts.tzOffsetMin = r.tzOffsetMin;
      facts.tookMs = Number.isNaN(r.requestTime) ? 0 : r.requestTime * 1000;
      facts.method = r.method;
      return windowMatch(facts) === true;
    });
    facts.candidates = candidates.length;
    const confidence = windowConfidence(facts) as Confidence;
    for (const w of candidates) w.windowLink = merge(w.windowLink, event, ref, 'time-window', confidence);
  }

  /** Ids decide when the app's ids matched the proxy's at least once; otherwise time windows do (join-rules.ts). */
  linkOf(w: Waiting): AppLink | null {
    const source = rules().linkSource({ idMatchedAnywhere: this.idMatches > 0, hasRequestId: w.record.requestId !== '', idLinked: w.idLink !== null, windowLinked: w.windowLink !== null });
    return source === 'request-id' ? w.idLink : source === 'time-window' ? w.windowLink : null;
  }

  coverage(record: AccessRecord, requestsInRange: (from: number, to: number) => number): AppCoverage {
    const { minTime, maxTime } = this;
    const { coverage, appClockShift } = rules();
    const facts: Record<CoverageFact, Scalar> = {
      idMatchedAnywhere: this.idMatches > 0,
      hasRequestId: record.requestId !== '',
      time: record.timeMs,
      tzOffsetMin: record.tzOffsetMin,
      appEvents: this.appEvents,
      requestLines: this.requestLines,
      pathLines: this.pathLines,
      appFirst: this.minTime,
      appLast: this.maxTime,
      appTimesLocal: this.localTimes,
      windowMs: this.windowMs,
      // Counted only when the rules get that far: it sums the timeline.
      get proxyRequests(): number {
        const shift = appClockShift(this) as number;
        return requestsInRange(minTime - shift, maxTime - shift);
      },
    };
    return coverage(facts) as AppCoverage;
  }
}
