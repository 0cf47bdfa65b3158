/**
 * httpwhy as a library: which component failed, and why?
 *
 * The knowledge base: every meaning of a status code ({@link httpwhy#getCode | getCode}), filtered lists ({@link httpwhy#listCodes | listCodes}), search
 * in English and Indonesian ({@link httpwhy#search | search}), comparisons ({@link httpwhy#compare | compare}) and the facts as flags
 * ({@link httpwhy#isRetryable | isRetryable}, {@link httpwhy#isCacheableByDefault | isCacheableByDefault}, ...).
 *
 * Diagnosis of a failing response as the user has it: raw HTTP, `curl -i` / `curl -v` output, a HAR file, a page's
 * source or text ({@link httpwhy#diagnose | diagnose}, {@link httpwhy#renderDiagnosisText | renderDiagnosisText}).
 *
 * Proxy and application logs: every 5xx, 499 and 009 labelled app-issued or proxy-issued, with its cause
 * ({@link httpwhy#analyzeLogs | analyzeLogs}).
 *
 * Live URLs, SSRF-safe: redirect chain, timings, TLS, network failures and the diagnosis ({@link httpwhy#checkUrl | checkUrl},
 * {@link httpwhy#checkUrls | checkUrls}).
 *
 * Every failure a caller can cause throws {@link httpwhy#HttpwhyError | HttpwhyError} with a stable `code` from {@link httpwhy#ERROR_CATALOGUE | ERROR_CATALOGUE}.
 *
 * Every export is named here. `docs/api/httpwhy.api.md` is the reviewed API surface: the build fails when the
 * exports change and that file was not updated (`npm run docs:api` updates it); the build also writes a Markdown
 * reference of every export to `build/api/reference/`.
 *
 * @packageDocumentation
 */
export {
  getCode,
  requireCode,
  listCodes,
  search,
  classOf,
  isCacheableByDefault,
  isClientVisible,
  isEmptyBody,
  isInterim,
  isMethodPreserving,
  isRedirect,
  isRetryable,
  ISSUERS,
  STANDINGS,
  VENDORS,
  type CodeEntry,
  type CodeMeta,
  type CodeProse,
  type CodeRef,
  type CodeText,
  type CodeFilter,
  type Issuer,
  type SearchHit,
  type SearchOptions,
  type Standing,
  type StatusClass,
  type Vendor,
} from './codes/index.ts';
export { compare, type Comparison, type ComparisonRow } from './compare/index.ts';
export {
  diagnose,
  renderDiagnosisText,
  type Alternative,
  type ChainLink,
  type ClientFailure,
  type Component,
  type DiagnoseOptions,
  type Diagnosis,
  type DiagnosisReport,
  type HeaderField,
  type Hop,
  type InputFormat,
  FAILURE_PHASES,
  NETWORK_FAILURE_KINDS,
  type FailurePhase,
  type NetworkFailureKind,
  type NetworkFailureReport,
  type ProxyAnswer,
  type ResponseEvidence,
  type Seen,
  type StatusMeaning,
  type TextStyle,
  type Verdict,
} from './diagnose/index.ts';
export {
  analyzeLogs,
  CAUSES,
  EVIDENCE_KINDS,
  FORMAT_IDS,
  LOG_GAPS,
  SKIP_REASONS,
  UNKNOWN_REASONS,
  type AnalyzeOptions,
  type Cause,
  type AppStack,
  type CauseSummary,
  type EvidenceKind,
  type Example,
  type FileReport,
  type FileRole,
  type FormatId,
  type LineExample,
  type LineOrigin,
  type LogEvidence,
  type LogWriter,
  type SkipReason,
  type Tally,
  type IssuerClass,
  type LogReport,
  type LogGap,
  type LogSetupAdvice,
  type MissingField,
  type SetupProxy,
  type Progress,
  type Ranked,
  type ReadWarning,
  type UnknownReason,
  type UnlinkedErrors,
  type WrapperId,
  WRAPPER_IDS,
} from './logs/index.ts';
export {
  checkUrl,
  checkUrls,
  type BodySummary,
  type BulkOptions,
  type BulkRow,
  type CheckFailure,
  type CheckOptions,
  type CheckResult,
  type FailureKind,
  type HopResult,
  type HopTimings,
  type Phase,
  type PhaseTimeouts,
  type TlsFailureReason,
  type TlsSummary,
} from './check/index.ts';
export { LOCALES, type Locale } from './i18n/index.ts';
export { CONFIDENCES, type Confidence } from './confidence.ts';
export { ERROR_CATALOGUE, HttpwhyError, isHttpwhyError, type ErrorCode } from './errors.ts';
