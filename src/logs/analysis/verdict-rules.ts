/**
 * The rules that combine what the logs say about one 5xx, 499 or 009 into a verdict, as data: the streaming
 * analyzer evaluates them (classify.ts), the fleet domain compiles the same tables to SQL. Order of trust: the
 * status itself (009, 499) → an error-log line about the request → decisive proxy fields → the app's line for the
 * request → the app's silence (when it logs every request) → unknown.
 */
import { exprBuilders, type Expr, type Scalar } from './rule-expr.ts';
import type { Cause, Confidence, EvidenceKind, UnknownReason } from '../types.ts';

export type FactType = 'string' | 'number' | 'boolean';

/** What a verdict is decided from, with absent things as '', 0 or false. */
export const VERDICT_FACTS = {
  status: 'number',
  /** The proxy's own fields gave a signal. */
  hasSignal: 'boolean',
  signalCause: 'string',
  signalConfidence: 'string',
  signalDecisive: 'boolean',
  signalReason: 'string',
  signalKind: 'string',
  signalDetail: 'string',
  /** An error-log event was linked to the entry. */
  hasError: 'boolean',
  errorPhase: 'string',
  errorCause: 'string',
  /** The event names a client or a connection (else it may belong to a neighbouring request). */
  errorNamesRequest: 'boolean',
  errorMessage: 'string',
  /** The app's text the proxy relayed (FastCGI stderr). */
  errorAppMessage: 'string',
  /** A proxy error log was read and was being written at the entry's time (its first and last events around it). */
  errorCovered: 'boolean',
  /** An app line was joined to the entry. */
  hasApp: 'boolean',
  appError: 'boolean',
  appStatus: 'number',
  appConfidence: 'string',
  appMessage: 'string',
  /** What the app log can say about the entry: none, outside, errors-only, covered (join-rules.ts). */
  coverage: 'string',
} as const satisfies Record<string, FactType>;

export type VerdictFact = keyof typeof VERDICT_FACTS;
export type VerdictFacts = { [K in VerdictFact]: (typeof VERDICT_FACTS)[K] extends 'number' ? number : (typeof VERDICT_FACTS)[K] extends 'string' ? string : boolean };

/** One row of the verdict table: the first rule whose `when` holds decides. */
export interface VerdictRule {
  name: string;
  when: Expr<VerdictFact>;
  /** A {@link Cause}. */
  cause: Expr<VerdictFact>;
  /** A {@link Confidence}. */
  confidence: Expr<VerdictFact>;
  /** An {@link UnknownReason}, or '' for none. */
  reason: Expr<VerdictFact>;
  /** Evidence this rule adds after the facts' own (the app's silence). */
  evidence: EvidenceKind | null;
}

/** One piece of evidence a verdict shows when `when` holds. */
export interface EvidenceRule {
  when: Expr<VerdictFact>;
  /** An {@link EvidenceKind}. */
  kind: Expr<VerdictFact>;
  detail: Expr<VerdictFact>;
}

const { fact, eq, ne, ge, and, or, not, isIn, pick, text } = exprBuilders<VerdictFact>();
const status = fact('status');
const signalCause = fact('signalCause');
const errorCause = fact('errorCause');
const app = fact('hasApp');
const appError = fact('appError');
const appStatus = fact('appStatus');
const appConfidence = fact('appConfidence');
const coverage = fact('coverage');

type Literal<T extends Scalar> = T | Expr<VerdictFact>;
const lit = (v: Literal<Scalar>): Expr<VerdictFact> => (typeof v === 'object' ? v : { value: v });

function rule(
  name: string,
  when: Literal<boolean>,
  cause: Literal<Cause>,
  confidence: Literal<Confidence>,
  extra: { reason?: Literal<UnknownReason>; evidence?: EvidenceKind } = {},
): VerdictRule {
  return { name, when: lit(when), cause: lit(cause), confidence: lit(confidence), reason: lit(extra.reason ?? ''), evidence: extra.evidence ?? null };
}

/** The app issued it: 503 is the app shedding load, anything else an app error. */
const appCause = pick([[eq(status, 503), 'app-overload']], 'app-error');
/** What a proxy 5xx most likely was when the app never saw the request. */
const unreachedCause = pick(
  [
    [eq(status, 504), 'timeout'],
    [eq(status, 503), 'load-shed'],
    [eq(status, 500), 'proxy-config'],
  ],
  'upstream-failed',
);

export const VERDICT_RULES: readonly VerdictRule[] = [
  rule('status-009', eq(status, 9), 'non-http-reply', 'high'),
  rule('client-closed', or(isIn(status, [499, 460]), eq(signalCause, 'client-closed')), 'client-closed', 'high'),
  rule(
    'error-log',
    and(fact('hasError'), ne(fact('errorPhase'), 'body')),
    pick([[eq(errorCause, 'app-error'), appCause]], errorCause),
    pick([[fact('errorNamesRequest'), 'high']], 'medium'),
  ),
  rule('proxy-fields', fact('signalDecisive'), signalCause, fact('signalConfidence')),
  rule('app-error', and(app, or(appError, ge(appStatus, 500))), appCause, appConfidence),
  // The app handled the request without an error, yet the client got a 5xx: the hop back failed.
  rule('app-handled', app, pick([[eq(status, 504), 'timeout'], [fact('hasSignal'), signalCause]], 'upstream-failed'), pick([[eq(appConfidence, 'high'), 'medium']], 'low')),
  rule('app-silent', eq(coverage, 'covered'), unreachedCause, 'medium', { evidence: 'app-absent' }),
  // The proxy's error log was being written and has no failure for the request: nginx and Apache log every upstream
  // failure they answer 500, 502 or 504 for (connect() failed, timed out, no live upstreams, a rewrite cycle, AH01102…),
  // so the status came from behind. Not 503 nor 501: a `return 503` (maintenance, a default server) and nginx's 501
  // for an unknown transfer coding log nothing at the error level. Low: an error log filtered above its failures'
  // level would make it wrong.
  rule('error-log-silent', and(fact('errorCovered'), not(fact('hasError')), isIn(status, [500, 502, 504])), appCause, 'low', { evidence: 'error-log-silent' }),
  rule('unknown', true, 'unknown', 'low', {
    reason: pick(
      [
        [ne(fact('signalReason'), ''), fact('signalReason')],
        [eq(coverage, 'errors-only'), 'app-log-errors-only'],
        [eq(coverage, 'outside'), 'app-log-no-coverage'],
      ],
      'no-signals',
    ),
  }),
];

/** The facts' own evidence, in this order, before the deciding rule's. */
export const VERDICT_EVIDENCE: readonly EvidenceRule[] = [
  { when: fact('hasSignal'), kind: fact('signalKind'), detail: fact('signalDetail') },
  { when: fact('hasError'), kind: lit('error-log'), detail: fact('errorMessage') },
  { when: appError, kind: lit('app-error'), detail: fact('appMessage') },
  { when: and(app, not(appError), ne(appStatus, 0)), kind: lit('app-status'), detail: text(appStatus) },
  { when: and(app, not(appError), eq(appStatus, 0)), kind: lit('app-seen'), detail: lit('') },
];

/** The app's (or FastCGI's) error message a verdict carries, '' when none. */
export const VERDICT_APP_MESSAGE: Expr<VerdictFact> = pick([[appError, fact('appMessage')]], fact('errorAppMessage'));

/** Statuses that get a verdict: every 5xx, client-closed (nginx 499, ALB 460, none at all) and nginx's 009. */
export const VERDICT_STATUSES = { from: 500, also: [499, 460, 9, 0] } as const;
