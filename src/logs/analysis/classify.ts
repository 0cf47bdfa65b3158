/**
 * The classification of one 5xx, 499 or 009: combines the proxy's own fields, its error log and the app log.
 * Order of trust: the status itself (009, 499) → an error-log line about the request → decisive proxy
 * fields → the app's line for the request → the app's silence (when it logs every request) → unknown.
 */
import type { AppCoverage, AppLink } from './app-join.ts';
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
}

function appCause(status: number): Cause {
  return status === 503 ? 'app-overload' : 'app-error';
}

/** What a proxy 5xx most likely was when the app never saw the request. */
function unreachedCause(status: number): Cause {
  if (status === 504) return 'timeout';
  if (status === 503) return 'load-shed';
  if (status === 500) return 'proxy-config';
  return 'upstream-failed';
}

export function classify({ record, error, app, coverage }: ClassifyInput): Classification {
  const evidence: LogEvidence[] = [];
  const { status, signal } = record;
  if (signal) evidence.push(signal.evidence);
  if (error) evidence.push({ kind: 'error-log', detail: error.message });
  if (app) evidence.push(app.isError ? { kind: 'app-error', detail: app.message } : app.status > 0 ? { kind: 'app-status', detail: String(app.status) } : { kind: 'app-seen', detail: '' });
  const appMessage = app?.isError ? app.message : (error?.appMessage ?? '');
  const classification = (cause: Cause, confidence: Confidence, reason: UnknownReason | null = null): Classification => ({
    cause,
    confidence,
    evidence,
    reason,
    appMessage,
    appStack: app?.isError && app.stack && app.stack.lines.length > 0 ? app.stack : null,
    correlation: app ? app.by : 'none',
  });

  if (status === 9) return classification('non-http-reply', 'high');
  if (status === 499 || status === 460 || signal?.cause === 'client-closed') return classification('client-closed', 'high');
  if (error && error.phase !== 'body') {
    // An event that names no client or connection may belong to a neighbouring request.
    const sure = error.client !== '' || error.connection !== '';
    return classification(error.cause === 'app-error' ? appCause(status) : error.cause, sure ? 'high' : 'medium');
  }
  if (signal?.decisive) return classification(signal.cause, signal.confidence);
  if (app) {
    if (app.isError || app.status >= 500) return classification(appCause(status), app.confidence);
    // The app handled the request without an error, yet the client got a 5xx: the hop back failed.
    return classification(status === 504 ? 'timeout' : (signal?.cause ?? 'upstream-failed'), app.confidence === 'high' ? 'medium' : 'low');
  }
  if (coverage === 'covered') {
    evidence.push({ kind: 'app-absent', detail: '' });
    return classification(unreachedCause(status), 'medium');
  }
  const reason: UnknownReason =
    signal?.reason ?? (coverage === 'errors-only' ? 'app-log-errors-only' : coverage === 'outside' ? 'app-log-no-coverage' : 'no-signals');
  return classification('unknown', 'low', reason);
}
