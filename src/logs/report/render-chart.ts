/** The HTML report's chart: verdicts per time bucket, stacked by cause, as inline SVG (no script, no network). */
import { html, type Html } from './html-template.ts';
import type { LogsText } from './messages.ts';
import type { LogReport } from './report.ts';
import { formatDuration, resample } from './render-text.ts';
import { CAUSES, type Cause } from '../types.ts';

const WIDTH = 900;
const HEIGHT = 220;
const MAX_BARS = 120;

/** One colour per cause; app causes blue, proxy causes warm, unknown grey. */
export const CAUSE_COLOURS: Record<Cause, string> = {
  'app-error': '#2563eb',
  'app-overload': '#60a5fa',
  refused: '#dc2626',
  'connect-failed': '#e11d48',
  unreachable: '#b91c1c',
  reset: '#ea580c',
  timeout: '#d97706',
  'invalid-response': '#c026d3',
  'header-too-big': '#a21caf',
  'non-http-reply': '#7c3aed',
  'no-live-upstream': '#be123c',
  dns: '#9f1239',
  tls: '#86198f',
  'app-start-failed': '#e11d48',
  'load-shed': '#ca8a04',
  'client-closed': '#65a30d',
  'proxy-config': '#0d9488',
  'upstream-failed': '#f97316',
  unknown: '#9ca3af',
};

export function renderChart(report: LogReport, t: LogsText): Html | null {
  const timeline = report.timeline;
  if (!timeline) return null;
  const causes = CAUSES.filter((c) => timeline.byCause[c]);
  if (causes.length === 0) return null;
  const columns = causes.map((c) => resample(timeline.byCause[c] as number[], MAX_BARS));
  const bars = columns[0]?.length ?? 0;
  const stacks = Array.from({ length: bars }, (_, i) => columns.reduce((sum, col) => sum + (col[i] as number), 0));
  const max = Math.max(1, ...stacks);
  const barWidth = WIDTH / bars;
  const bucketSeconds = (timeline.bucketSeconds * timeline.total.length) / bars;
  const rects: Html[] = [];
  for (let i = 0; i < bars; i++) {
    let y = HEIGHT;
    causes.forEach((cause, k) => {
      const v = (columns[k] as number[])[i] as number;
      if (v === 0) return;
      const h = (v / max) * (HEIGHT - 20);
      y -= h;
      rects.push(
        html`<rect x="${(i * barWidth).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${CAUSE_COLOURS[cause]}"><title>${t.causes[cause].label}: ${v}</title></rect>`,
      );
    });
  }
  const end = new Date(Date.parse(timeline.start) + timeline.bucketSeconds * 1000 * timeline.total.length).toISOString();
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT + 24}" role="img" aria-label="${t.ui.timeline}">
<line x1="0" y1="${HEIGHT}" x2="${WIDTH}" y2="${HEIGHT}" stroke="#999"/>
${rects}
<text x="0" y="${HEIGHT + 18}" font-size="12">${timeline.start}</text>
<text x="${WIDTH}" y="${HEIGHT + 18}" font-size="12" text-anchor="end">${end}</text>
<text x="4" y="12" font-size="12">max ${max} / ${formatDuration(bucketSeconds)}</text>
</svg>
<figcaption>${causes.map((c) => html`<span class="key"><i style="background:${CAUSE_COLOURS[c]}"></i>${t.causes[c].label}</span>`)}</figcaption>
</figure>`;
}
