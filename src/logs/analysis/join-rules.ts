/**
 * The rules of the app-log join, as data beside the verdict table (verdict-rules.ts): which app line an entry
 * gets (by request id or by time window), when a time-window line matches, and what the app log can say about an
 * entry (its coverage). app-join.ts evaluates them while streaming; the fleet domain compiles them to SQL.
 */
import { exprBuilders, type Expr } from './rule-expr.ts';
import type { FactType } from './verdict-rules.ts';

/** The app must log at least this share of the proxy's requests for a missing line to mean "never reached". */
export const EVERY_REQUEST_RATIO = 0.5;
/** Seconds either side of an entry in which a time-window app line may match it, unless given. */
export const DEFAULT_WINDOW_SECONDS = 2;
/** Where a path's query or fragment starts: app logs often drop it, proxies keep it, so joins compare what comes before. */
export const PATH_QUERY_START = /[?#]/;

export const LINK_FACTS = {
  /** The app's ids matched a proxy entry's at least once: then ids decide, time windows only serve entries without one. */
  idMatchedAnywhere: 'boolean',
  hasRequestId: 'boolean',
  idLinked: 'boolean',
  windowLinked: 'boolean',
} as const satisfies Record<string, FactType>;
export type LinkFact = keyof typeof LINK_FACTS;

const link = exprBuilders<LinkFact>();
/** Which app link an entry gets: 'request-id', 'time-window' or 'none'. */
export const LINK_SOURCE: Expr<LinkFact> = link.pick(
  [
    [link.and(link.fact('idMatchedAnywhere'), link.fact('hasRequestId')), link.pick([[link.fact('idLinked'), 'request-id']], 'none')],
    [link.fact('idLinked'), 'request-id'],
    [link.fact('windowLinked'), 'time-window'],
  ],
  'none',
);

export const WINDOW_FACTS = {
  /** The entry's epoch ms, its logged clock's offset and how long it took (0 when not logged). */
  time: 'number',
  tzOffsetMin: 'number',
  tookMs: 'number',
  method: 'string',
  /** The app line's time (epoch ms, or wall clock read as UTC when `eventLocal`) and method. */
  eventTime: 'number',
  eventLocal: 'boolean',
  eventMethod: 'string',
  windowMs: 'number',
  /** How many waiting entries the app line matched. */
  candidates: 'number',
} as const satisfies Record<string, FactType>;
export type WindowFact = keyof typeof WINDOW_FACTS;

const w = exprBuilders<WindowFact>();
/** The entry's time on the app line's clock. */
const entryOnEventClock = w.add(w.fact('time'), w.pick([[w.fact('eventLocal'), w.mul(w.fact('tzOffsetMin'), 60_000)]], 0));
/** An app line with the same path (before the query) matches an entry when methods agree and it falls in the window. */
export const WINDOW_MATCH: Expr<WindowFact> = w.and(
  w.or(w.eq(w.fact('eventMethod'), ''), w.eq(w.fact('method'), ''), w.eq(w.fact('eventMethod'), w.fact('method'))),
  w.ge(w.fact('eventTime'), w.sub(w.sub(entryOnEventClock, w.fact('tookMs')), w.fact('windowMs'))),
  w.le(w.fact('eventTime'), w.add(entryOnEventClock, w.fact('windowMs'))),
);
/** A time-window link is as sure as the first app line that made it: 'medium' when that line matched only this entry. */
export const WINDOW_CONFIDENCE: Expr<WindowFact> = w.pick([[w.eq(w.fact('candidates'), 1), 'medium']], 'low');
/** A request-id link is sure. */
export const ID_LINK_CONFIDENCE = 'high';

export const COVERAGE_FACTS = {
  idMatchedAnywhere: 'boolean',
  hasRequestId: 'boolean',
  /** The entry's epoch ms (NaN or 0 when not logged) and its logged clock's offset. */
  time: 'number',
  tzOffsetMin: 'number',
  /** App lines read, and those that name a request (an id or a status). */
  appEvents: 'number',
  requestLines: 'number',
  pathLines: 'number',
  /** The app log's first and last times, and whether it logs wall-clock times without a zone. */
  appFirst: 'number',
  appLast: 'number',
  appTimesLocal: 'boolean',
  windowMs: 'number',
  /** Proxy requests logged while the app log ran (see APP_CLOCK_SHIFT_MS). */
  proxyRequests: 'number',
} as const satisfies Record<string, FactType>;
export type CoverageFact = keyof typeof COVERAGE_FACTS;

const c = exprBuilders<CoverageFact>();
/** How far the app log's clock is ahead of epoch time for an entry: its logged zone's offset when the app logs wall-clock times. */
export const APP_CLOCK_SHIFT_MS: Expr<CoverageFact> = c.pick([[c.fact('appTimesLocal'), c.mul(c.fact('tzOffsetMin'), 60_000)]], 0);
const at = c.add(c.fact('time'), APP_CLOCK_SHIFT_MS);
/** What the app log can say about one entry: 'none', 'outside' (its time), 'errors-only' or 'covered'. */
export const COVERAGE: Expr<CoverageFact> = c.pick(
  [
    [c.eq(c.fact('appEvents'), 0), 'none'],
    [c.not(c.and(c.ge(at, c.sub(c.fact('appFirst'), c.fact('windowMs'))), c.le(at, c.add(c.fact('appLast'), c.fact('windowMs'))))), 'outside'],
    [
      c.and(
        c.pick([[c.fact('idMatchedAnywhere'), c.fact('hasRequestId')]], c.ne(c.fact('pathLines'), 0)),
        c.ge(c.fact('requestLines'), c.mul(EVERY_REQUEST_RATIO, c.fact('proxyRequests'))),
      ),
      'covered',
    ],
  ],
  'errors-only',
);
