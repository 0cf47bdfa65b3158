/**
 * The `--html` report: one self-contained file (inline CSS and SVG, a CSP that forbids every fetch),
 * in English or Indonesian, with drill-down tables per cause built from `<details>` (no script), and what the logs
 * lack with the configuration that adds it (the log-setup doctor).
 */
import type { Example } from '../analysis/index.ts';
import { Html, html } from './html-template.ts';
import type { LogsText } from './messages.ts';
import { noVerdictLine, readHeadline, warningText } from './read-text.ts';
import type { LogReport } from './report.ts';
import { CAUSE_COLOURS, renderChart } from './render-chart.ts';
import { formatName } from './render-text.ts';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#111;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px;word-break:break-all}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.3rem}.next{background:#fff7e6;border-left:4px solid #d97706;padding:.6rem 1rem}
.warn{background:#fdecea;border-left:4px solid #b91c1c;padding:.6rem 1rem}
.key{margin-right:1rem;white-space:nowrap}.key i,.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px}
details{margin:.3rem 0 .8rem}summary{cursor:pointer}pre{font-size:12px;white-space:pre-wrap;margin:.2rem 0}svg{width:100%;height:auto}figure{margin:0}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}th,td{border-color:#333}.next{background:#2a2110}.warn{background:#2a1212}}
`;

function stackTrace(e: Example, t: LogsText): Html | '' {
  if (!e.appStack) return '';
  const more = e.appStack.omitted > 0 ? `\n… ${e.appStack.omitted} ${t.ui.moreLines}` : '';
  return html`<details class="stack"><summary>${t.ui.stackTrace}</summary><pre>${e.appStack.lines.join('\n')}${more}</pre></details>`;
}

function exampleRows(examples: Example[], t: LogsText): Html {
  return html`<table><thead><tr><th>${t.ui.time}</th><th>${t.ui.status}</th><th>${t.ui.request}</th><th>${t.ui.upstream}</th><th>${t.ui.requestId}</th><th>${t.ui.where}</th><th>${t.ui.evidence}</th></tr></thead><tbody>
${examples.map(
  (e) => html`<tr><td>${e.time}</td><td>${String(e.status).padStart(3, '0')}</td><td><code>${e.method} ${e.path}</code></td><td>${e.upstream}</td><td><code>${e.requestId}</code></td><td><code>${e.file}:${e.line}</code>${e.origin?.host ? html` [${e.origin.host}]` : ''}</td>
<td>${e.evidence.map((ev) => html`<div>${t.evidence[ev.kind]}${ev.detail ? html`: <code>${ev.detail}</code>` : ''}</div>`)}${e.appMessage ? html`<div><b>${e.appMessage}</b></div>` : ''}${stackTrace(e, t)} <small>(${t.ui.confidence}: ${t.confidence[e.confidence]})</small></td></tr>`,
)}
</tbody></table>`;
}

function ranked(title: string, rows: Array<{ key: string; count: number }>, n: (v: number) => string): Html | '' {
  if (rows.length === 0) return '';
  return html`<h4>${title}</h4><table>${rows.map((r) => html`<tr><td><code>${r.key}</code></td><td class="n">${n(r.count)}</td></tr>`)}</table>`;
}

/** The log-setup doctor: per access log, what it lacks and the configuration that adds it. */
function logSetup(report: LogReport, t: LogsText, n: (v: number) => string): Html | '' {
  if (!report.logSetup) return '';
  return html`<h2>${t.setup.title}</h2>
${report.logSetup.map(
  (a) => html`<p>${t.setup.weak(a.file, a.proxy, n(a.weak))}:</p><ul>${a.missing.map((m) => html`<li><code>${m.fields.join(', ')}</code>: ${t.setup.gaps[m.gap]} (${n(m.count)})</li>`)}</ul>
<p>${t.setup.where[a.proxy]}</p><pre><code>${a.config}</code></pre>`,
)}`;
}

/** Before everything else: why this report may not speak for the logs, file by file. */
function readProblems(report: LogReport, t: LogsText, n: (v: number) => string): Html | '' {
  const headline = readHeadline(report, t, n);
  if (!headline) return '';
  const warned = report.files.flatMap((f) => {
    const warning = warningText(f, t, n);
    return warning ? [html`<li><code>${f.name}</code>: ${warning}</li>`] : [];
  });
  const failures = report.noRequests ? report.errorLog.unlinked.map((u) => html`<li>${t.causes[u.cause].label}: <b>${n(u.count)}</b> <code>${u.examples[0]?.file}:${u.examples[0]?.line} ${u.examples[0]?.message}</code></li>`) : [];
  return html`<section class="warn"><p><b>${headline}</b></p><ul>${warned}${failures}</ul></section>`;
}

export function renderLogReportHtml(report: LogReport, t: LogsText): string {
  const n = (v: number): string => v.toLocaleString(t.locale === 'id' ? 'id-ID' : 'en-US');
  const total = report.totals.verdicts;
  const pct = (v: number): string => `${total === 0 ? 0 : Math.round((v / total) * 1000) / 10}%`;
  // With no request, the next step is that of the error logs' largest group of failures.
  const biggest = report.biggestCause ?? (report.noRequests ? (report.errorLog.unlinked[0]?.cause ?? null) : null);
  const noVerdicts = total === 0 ? noVerdictLine(report, t, n) : null;
  const page = html`<!doctype html>
<html lang="${t.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${t.ui.title}</title><style>${new Html(STYLE)}</style></head><body>
<h1>${t.ui.title}</h1>
${readProblems(report, t, n)}
${report.timeRange ? html`<p>${t.ui.timeRange}: ${report.timeRange.from} → ${report.timeRange.to}</p>` : ''}
<div class="cards"><div class="card">${t.ui.requests}<b>${n(report.totals.requests)}</b>${report.totals.noStatus > 0 ? html`<small>${n(report.totals.noStatus)} ${t.ui.noStatus}</small>` : ''}</div><div class="card">${t.ui.verdicts}<b>${n(total)}</b></div>
${(['app', 'proxy', 'unknown'] as const).map((c) => html`<div class="card">${t.classes[c]}<b>${n(report.classes[c])}</b>${pct(report.classes[c])}</div>`)}</div>
${biggest ? html`<h2>${t.ui.nextStep}</h2><p class="next"><b>${t.causes[biggest].label}.</b> ${t.causes[biggest].next}</p>` : ''}
${noVerdicts ? html`<p>${noVerdicts}</p>` : ''}
${report.timeline && total > 0 ? html`<h2>${t.ui.timeline}</h2>${renderChart(report, t)}` : ''}
${total > 0 ? html`<h2>${t.ui.byCause}</h2>
${report.causes.map(
  (c) => html`<details><summary><span class="swatch" style="background:${CAUSE_COLOURS[c.cause]}"></span><b>${t.causes[c.cause].label}</b> · ${t.classes[c.class]} · ${n(c.count)} (${pct(c.count)}) · ${Object.entries(c.byStatus).map(([s, k]) => `${s}×${n(k)}`).join(' ')}</summary>
<p>${t.causes[c.cause].next}</p>${ranked(t.ui.topRoutes, c.topRoutes, n)}${ranked(t.ui.topUpstreams, c.topUpstreams, n)}${c.approximate ? html`<p><small>${t.ui.approximate}</small></p>` : ''}
<h4>${t.ui.examples}</h4>${exampleRows(c.examples, t)}</details>`,
)}` : ''}
${report.appMessages.length > 0 ? html`<h2>${t.ui.appMessages}</h2>${ranked('', report.appMessages, n)}` : ''}
${report.hidden.truncated.count > 0 || report.hidden.nonHttpReplies > 0 ? html`<h2>${t.ui.hidden}</h2>
<p>${t.ui.truncated}: <b>${n(report.hidden.truncated.count)}</b></p>${report.hidden.truncated.count > 0 ? exampleRows(report.hidden.truncated.examples, t) : ''}
<p>${t.ui.nonHttp}: <b>${n(report.hidden.nonHttpReplies)}</b></p>` : ''}
${report.unknownReasons.length > 0 ? html`<h2>${t.ui.unknownWhy}</h2><table>${report.unknownReasons.map((u) => html`<tr><td>${t.reasons[u.reason]}</td><td class="n">${n(u.count)}</td></tr>`)}</table>` : ''}
${logSetup(report, t, n)}
<h2>${t.ui.correlation}</h2><table>
<tr><td>${t.ui.byRequestId}</td><td class="n">${n(report.correlation.byRequestId)}</td></tr>
<tr><td>${t.ui.byTimeWindow}</td><td class="n">${n(report.correlation.byTimeWindow)}</td></tr>
<tr><td>${t.ui.linkedErrorLog}</td><td class="n">${n(report.correlation.byErrorLog)}</td></tr>
<tr><td>${t.ui.appLines}</td><td class="n">${n(report.correlation.appLines)}</td></tr>
<tr><td>${t.ui.errorLog}: ${t.ui.errorLogUnlinked}</td><td class="n">${n(report.errorLog.events - report.errorLog.linked)}</td></tr></table>
<h2>${t.ui.files}</h2><table><thead><tr><th>${t.ui.files}</th><th>${t.ui.format}</th><th>${t.ui.role}</th><th class="n">${t.ui.lines}</th><th class="n">${t.ui.parsed}</th><th class="n">${t.ui.skipped}</th></tr></thead><tbody>
${report.files.map(
  (f) => html`<tr><td><code>${f.name}</code></td><td>${formatName(f, t)} (${f.detected ? t.ui.detected : t.ui.forced})</td><td>${f.role}</td><td class="n">${n(f.lines)}</td><td class="n">${n(f.parsed)}</td><td class="n">${n(f.skipped)}</td></tr>
${Object.entries(f.skippedBy).map(([reason, tally]) => html`<tr><td></td><td colspan="5">${t.skip[reason as keyof LogsText['skip']]}: ${n(tally.count)} ${tally.examples.map((e) => html`<div><code>${f.name}:${e.line} ${e.text}</code></div>`)}</td></tr>`)}
${f.detected && f.logFormat !== null ? html`<tr><td></td><td colspan="5">${t.ui.inferredFormat}: <code>${f.logFormat}</code></td></tr>` : ''}
${f.firstLines ? html`<tr><td></td><td colspan="5">${t.ui.firstLines}: ${f.firstLines.map((e) => html`<div><code>${f.name}:${e.line} ${e.text}</code></div>`)}</td></tr>` : ''}
${f.continued > 0 ? html`<tr><td></td><td colspan="5">${n(f.continued)} ${t.ui.continued}</td></tr>` : ''}
${f.rejoined > 0 ? html`<tr><td></td><td colspan="5">${n(f.rejoined)} ${t.ui.rejoined}</td></tr>` : ''}
${f.error ? html`<tr><td></td><td colspan="5">${t.ui.readError}: ${f.error}</td></tr>` : ''}`,
)}</tbody></table>
<p><small>${t.ui.generatedBy}</small></p>
</body></html>
`;
  return page.value;
}
