/**
 * `httpwhy metrics dashboard`: a Grafana dashboard (import it, pick the Prometheus data source) over the exporter's
 * metrics and the recording rules of rules.ts: proxy- vs app-issued 5xx over time, causes, top routes and upstreams,
 * failure durations, and the lines read and skipped per file. Every query uses only what families.ts and the rules
 * define (queries.test.ts checks it; test/metrics/prometheus.test.ts runs each one).
 */
import { FAMILIES } from './families.ts';
import { RECORDED } from './rules.ts';

const { failures, failuresByRoute, failuresByUpstream, failureDuration, linesRead, linesSkipped, fileReadable, maintenance } = FAMILIES;

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const JOB = 'job=~"$job"';

interface Panel {
  title: string;
  description: string;
  type: 'timeseries' | 'bargauge' | 'stat';
  exprs: Array<{ expr: string; legend: string }>;
  unit: string;
  /** Grid width (of 24) and height. */
  w: number;
  h: number;
  /** Bar gauges and stats show the value over the dashboard's range, not a series. */
  instant?: boolean;
  stacked?: boolean;
}

const PANELS: Panel[] = [
  {
    title: '5xx by who issued them',
    description: 'Made by the proxy (upstream down, refused, timed out, no live server) or by the app itself, as httpwhy classified each line.',
    type: 'timeseries',
    exprs: [{ expr: `sum by (issuer) (rate(${failures.name}{${JOB}, code=~"5.."}[$__rate_interval]))`, legend: '{{issuer}}' }],
    unit: 'reqps',
    w: 12,
    h: 8,
  },
  {
    title: 'Share of requests answered with a 5xx',
    description: 'Per issuer; 503s during a declared maintenance are left out, as the alerting rules do.',
    type: 'timeseries',
    exprs: [{ expr: `sum by (issuer) (${RECORDED.issuer5xxRate}{${JOB}}) / ignoring (issuer) group_left sum(${RECORDED.requestRate}{${JOB}})`, legend: '{{issuer}}' }],
    unit: 'percentunit',
    w: 12,
    h: 8,
  },
  {
    title: 'Failures by cause',
    description: 'Every 5xx, 499 and 009 by the cause httpwhy found in the logs.',
    type: 'timeseries',
    exprs: [{ expr: `sum by (cause) (rate(${failures.name}{${JOB}}[$__rate_interval]))`, legend: '{{cause}}' }],
    unit: 'reqps',
    w: 12,
    h: 8,
    stacked: true,
  },
  {
    title: 'Duration of failures (90th percentile)',
    description: 'From the durations the access log records, by cause: timeouts sit at the proxy\'s timeout, refusals near zero.',
    type: 'timeseries',
    exprs: [{ expr: `histogram_quantile(0.9, sum by (le, cause) (rate(${failureDuration.name}_bucket{${JOB}}[$__rate_interval])))`, legend: '{{cause}}' }],
    unit: 's',
    w: 12,
    h: 8,
  },
  {
    title: 'Top routes',
    description: 'Failures per route over the dashboard\'s range; routes beyond the exporter\'s slots are counted as "other".',
    type: 'bargauge',
    exprs: [{ expr: `topk(10, sum by (issuer, route) (increase(${failuresByRoute.name}{${JOB}}[$__range])))`, legend: '{{issuer}} {{route}}' }],
    unit: 'short',
    w: 12,
    h: 10,
    instant: true,
  },
  {
    title: 'Top upstreams',
    description: 'Failures per upstream tried last ("-" when the log names none) over the dashboard\'s range.',
    type: 'bargauge',
    exprs: [{ expr: `topk(10, sum by (issuer, upstream) (increase(${failuresByUpstream.name}{${JOB}}[$__range])))`, legend: '{{issuer}} {{upstream}}' }],
    unit: 'short',
    w: 12,
    h: 10,
    instant: true,
  },
  {
    title: 'Lines skipped',
    description: 'Lines httpwhy could not read, by file and reason: a format change shows here first, and the failures in those lines are not counted.',
    type: 'timeseries',
    exprs: [{ expr: `sum by (file, reason) (rate(${linesSkipped.name}{${JOB}}[$__rate_interval]))`, legend: '{{file}} {{reason}}' }],
    unit: 'short',
    w: 12,
    h: 8,
  },
  {
    title: 'Lines read',
    description: 'Lines read per file: a log that stops growing, or one that cannot be read (right), stops feeding the panels above.',
    type: 'timeseries',
    exprs: [{ expr: `sum by (file) (rate(${linesRead.name}{${JOB}}[$__rate_interval]))`, legend: '{{file}}' }],
    unit: 'short',
    w: 8,
    h: 8,
  },
  {
    title: 'Logs not read',
    description: 'Log files httpwhy could not open, or stopped reading because of an error.',
    type: 'stat',
    exprs: [{ expr: `count(${fileReadable.name}{${JOB}} == 0) or vector(0)`, legend: '' }],
    unit: 'short',
    w: 4,
    h: 8,
    instant: true,
  },
];

function panelJson(p: Panel, id: number, x: number, y: number): Record<string, unknown> {
  return {
    id,
    type: p.type,
    title: p.title,
    description: p.description,
    datasource: DATASOURCE,
    gridPos: { x, y, w: p.w, h: p.h },
    targets: p.exprs.map((e, i) => ({ refId: String.fromCharCode(65 + i), datasource: DATASOURCE, expr: e.expr, legendFormat: e.legend, instant: p.instant === true, range: p.instant !== true })),
    fieldConfig: { defaults: { unit: p.unit, ...(p.stacked ? { custom: { stacking: { mode: 'normal', group: 'A' } } } : {}) }, overrides: [] },
    options: p.type === 'bargauge' ? { orientation: 'horizontal', displayMode: 'basic', reduceOptions: { calcs: ['lastNotNull'], values: false } } : {},
  };
}

/** Lays the panels out in rows of 24 columns. */
function layout(): Record<string, unknown>[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return PANELS.map((p, i) => {
    if (x + p.w > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const json = panelJson(p, i + 1, x, y);
    x += p.w;
    rowHeight = Math.max(rowHeight, p.h);
    return json;
  });
}

/** The dashboard, as Grafana imports it. */
export function grafanaDashboard(): Record<string, unknown> {
  return {
    uid: 'httpwhy-logs',
    title: 'httpwhy: who made each 5xx',
    description: 'Proxy- vs app-issued failures classified by httpwhy logs -f --metrics.',
    tags: ['httpwhy'],
    schemaVersion: 39,
    version: 1,
    editable: true,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    templating: {
      list: [
        { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus' },
        {
          name: 'job',
          label: 'Job',
          type: 'query',
          datasource: DATASOURCE,
          query: `label_values(${FAMILIES.requests.name}, job)`,
          refresh: 2,
          includeAll: true,
          multi: true,
          allValue: '.+',
        },
      ],
    },
    annotations: {
      list: [{ name: 'Maintenance', datasource: DATASOURCE, enable: true, iconColor: 'blue', expr: `max(${maintenance.name}{${JOB}}) > 0`, titleFormat: 'maintenance declared' }],
    },
    panels: layout(),
  };
}
