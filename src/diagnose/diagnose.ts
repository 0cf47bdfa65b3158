/** The library entry: read any supported paste, diagnose every response in it. */
import { HttpwhyError } from '../errors.ts';
import { closeCutObject } from './cut-json.ts';
import { diagnoseObservation, type EngineData } from './diagnose-observation.ts';
import { loadDefaultPages, loadElimination, loadFingerprints, loadServiceHosts } from './load-fingerprints.ts';
import { requestedHost } from './requested-host.ts';
import { requestedClient, SERVICE_HOST_RULE } from './service-by-host.ts';
import { notAPage, parseInput } from './parse-input.ts';
import { parsePage } from './parse-page.ts';
import { parseLogLines } from './parse-log-lines.ts';
import { RESPONSE_LABEL } from './observation-label.ts';
import { transportFailure } from './transport-errors.ts';
import { messages, type Locale } from '../i18n/index.ts';
import type { DiagnoseOptions, DiagnosisReport, Observation, ParsedInput } from './types.ts';

/** A client's printout of its network error (Node's ECONNREFUSED, Go's dial error): no response came back. */
function clientFailureInput(input: string | object): ParsedInput | null {
  const found = typeof input === 'string' ? transportFailure(input) : null;
  if (!found) return null;
  const failure = { tool: 'client' as const, exitCode: null, kind: found.kind, message: found.line, trace: [] };
  return { format: 'client-message', observations: [{ label: RESPONSE_LABEL, response: null, failure, hops: [] }] };
}

/**
 * Each observation with the host its request went to: a HAR entry's own URL (its label), else, for a paste of one
 * response, the host the paste's words name, or else the public service whose own client library it names.
 */
function withRequestHosts(parsed: ParsedInput, input: string | object, data: EngineData): ParsedInput {
  const one = typeof input === 'string' && parsed.observations.length === 1 ? input : null;
  const pasted = one === null ? null : requestedHost(one);
  const observations = parsed.observations.map((obs) => {
    const host = requestedHost(obs.label) ?? pasted;
    if (host !== null) return { ...obs, requestHost: host };
    const client = one === null ? null : requestedClient(one, data.serviceHosts);
    return client === null ? obs : { ...obs, requestClient: client };
  });
  return { ...parsed, observations };
}

const isUnreadable = (error: unknown) => error instanceof HttpwhyError && error.code === 'HW_ERR_DIAGNOSE_UNREADABLE_INPUT';

/**
 * The input as read. When no reader recognised it: its lines as an access log's, or else its words as a page's,
 * taken only when a component's words are there (an error object a runtime printed, neither JSON nor a page: Lambda's
 * `{ errorType: "Runtime.ImportModuleError", ... }` relayed by a platform); otherwise the reader's refusal stands.
 */
function readInput(input: string | object, data: EngineData, locale: Locale): ParsedInput {
  try {
    return withRequestHosts(parseInput(input), input, data);
  } catch (error) {
    if (typeof input !== 'string' || !isUnreadable(error)) throw error;
    const logged = parseLogLines(input);
    if (logged) return logged;
    const words = withRequestHosts(parsePage(input), input, data);
    // Words a component's fingerprint names, or the status a public service at the request's host answered.
    const named = (obs: Observation) => {
      const d = diagnoseObservation(obs, data, locale);
      return d.verdict === 'identified' || d.issuer?.fingerprint === SERVICE_HOST_RULE;
    };
    if (words.observations.some(named)) return words;
    const failed = clientFailureInput(input);
    if (failed) return failed;
    throw error;
  }
}

/**
 * Says which component issued a failing response, why, and where to look. `input` is a raw response,
 * `curl -i` or `curl -v` output, a curl error line, a HAR 1.2 file (text or parsed), a
 * `{status, headers, body}` object, an error page, or a proxy's access-log lines. Throws
 * HW_ERR_DIAGNOSE_UNREADABLE_INPUT when it cannot be read.
 */
export function diagnose(input: string | object, options: DiagnoseOptions = {}): DiagnosisReport {
  const locale = options.locale ?? 'en';
  const closed = typeof input === 'string' ? closeCutObject(input) : null;
  if (closed !== null) {
    const report = diagnose(closed, options);
    const note = messages(locale).diagnose.note.cutJson;
    return { ...report, diagnoses: report.diagnoses.map((d) => ({ ...d, notes: [note, ...d.notes] })) };
  }
  const data: EngineData = { fingerprints: loadFingerprints(), elimination: loadElimination(), defaultPages: loadDefaultPages(), serviceHosts: loadServiceHosts() };
  const { format, observations } = readInput(input, data, locale);
  const diagnoses = observations.map((obs) => diagnoseObservation(obs, data, locale));
  const [only] = diagnoses;
  if ((format !== 'page-text' && format !== 'body') || !only) return { format, locale, diagnoses };
  // Words may be a log's lines, whose own fields say who answered (and its error line, why): read as such, they
  // decide better than a phrase of the log matched as page text, and where no page fingerprint speaks at all. A JSON
  // object may be one too (Envoy's JSON access log with keys of its operator's choosing).
  const logged = parseLogLines(String(input));
  const loggedDiagnoses = logged?.observations.map((obs) => diagnoseObservation(obs, data, locale)) ?? [];
  // A page the words name is kept over log lines about another status (a CDN's 522 page above the origin's 499s).
  const sameFailure = only.status === null || loggedDiagnoses.some((d) => d.status === only.status);
  // An app's own request line that no fingerprint names says less than a page fingerprint that names the app.
  const appLinesOnly = logged?.observations.every((obs) => obs.logged?.format === 'app-text' || obs.logged?.format === 'app-json') ?? false;
  const outranked = appLinesOnly && only.verdict === 'identified' && loggedDiagnoses.every((d) => d.verdict !== 'identified');
  const decided = sameFailure && !outranked && loggedDiagnoses.some((d) => d.verdict !== 'unknown');
  // A JSON object a proxy's or a CDN's log reader reads is its access-log record, not the error body it looks like,
  // unless a component's own error body is what it is (Spring's timestamp, path and status read as a JSON log's keys).
  const proxyRecord = format === 'body' && logged !== null && !appLinesOnly && only.verdict !== 'identified';
  if (logged && (decided || proxyRecord || only.verdict === 'unknown')) return { format: logged.format, locale, diagnoses: loggedDiagnoses };
  if (format === 'page-text' && only.verdict === 'unknown' && only.status === null) {
    // Words no page fingerprint reads and no status: a client's own network error, or else nothing httpwhy can read.
    const failed = clientFailureInput(input);
    if (!failed) throw notAPage(String(input));
    return { format: failed.format, locale, diagnoses: failed.observations.map((obs) => diagnoseObservation(obs, data, locale)) };
  }
  return { format, locale, diagnoses };
}
