/**
 * Renders a diagnosis report as terminal text in the report's language. Everything that comes from
 * the input (headers, bodies, client messages) is hostile: control characters are shown escaped so a
 * response cannot move the cursor, recolour or retitle the terminal.
 */
import { MESSAGES, type Messages } from './messages.ts';
import type { Diagnosis, DiagnosisReport, Evidence } from './types.ts';

export interface RenderOptions {
  /** Bold headings and dim details (ANSI); off for pipes and NO_COLOR. */
  color: boolean;
}

const BODY_LINES_SHOWN = 12;

/** Escapes C0/C1 control characters except newline and tab. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => (c === '\r' ? '' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

function style(color: boolean) {
  const wrap = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { bold: wrap('1'), dim: wrap('2') };
}

function evidenceLine(e: Evidence, msg: Messages): string {
  if (e.kind === 'header') return `${e.name}: ${clean(e.value)}`;
  if (e.kind === 'header-absent') return `${msg.label.absentHeader} ${e.name}`;
  if (e.kind === 'body' && e.value === '') return msg.label.emptyBody;
  if (e.kind === 'status') return `status ${e.value}`;
  return clean(JSON.stringify(e.value));
}

function section(out: string[], title: string, items: readonly string[], numbered = false): void {
  if (items.length === 0) return;
  out.push(title);
  items.forEach((item, i) => out.push(`  ${numbered ? `${i + 1}.` : '-'} ${item}`));
}

function renderOne(d: Diagnosis, msg: Messages, color: boolean): string[] {
  const s = style(color);
  const head = d.seen.statusLine ?? d.seen.clientError ?? '';
  const out = [s.bold(`${d.label}: ${clean(head)}`)];
  if (d.verdict === 'no-error') return [...out, d.summary];
  const issuer = d.issuer ? `${d.issuer.component} (${msg.layer[d.issuer.layer]})` : msg.verdict.unknown;
  out.push(`${s.bold(`${msg.label.issuer}:`)} ${issuer}${d.confidence ? ` · ${msg.label.confidence}: ${msg.confidence[d.confidence]}` : ''}`);
  if (d.chain.length > 0) {
    const path = d.chain.map((l) => `${l.component} (${msg.layer[l.layer]})${l.role === 'issuer' ? ` [${msg.label.issuedHere}]` : ''}`);
    out.push(`${s.bold(`${msg.label.path}:`)} ${path.join(' → ')}`);
  }
  out.push('', d.summary);
  if (d.evidence.length > 0) {
    out.push('', s.bold(`${msg.label.evidence}:`));
    for (const e of d.evidence) out.push(`  - ${evidenceLine(e, msg)} ${s.dim(`[${e.fingerprint}, ${msg.confidence[e.confidence]}]`)}`);
    for (const source of new Set(d.evidence.map((e) => e.source))) out.push(s.dim(`    ${source}`));
  }
  if (d.networkFailure) {
    const answers = d.networkFailure.proxyAnswers.map((a) => `${a.component} ${a.status ?? `(${msg.label.statusAlreadySent})`}`);
    if (answers.length > 0) out.push('', `${s.bold(`${msg.label.proxyAnswers}:`)} ${answers.join(', ')}`);
  }
  const lists: [string, readonly string[], boolean][] = [
    [msg.label.causes, d.causes, true],
    [msg.label.where, d.whereToLook, false],
    [msg.label.next, d.nextSteps, false],
    [msg.label.alternatives, d.alternatives.map((a) => `${a.component} (${msg.confidence[a.confidence]}): ${a.summary}`), false],
    [msg.label.meaning, d.statusMeanings.map((m) => `${m.id} ${m.title}: ${m.summary}`), false],
    [msg.label.hops, d.hops.map((h) => `${h.status} ${clean(h.reason)}${h.location ? ` → ${clean(h.location)}` : ''}`), false],
    [msg.label.notes, d.notes, false],
  ];
  for (const [title, items, numbered] of lists) {
    if (items.length > 0) out.push('');
    section(out, s.bold(`${title}:`), items, numbered);
  }
  if (d.verdict === 'unknown') {
    out.push('', s.bold(`${msg.label.seen}:`));
    for (const h of d.seen.headers) out.push(`  ${clean(h.name)}: ${clean(h.value)}`);
    const body = d.seen.bodyExcerpt?.split('\n').slice(0, BODY_LINES_SHOWN) ?? [];
    if (body.length > 0) out.push('', ...body.map((line) => `  ${s.dim(clean(line))}`));
  }
  return out;
}

export function renderText(report: DiagnosisReport, options: RenderOptions): string {
  const msg = MESSAGES[report.locale];
  return `${report.diagnoses.map((d) => renderOne(d, msg, options.color).join('\n')).join('\n\n')}\n`;
}
