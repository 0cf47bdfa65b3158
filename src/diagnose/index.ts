/**
 * @module diagnose
 * Which component failed, and why? Reads a failing response as the user has it (raw HTTP, `curl -i`,
 * `curl -v`, a curl error line, a HAR file, a `{status, headers, body}` object, a page, a proxy's access-log
 * lines read with the log analyzer's parsers), matches it against the fingerprints of proxies, CDNs, gateways, servers and frameworks (`data/fingerprints/`), and
 * answers with the issuing component, the path, the evidence, the likely causes and where to look,
 * in English or Indonesian. `proxyAnswersFor` says what a reverse proxy, load balancer or CDN in front
 * would answer for a network failure (`data/fingerprints/proxy-answers.yaml`), for the URL checker too.
 */
export { diagnose } from './diagnose.ts';
export { proxyAnswersFor } from './proxy-answers.ts';
export { FAILURE_PHASES, NETWORK_FAILURE_KINDS, type FailureDetail, type FailurePhase } from './network-failure.ts';
export { APPLICATION } from './diagnosis-by-elimination.ts';
export { applicationName, componentName, evidenceLine, inferredLabel, issuerLabel, renderDiagnosisText, type TextStyle } from './render-text.ts';
export { observationLabel } from './observation-label.ts';
export { headerValue } from './headers.ts';
export type {
  Alternative,
  ChainLink,
  ClientFailure,
  Component,
  Confidence,
  DiagnoseOptions,
  Diagnosis,
  DiagnosisReport,
  ResponseEvidence,
  HeaderField,
  Hop,
  InputFormat,
  NetworkFailureKind,
  NetworkFailureReport,
  ProxyAnswer,
  Seen,
  StatusMeaning,
  Verdict,
} from './types.ts';
