/**
 * Renders a diagnosis report as terminal text in the report's language. The caller supplies the
 * styling (colour, wrapping to its width), so the CLI keeps one notion of both. Everything that comes
 * from the input (headers, bodies, client messages) is hostile: control characters are shown escaped,
 * so a response cannot move the cursor, recolour or retitle the terminal.
 */
import { messages, type Messages } from '../i18n/index.ts';
import { APPLICATION } from './diagnosis-by-elimination.ts';
import type { ChainLink, Diagnosis, DiagnosisReport, ResponseEvidence } from './types.ts';
import { observationLabel } from './observation-label.ts';
import { CLIENT_LIBRARY } from './service-by-host.ts';

/** How an inferred verdict was reached, in words: from the request's host, the client library, or by elimination. */
export function inferredLabel(d: Pick<Diagnosis, 'evidence'>, label: Messages['diagnose']['label']): string {
  const request = d.evidence.find((e) => e.kind === 'request');
  if (!request) return label.inferred;
  return request.name === CLIENT_LIBRARY ? label.inferredFromClient : label.inferredFromHost;
}

/** How {@link renderDiagnosisText} styles its output: bold, dim and wrapping (the CLI adds colour and width). */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  /** Wraps a paragraph; lines after the first start with `indent`. */
  wrap(text: string, indent: string): string;
}

/** No colour, no wrapping: for pipes, files and tests. */
export const PLAIN_STYLE: TextStyle = { bold: (t) => t, dim: (t) => t, wrap: (t) => t };

const BODY_LINES_SHOWN = 12;

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/** Drops carriage returns and escapes the other C0/C1 control characters except newline and tab. */
function clean(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (!isControl(code)) out += c;
    else if (c !== '\r') out += `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** One piece of evidence as the text and the web page show it: a header with its value, a header that is absent, the body. */
export function evidenceLine(e: ResponseEvidence, msg: Messages['diagnose']): string {
  if (e.kind === 'header') return `${e.name}: ${clean(e.value)}`;
  if (e.kind === 'header-absent') return `${msg.label.absentHeader} ${e.name}`;
  if (e.kind === 'body' && e.value === '') return msg.label.emptyBody;
  if (e.kind === 'status') return `status ${e.value}`;
  // A log line's evidence is named by the log's format (the line) or the kind of fact its fields gave (`envoy-flags`).
  if (e.kind === 'log') return `${e.name ?? ''}: ${clean(e.value)}`;
  if (e.kind === 'request') return `${e.name === CLIENT_LIBRARY ? msg.label.clientLibrary : msg.label.requestSentTo} ${clean(e.value)}`;
  return clean(JSON.stringify(e.value));
}

/**
 * "The application" named by elimination, in the report's language: behind the other component or components of the
 * path, or alone when it is the whole path (a JSON error pasted alone).
 */
export function applicationName(chain: readonly ChainLink[], msg: Messages['diagnose']): string {
  if (chain.length <= 1) return msg.label.applicationAlone;
  return chain.length === 2 ? msg.label.applicationBehindOne : msg.label.application;
}

/** A component of a diagnosis as reports name it, with its layer; the application by applicationName. */
export function componentName(component: string, layer: string, chain: readonly ChainLink[], msg: Messages['diagnose']): string {
  return component === APPLICATION ? applicationName(chain, msg) : `${component} (${layer})`;
}

/**
 * The label before the issuer: a client's own report of a failure that brought no HTTP response (curl's exit code) is
 * the client reporting, not a component that answered.
 */
export function issuerLabel(d: Diagnosis, msg: Messages['diagnose']): string {
  return d.issuer?.layer === 'client-tooling' ? msg.label.reporter : msg.label.issuer;
}

function renderOne(d: Diagnosis, m: Messages, s: TextStyle): string[] {
  const { diagnose: msg, issuer: layers, confidence: confidenceLabel } = m;
  const head = d.seen.statusLine ?? d.seen.clientError ?? (d.status === null ? `(${msg.label.noStatus})` : String(d.status));
  const out = [s.bold(`${clean(observationLabel(d.label, msg))}: ${clean(head)}`)];
  if (d.verdict === 'no-error') return [...out, s.wrap(d.summary, '')];
  const issuer = d.issuer ? componentName(d.issuer.component, layers[d.issuer.layer] ?? '', d.chain, msg) : msg.verdict.unknown;
  const inferred = inferredLabel(d, msg.label);
  const confidence = d.confidence ? ` · ${msg.label.confidence}: ${confidenceLabel[d.confidence]}${d.verdict === 'inferred' ? ` (${inferred})` : ''}` : '';
  out.push(`${s.bold(`${issuerLabel(d, msg)}:`)} ${issuer}${confidence}`);
  if (d.chain.length > 0) {
    const path = d.chain.map((l) => `${componentName(l.component, layers[l.layer] ?? '', d.chain, msg)}${l.role === 'issuer' ? ` [${l.layer === 'client-tooling' ? msg.label.reportedHere : msg.label.issuedHere}]` : ''}`);
    out.push(s.wrap(`${s.bold(`${msg.label.path}:`)} ${path.join(' → ')}`, '  '));
  }
  out.push('', s.wrap(d.summary, ''));
  if (d.evidence.length > 0) {
    out.push('', s.bold(`${msg.label.evidence}:`));
    for (const e of d.evidence) out.push(s.wrap(`  - ${evidenceLine(e, msg)} ${s.dim(`[${e.fingerprint}, ${confidenceLabel[e.confidence]}]`)}`, '    '));
    for (const source of new Set(d.evidence.map((e) => e.source))) out.push(s.dim(`    ${source}`));
  }
  const answers = d.networkFailure?.proxyAnswers.map((a) => `${a.component} ${a.status ?? `(${msg.label.statusAlreadySent})`}`) ?? [];
  if (answers.length > 0) out.push('', s.wrap(`${s.bold(`${msg.label.proxyAnswers}:`)} ${answers.join(', ')}`, '  '));
  const sections: [string, readonly string[], boolean][] = [
    [msg.label.causes, d.causes, true],
    [msg.label.where, d.whereToLook, false],
    [msg.label.next, d.nextSteps, false],
    [msg.label.alternatives, d.alternatives.map((a) => `${a.component} (${confidenceLabel[a.confidence]}): ${a.summary}`), false],
    [msg.label.meaning, d.statusMeanings.map((meaning) => `${meaning.id} ${meaning.title}: ${meaning.summary}`), false],
    [msg.label.hops, d.hops.map((h) => `${h.status} ${clean(h.reason)}${h.location ? ` → ${clean(h.location)}` : ''}`), false],
    [msg.label.notes, d.notes, false],
  ];
  for (const [title, items, numbered] of sections.filter(([, list]) => list.length > 0)) {
    out.push('', s.bold(`${title}:`), ...items.map((item, i) => s.wrap(`  ${numbered ? `${i + 1}.` : '-'} ${item}`, '     ')));
  }
  if (d.verdict === 'unknown') {
    const lines = [d.seen.clientError, d.seen.logLine].flatMap((l) => (l === null ? [] : [`  ${clean(l)}`]));
    const seen = [...lines, ...d.seen.headers.map((h) => `  ${clean(h.name)}: ${clean(h.value)}`)];
    const body = d.seen.bodyExcerpt?.trimEnd().split('\n').slice(0, BODY_LINES_SHOWN) ?? [];
    if (seen.length + body.length > 0) out.push('', s.bold(`${msg.label.seen}:`), ...seen);
    if (body.length > 0) out.push('', ...body.map((line) => `  ${s.dim(clean(line))}`));
  }
  return out;
}

/** With several responses (a HAR file), those without an error status are counted, not shown. */
export function renderDiagnosisText(report: DiagnosisReport, style: TextStyle = PLAIN_STYLE): string {
  const m = messages(report.locale);
  const msg = m.diagnose;
  const shown = report.diagnoses.length > 1 ? report.diagnoses.filter((d) => d.verdict !== 'no-error') : report.diagnoses;
  const blocks = shown.map((d) => renderOne(d, m, style).join('\n'));
  const skipped = report.diagnoses.length - shown.length;
  if (skipped > 0) blocks.push(style.dim(msg.skipped(skipped)));
  return `${blocks.join('\n\n')}\n`;
}
