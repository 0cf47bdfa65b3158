/**
 * The classification of one 5xx, 499 or 009: gathers what the proxy's own fields, its error log and the app log
 * say about the entry into facts, and lets the verdict table (verdict-rules.ts) decide.
 */
import type { AppCoverage, AppLink } from './app-join.ts';
import { jsSource } from './rule-expr.ts';
import { VERDICT_APP_MESSAGE, VERDICT_EVIDENCE, VERDICT_RULES, type VerdictFacts } from './verdict-rules.ts';
import type { AccessRecord, AppStack, Cause, Confidence, LogEvidence, ProxyErrorEvent, UnknownReason } from '../types.ts';

export interface Classification {
  cause: Cause;
  confidence: Confidence;
  evidence: LogEvidence[];
  /** Why the cause is `unknown`. */
  reason: UnknownReason | null;
  /** The app's (or FastCGI's) error message for this request, '' when none. */
  appMessage: string;
  /** The stack trace under the app's error line, when it logged one. */
  appStack: AppStack | null;
  correlation: 'request-id' | 'time-window' | 'none';
}

export interface ClassifyInput {
  record: AccessRecord;
  error: ProxyErrorEvent | null;
  app: AppLink | null;
  coverage: AppCoverage;
  /** A proxy error log was read and covers the entry's time (error-index.ts `covers`). */
  errorCovered?: boolean;
}

/** The facts about an error-log event (those of a verdict, and of an upstream-error row of the fleet domain). */
export function errorFacts(error: ProxyErrorEvent | null): Pick<VerdictFacts, 'hasError' | 'errorPhase' | 'errorCause' | 'errorNamesRequest' | 'errorMessage' | 'errorAppMessage'> {
  return {
    hasError: error !== null,
    errorPhase: error?.phase ?? '',
    errorCause: error?.cause ?? '',
    errorNamesRequest: error !== null && (error.client !== '' || error.connection !== ''),
    errorMessage: error?.message ?? '',
    errorAppMessage: error?.appMessage ?? '',
  };
}

/** What the verdict table decides from; the fleet domain writes the record's and error's part into each row. */
export function verdictFacts({ record, error, app, coverage, errorCovered = false }: ClassifyInput): VerdictFacts {
  const { signal } = record;
  const e = errorFacts(error);
  return {
    status: record.status,
    hasSignal: signal !== null,
    signalCause: signal?.cause ?? '',
    signalConfidence: signal?.confidence ?? '',
    signalDecisive: signal?.decisive ?? false,
    signalReason: signal?.reason ?? '',
    signalKind: signal?.evidence.kind ?? '',
    signalDetail: signal?.evidence.detail ?? '',
    hasError: e.hasError,
    errorPhase: e.errorPhase,
    errorCause: e.errorCause,
    errorNamesRequest: e.errorNamesRequest,
    errorMessage: e.errorMessage,
    errorAppMessage: e.errorAppMessage,
    errorCovered,
    hasApp: app !== null,
    appError: app?.isError ?? false,
    appStatus: app?.status ?? 0,
    appConfidence: app?.confidence ?? '',
    appMessage: app?.message ?? '',
    coverage,
  };
}

export interface Verdict {
  cause: Cause;
  confidence: Confidence;
  reason: UnknownReason | null;
  evidence: LogEvidence[];
  appMessage: string;
}

/** The verdict table as one generated function: the facts' evidence, then the first rule that holds. */
function verdictSource(): string {
  const body = ['const evidence = [];'];
  for (const e of VERDICT_EVIDENCE) body.push(`if (${jsSource(e.when)}) evidence.push({ kind: ${jsSource(e.kind)}, detail: ${jsSource(e.detail)} });`);
  body.push(`const appMessage = ${jsSource(VERDICT_APP_MESSAGE)};`);
  for (const r of VERDICT_RULES) {
    const extra = r.evidence ? `evidence.push({ kind: ${JSON.stringify(r.evidence)}, detail: '' }); ` : '';
    const reason = jsSource(r.reason);
    body.push(`if (${jsSource(r.when)}) { ${extra}const reason = ${reason}; return { cause: ${jsSource(r.cause)}, confidence: ${jsSource(r.confidence)}, reason: reason === '' ? null : reason, evidence, appMessage }; }`);
  }
  body.push("throw new Error('no verdict rule held');");
  return body.join('\n');
}

let compiled: ((facts: VerdictFacts) => Verdict) | null = null;

/** The verdict table applied to one entry's facts (compiled on first use). */
export function decide(facts: VerdictFacts): Verdict {
  compiled ??= new Function('f', verdictSource()) as (facts: VerdictFacts) => Verdict;
  return compiled(facts);
}

export function classify(input: ClassifyInput): Classification {
  const { app } = input;
  return {
    ...decide(verdictFacts(input)),
    appStack: app?.isError && app.stack && app.stack.lines.length > 0 ? app.stack : null,
    correlation: app ? app.by : 'none',
  };
}
