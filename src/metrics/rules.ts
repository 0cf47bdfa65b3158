/**
 * `httpwhy metrics rules`: Prometheus recording and alerting rules over the exporter's metrics. They page on what
 * the proxy layer did (a proxy-issued 5xx rate, any burst of refused connections, any reply that was not HTTP), open a
 * ticket for what the app did (its own 5xx) and for logs that stop being read, and never count a 503 while maintenance
 * is declared: `httpwhy logs -f --maintenance-file PATH` exports `httpwhy_maintenance 1` while PATH exists, a
 * deliberate 503 (with Retry-After) is then expected. `test/metrics/` runs them in promtool and a real Prometheus.
 */
import { stringify } from 'yaml';
import { FAMILIES } from './families.ts';

const { failures, requests, linesRead, linesSkipped, fileReadable, maintenance } = FAMILIES;

/** Recording rules: the 5xx rate by issuer with 503s left out during maintenance, and its share of requests. */
export const RECORDED = {
  requestRate: 'job_instance:httpwhy_requests:rate5m',
  failureRate: 'job_instance_issuer_cause:httpwhy_failures:rate5m',
  issuer5xxRate: 'job_instance_issuer:httpwhy_5xx:rate5m',
  issuer5xxRatio: 'job_instance_issuer:httpwhy_5xx:ratio_rate5m',
} as const;

/** What pages and what opens a ticket; operators tune the thresholds in the printed rules. */
const PAGE = { severity: 'page' } as const;
const TICKET = { severity: 'ticket' } as const;

interface RecordingRule {
  record: string;
  expr: string;
}

interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: typeof PAGE | typeof TICKET;
  annotations: { summary: string; description: string };
}

const recording: RecordingRule[] = [
  { record: RECORDED.requestRate, expr: `sum by (job, instance) (rate(${requests.name}[5m]))` },
  { record: RECORDED.failureRate, expr: `sum by (job, instance, issuer, cause) (rate(${failures.name}[5m]))` },
  {
    record: RECORDED.issuer5xxRate,
    // A 503 counts only outside a declared maintenance.
    expr: `sum by (job, instance, issuer) (
  rate(${failures.name}{code=~"5..", code!="503"}[5m])
  or (rate(${failures.name}{code="503"}[5m]) unless on (job, instance) (${maintenance.name} == 1))
)`,
  },
  { record: RECORDED.issuer5xxRatio, expr: `${RECORDED.issuer5xxRate} / on (job, instance) group_left ${RECORDED.requestRate}` },
];

const alerting: AlertingRule[] = [
  {
    alert: 'HttpwhyProxyIssued5xx',
    expr: `${RECORDED.issuer5xxRatio}{issuer="proxy"} > 0.01 and ${RECORDED.issuer5xxRate}{issuer="proxy"} > 0.05`,
    for: '5m',
    labels: PAGE,
    annotations: {
      summary: 'The proxy itself answers {{ $value | humanizePercentage }} of requests with a 5xx',
      description: 'httpwhy classified these 5xx as made by the proxy on {{ $labels.instance }} (upstream down, refused, timed out, no live server), not by the app. Run httpwhy logs on the access and error logs for the causes.',
    },
  },
  {
    alert: 'HttpwhyConnectionRefused',
    expr: `sum by (job, instance) (increase(${failures.name}{cause="refused"}[2m])) >= 3`,
    labels: PAGE,
    annotations: {
      summary: 'The upstream refuses the proxy\'s connections ({{ $value }} in 2 minutes)',
      description: 'Nothing listens where the proxy on {{ $labels.instance }} connects: the app is down, restarting or on another port.',
    },
  },
  {
    alert: 'HttpwhyNonHttpReply',
    expr: `sum by (job, instance) (increase(${failures.name}{cause="non-http-reply"}[5m])) > 0`,
    labels: PAGE,
    annotations: {
      summary: 'The upstream answered with something that is not HTTP (nginx 009)',
      description: 'The proxy on {{ $labels.instance }} reaches a port that does not speak HTTP, typically TLS or gRPC behind an http:// upstream: a configuration error.',
    },
  },
  {
    alert: 'HttpwhyAppIssued5xx',
    expr: `${RECORDED.issuer5xxRatio}{issuer="app"} > 0.05`,
    for: '15m',
    labels: TICKET,
    annotations: {
      summary: 'The app answers {{ $value | humanizePercentage }} of requests with its own 5xx',
      description: 'httpwhy classified these 5xx on {{ $labels.instance }} as the app\'s own (the proxy passed them through): a bug or an overload in the app, for its owners.',
    },
  },
  {
    alert: 'HttpwhyLogUnreadable',
    expr: `${fileReadable.name} == 0`,
    for: '5m',
    labels: TICKET,
    annotations: {
      summary: 'httpwhy cannot read {{ $labels.file }}',
      description: 'The log could not be opened or reading it failed: the metrics above no longer cover it.',
    },
  },
  {
    alert: 'HttpwhyLogLinesSkipped',
    expr: `sum by (job, instance, file) (rate(${linesSkipped.name}[15m])) / sum by (job, instance, file) (rate(${linesRead.name}[15m])) > 0.1`,
    for: '15m',
    labels: TICKET,
    annotations: {
      summary: '{{ $value | humanizePercentage }} of the lines of {{ $labels.file }} are skipped',
      description: 'httpwhy reads too few lines of this log: its format changed, or another log is mixed in. The failures in the skipped lines are not counted.',
    },
  },
];

/** The rule groups, as a Prometheus rule file holds them. */
export function ruleGroups(): { groups: Array<{ name: string; rules: Array<RecordingRule | AlertingRule> }> } {
  return { groups: [{ name: 'httpwhy-recording', rules: recording }, { name: 'httpwhy-alerts', rules: alerting }] };
}

/** The rules as a Prometheus rule file (YAML). */
export function prometheusRules(): string {
  return stringify(ruleGroups(), { lineWidth: 0, aliasDuplicateObjects: false });
}

