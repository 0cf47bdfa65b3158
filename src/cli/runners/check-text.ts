/**
 * Terminal text for `httpwhy check`: the detailed view of one URL and the one-line table row of a bulk
 * run. URLs and Location values come from the input and from servers, so control characters are escaped.
 */
import type { BulkRow, CheckFailure, CheckResult, HopTimings, TlsSummary } from '../../check/index.ts';
import { renderDiagnosisText, type DiagnosisReport } from '../../diagnose/index.ts';
import type { Messages } from '../../i18n/index.ts';
import type { Output, TextStyle } from '../output.ts';

type CheckMessages = Messages['check'];
type CliMessages = Messages['cli'];

/** Escapes control characters (C0, DEL, C1) so hostile text cannot drive the terminal. */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} ms`);

function timingLine(t: HopTimings, m: CheckMessages): string {
  const parts: Array<[string, number | null]> = [
    [m.timing.dns, t.dns],
    [m.timing.connect, t.connect],
    [m.timing.tls, t.tls],
    [m.timing.ttfb, t.ttfb],
    [m.timing.download, t.download],
    [m.timing.total, t.total],
  ];
  return parts.map(([name, value]) => `${name} ${ms(value)}`).join(' · ');
}

function tlsLine(tls: TlsSummary, m: CheckMessages): string {
  const parts = [tls.protocol ?? '', tls.issuer ? m.issuedBy(printable(tls.issuer)) : '', tls.daysToExpiry === null ? '' : m.expiresIn(tls.daysToExpiry)];
  parts.push(tls.nameMatch ? m.nameMatches : m.nameMismatch);
  if (!tls.trusted && tls.verifyError) parts.push(m.untrusted(tls.verifyError));
  return parts.filter(Boolean).join(' · ');
}

/** "connection refused during TCP connect (ECONNREFUSED)", "TLS certificate refused: expired (CERT_HAS_EXPIRED)". */
export function failureText(failure: CheckFailure, m: CheckMessages): string {
  const during = failure.phase ? ` ${m.during(m.phase[failure.phase])}` : '';
  const tls = failure.tls ? `: ${m.tls[failure.tls]}` : '';
  return `${m.failure[failure.kind]}${tls}${during} (${failure.code})`;
}

function proxiesText(failure: CheckFailure): string {
  return failure.proxyAnswers.map((a) => `${a.component} ${a.status ?? '–'}`).join(' · ');
}

export function renderDetail(result: CheckResult, m: CheckMessages, style: TextStyle): string {
  const lines = [style.bold(printable(result.url)), `${style.bold(`${m.label.chain}:`)}`];
  for (const hop of result.hops) {
    const arrow = hop.location === null ? '' : ` → ${printable(hop.location)}`;
    lines.push(`  ${String(hop.status ?? '---')}  ${printable(hop.url)}${arrow}  ${style.dim(ms(hop.timings.total))}`);
  }
  const last = result.hops.at(-1);
  if (last) lines.push(`${style.bold(`${m.label.timing}:`)} ${timingLine(last.timings, m)}`);
  if (last?.tls) lines.push(`${style.bold(`${m.label.tls}:`)} ${tlsLine(last.tls, m)}`);
  const { failure } = result;
  if (failure) {
    lines.push(style.wrap(`${style.bold(`${m.label.failure}:`)} ${failureText(failure, m)}: ${printable(failure.message)}`, '  '));
    if (failure.proxyAnswers.length > 0) lines.push(`  ${m.label.proxies}: ${proxiesText(failure)}`);
  }
  const body = result.body ? ` · ${m.bytes(result.body.bytes, result.body.capped)}` : '';
  lines.push(`${style.bold(`${m.label.result}:`)} ${result.status ?? '---'} · ${m.hops(result.hops.length)}${body} · ${ms(result.totalMs)}`);
  const text = `${lines.join('\n')}\n`;
  return result.diagnosis ? `${text}\n${renderDiagnosisText(result.diagnosis, style)}` : text;
}

function note(result: CheckResult, m: CheckMessages): string {
  if (result.failure) {
    const proxies = result.failure.proxyAnswers.length > 0 ? ` → ${proxiesText(result.failure)}` : '';
    return `${failureText(result.failure, m)}${proxies}`;
  }
  const issuer = (result.diagnosis as DiagnosisReport | null)?.diagnoses[0]?.issuer?.component;
  const redirected = result.hops.length > 1 ? `→ ${printable(result.finalUrl)}` : '';
  return [issuer ?? '', redirected].filter(Boolean).join(' ');
}

const columns = (status: string, total: string, rest: string) => `${status.padEnd(7)} ${total.padStart(10)}  ${rest}`;

export function tableHeader(c: CliMessages['checkColumns']): string {
  return columns(c.status, c.total, `${c.url}  ${c.note}`);
}

export function renderRow(row: BulkRow, m: CheckMessages, c: CliMessages['checkColumns'], out: Output): string {
  const { result, error } = row;
  if (!result) return columns(out.style('red', c.refused.padEnd(7)), '–', `${printable(row.input)}  ${error?.code ?? ''}: ${printable(error?.message ?? '')}`);
  const color = result.problem ? 'red' : (result.status ?? 0) >= 400 ? 'yellow' : 'green';
  const status = out.style(color, String(result.status ?? 'ERR').padEnd(7));
  return columns(status, `${Math.round(result.totalMs)} ms`, `${printable(result.url)}  ${note(result, m)}`).trimEnd();
}
