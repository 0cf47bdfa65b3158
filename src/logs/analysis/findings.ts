/**
 * Accumulates classifications into bounded summaries: per cause a count, statuses, top routes and upstreams and a
 * few examples; the unknown reasons; the app's top error messages; bodies truncated behind a 2xx/3xx; per file, what
 * the lines of weak verdicts lack (field-gaps.ts).
 */
import type { Classification } from './classify.ts';
import { FieldGaps } from './field-gaps.ts';
import type { Timeline } from './timeline.ts';
import { routeOf, TopK, type Ranked } from './top-k.ts';
import { CAUSES, issuerClassOf, type AccessRecord, type AppStack, type Cause, type Confidence, type LogEvidence, type IssuerClass, type LineOrigin, type LineRef, type UnknownReason } from '../types.ts';

/** Examples kept per cause, and of truncated bodies: the first ones read. */
export const MAX_EXAMPLES = 5;
/** App messages are ranked by their first characters. */
export const APP_MESSAGE_KEY_CHARS = 200;

/** Larger counts first, then in the order of CAUSES. */
export function compareCauses(a: { cause: Cause; count: number }, b: { cause: Cause; count: number }): number {
  return b.count - a.count || CAUSES.indexOf(a.cause) - CAUSES.indexOf(b.cause);
}

/** One classified log entry shown as an example: the request, its times and upstream, the evidence and the app's message. */
export interface Example {
  /** ISO 8601 UTC, '' when the log has no time. */
  time: string;
  status: number;
  method: string;
  path: string;
  client: string;
  requestId: string;
  upstream: string;
  file: string;
  line: number;
  confidence: Confidence;
  evidence: LogEvidence[];
  appMessage: string;
  /** The stack trace the app logged under `appMessage` (first lines only), or null. */
  appStack: AppStack | null;
  /** For a line read inside a wrapper: its container, service or host, and stream. */
  origin?: LineOrigin;
}

/** Everything the report says about one cause: counts, statuses, top routes and upstreams, examples. */
export interface CauseSummary {
  cause: Cause;
  class: IssuerClass;
  count: number;
  byStatus: Record<string, number>;
  topRoutes: Ranked[];
  topUpstreams: Ranked[];
  examples: Example[];
  /** True when top-K tables dropped keys (counts of rare keys are then low). */
  approximate: boolean;
}

export function statusKey(status: number): string {
  return String(status).padStart(3, '0');
}

function exampleOf(record: AccessRecord, ref: LineRef, confidence: Confidence, evidence: LogEvidence[], appMessage: string, appStack: AppStack | null): Example {
  return {
    time: Number.isNaN(record.timeMs) ? '' : new Date(record.timeMs).toISOString(),
    status: record.status,
    method: record.method,
    path: record.path,
    client: record.client,
    requestId: record.requestId,
    upstream: record.upstream,
    file: ref.file,
    line: ref.line,
    confidence,
    evidence,
    appMessage,
    appStack,
    ...(record.origin ? { origin: record.origin } : {}),
  };
}

/**
 * What a verdict stands on: an access entry, an access entry joined with its error-log line, or an error-log line
 * alone (one that stands for its response, as Caddy's does, with no access entry).
 */
export type EntrySource = 'access' | 'access-and-error' | 'error-only';

class CauseStats {
  count = 0;
  readonly byStatus = new Map<number, number>();
  readonly routes = new TopK();
  readonly upstreams = new TopK();
  readonly examples: Example[] = [];
}

export class Findings {
  private readonly causes = new Map<Cause, CauseStats>();
  private readonly timeline: Timeline;
  readonly unknownReasons = new Map<UnknownReason, number>();
  readonly appMessages = new TopK(1000);
  readonly truncated = { count: 0, examples: [] as Example[] };
  readonly correlation = { requestId: 0, timeWindow: 0, errorLog: 0 };
  readonly confidence: Record<Confidence, number> = { high: 0, medium: 0, low: 0 };
  readonly gaps = new FieldGaps();

  constructor(timeline: Timeline) {
    this.timeline = timeline;
  }

  add(record: AccessRecord, ref: LineRef, classification: Classification, source: EntrySource): void {
    let stats = this.causes.get(classification.cause);
    if (!stats) {
      stats = new CauseStats();
      this.causes.set(classification.cause, stats);
    }
    stats.count++;
    stats.byStatus.set(record.status, (stats.byStatus.get(record.status) ?? 0) + 1);
    stats.routes.add(routeOf(record.method, record.path));
    if (record.upstream !== '') stats.upstreams.add(record.upstream);
    if (stats.examples.length < MAX_EXAMPLES) stats.examples.push(exampleOf(record, ref, classification.confidence, classification.evidence, classification.appMessage, classification.appStack));
    if (classification.reason) this.unknownReasons.set(classification.reason, (this.unknownReasons.get(classification.reason) ?? 0) + 1);
    if (classification.appMessage !== '') this.appMessages.add(classification.appMessage.slice(0, APP_MESSAGE_KEY_CHARS));
    if (classification.correlation === 'request-id') this.correlation.requestId++;
    if (classification.correlation === 'time-window') this.correlation.timeWindow++;
    if (source === 'access-and-error') this.correlation.errorLog++;
    this.confidence[classification.confidence]++;
    // The log-setup doctor speaks of access logs' fields.
    if (source !== 'error-only') this.gaps.add(record, ref.file, classification);
    if (!Number.isNaN(record.timeMs)) this.timeline.add(record.timeMs, 1 + CAUSES.indexOf(classification.cause));
  }

  addTruncated(record: AccessRecord, ref: LineRef, evidence: LogEvidence[]): void {
    this.truncated.count++;
    if (this.truncated.examples.length < MAX_EXAMPLES) this.truncated.examples.push(exampleOf(record, ref, 'high', evidence, '', null));
  }

  /** Causes by count, largest first. */
  summaries(top: number): CauseSummary[] {
    return [...this.causes]
      .map(([cause, s]) => ({
        cause,
        class: issuerClassOf(cause),
        count: s.count,
        byStatus: Object.fromEntries([...s.byStatus].toSorted((a, b) => a[0] - b[0]).map(([k, v]) => [statusKey(k), v])),
        topRoutes: s.routes.top(top),
        topUpstreams: s.upstreams.top(top),
        examples: s.examples,
        approximate: s.routes.approximate || s.upstreams.approximate,
      }))
      .toSorted(compareCauses);
  }
}
