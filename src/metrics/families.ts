/**
 * Every metric `httpwhy logs -f --metrics` exports, in one table: name, help, labels (each with a bounded set of
 * values) and histogram buckets. The exporter builds its prom-client metrics from it; the rules and the dashboard
 * may query only what it names (queries.test.ts checks them against it).
 */

export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram';
  help: string;
  labels: readonly string[];
  /** Histograms: upper bounds in seconds. */
  buckets?: readonly number[];
}

/** Routes and upstreams with a label value of their own, per dimension; the rest are counted as `other`. */
export const LABEL_SLOTS = 20;
/** The label value of every route or upstream without a slot. */
export const OTHER = 'other';
/** The upstream label of an entry whose log names no upstream. */
export const NO_UPSTREAM = '-';

export const FAMILIES = {
  requests: {
    name: 'httpwhy_requests_total',
    type: 'counter',
    help: 'Access-log requests read, by status code (009 for nginx\'s HTTP/0.9 relay, 000 for none).',
    labels: ['code'],
  },
  failures: {
    name: 'httpwhy_failures_total',
    type: 'counter',
    help: '5xx, 499 and 009 responses by who issued them (issuer: app, proxy, unknown), why (cause) and status code.',
    labels: ['issuer', 'cause', 'code'],
  },
  failuresByRoute: {
    name: 'httpwhy_failures_by_route_total',
    type: 'counter',
    help: `5xx, 499 and 009 responses by issuer and route (method and path with ids as :id); the ${LABEL_SLOTS} routes with the most recent failures have their own value, the rest are route="${OTHER}".`,
    labels: ['issuer', 'route'],
  },
  failuresByUpstream: {
    name: 'httpwhy_failures_by_upstream_total',
    type: 'counter',
    help: `5xx, 499 and 009 responses by issuer and the last upstream tried ("${NO_UPSTREAM}" when not logged); the ${LABEL_SLOTS} upstreams with the most recent failures have their own value, the rest are upstream="${OTHER}".`,
    labels: ['issuer', 'upstream'],
  },
  failureDuration: {
    name: 'httpwhy_failure_duration_seconds',
    type: 'histogram',
    help: 'Logged duration of the 5xx, 499 and 009 responses whose log line has one, by issuer and cause.',
    labels: ['issuer', 'cause'],
    buckets: [0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  },
  linesRead: {
    name: 'httpwhy_log_lines_total',
    type: 'counter',
    help: 'Lines read from each log file, the skipped ones included.',
    labels: ['file'],
  },
  linesSkipped: {
    name: 'httpwhy_log_lines_skipped_total',
    type: 'counter',
    help: 'Lines of each log file that could not be read, by reason (empty, binary, invalid-utf8, too-long, truncated, unrecognized).',
    labels: ['file', 'reason'],
  },
  fileReadable: {
    name: 'httpwhy_log_file_readable',
    type: 'gauge',
    help: '1 while the log file is read, 0 once it could not be opened or reading it failed.',
    labels: ['file'],
  },
  maintenance: {
    name: 'httpwhy_maintenance',
    type: 'gauge',
    help: '1 while maintenance is declared (the --maintenance-file exists): the alerting rules then ignore 503s.',
    labels: [],
  },
} as const satisfies Record<string, Family>;

