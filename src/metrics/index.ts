/**
 * @module metrics
 * Live metrics from `httpwhy logs -f`: the exporter (log-metrics.ts) counts every verdict by issuer, cause, status,
 * and bounded route and upstream labels (label-slots.ts), and reads requests and lines per file from the session at
 * scrape time; it is served on a loopback endpoint (endpoint.ts) and/or written as a node_exporter textfile
 * (textfile.ts), both started for a follow session by follow-metrics.ts. What it exports is one table
 * (families.ts), which the Prometheus rules (rules.ts) and the Grafana dashboard (dashboard.ts) query.
 * Above logs, below the CLI.
 */
export { LogMetrics, type CountsSource, type Exposition, type LogMetricsOptions } from './log-metrics.ts';
export { parseListenAddress, type ListenAddress } from './endpoint.ts';
export { startFollowMetrics, type FollowMetrics, type FollowMetricsOptions } from './follow-metrics.ts';
export { prometheusRules, ruleGroups } from './rules.ts';
export { grafanaDashboard } from './dashboard.ts';
