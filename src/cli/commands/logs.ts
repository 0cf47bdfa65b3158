/** `httpwhy logs FILE... [--app APPLOG...]`, `--emit ndjson` for ClickHouse, or `--clickhouse URL` to report on its rows. */
import { Argument, Option, type CommandDeclaration } from '../command.ts';

export interface LogsOptions {
  app?: string[];
  format?: string;
  /** `app`; the choices are checked by commander. */
  writtenBy?: 'app';
  appFormat?: string;
  requestIdField?: string;
  messageField?: string;
  idPattern?: string;
  tz?: string;
  /** Seconds; validated by the runner (a positive number). */
  window?: string;
  /** Validated by the runner (a positive integer). */
  top?: string;
  html?: string;
  failOn?: string;
  follow?: boolean;
  /** `[HOST:]PORT`; validated by the runner. */
  metrics?: string;
  metricsFile?: string;
  maintenanceFile?: string;
  /** `--no-progress` sets it to false. */
  progress?: boolean;
  /** `ndjson`: rows for ClickHouse instead of a report. */
  emit?: string;
  host?: string;
  /** A ClickHouse server's URL (or, with `--engine chdb`, a chDB data directory) to report on. */
  clickhouse?: string;
  engine?: string;
  database?: string;
  since?: string;
  from?: string;
  to?: string;
  credentialsFile?: string;
  /** Seconds; validated by the runner. */
  timeout?: string;
}

export const logsCommand: CommandDeclaration<[files: string[]], LogsOptions> = {
  name: 'logs',
  description: 'classify every 5xx, 499 and 009 in proxy logs as app-issued or proxy-issued, and why',
  arguments: [new Argument('[files...]', 'proxy or web-server logs; - for stdin; .gz is read directly (none with --clickhouse)')],
  options: [
    new Option('--app <files...>', 'application logs to join (JSON lines or text with request ids)'),
    new Option('--format <format>', 'format of FILES (combined, nginx-error, haproxy, alb, envoy, caddy, traefik-json, ..., an nginx log_format or a HAProxy log-format string); detected when absent'),
    new Option('--written-by <writer>', "who wrote FILES, when a line cannot say: app for the application server's own access log (gunicorn, morgan, Tomcat's access valve), whose 5xx are then the application's").choices(['app']),
    new Option('--app-format <format>', 'app-json or app-text (detected when absent)'),
    new Option('--request-id-field <field>', 'JSON app logs: field with the request id, dots for nesting'),
    new Option('--message-field <field>', 'JSON app logs: field with the message'),
    new Option('--id-pattern <regex>', 'text app logs: regex whose first group is the request id'),
    new Option('--tz <zone>', "zone of times logged without one (HAProxy; app logs): IANA name or ±HH:MM (default: this machine's)"),
    new Option('--window <seconds>', 'time window for joining by time and path (default 2)'),
    new Option('--top <n>', 'rows in top tables (default 5)'),
    new Option('--html <file>', 'also write a self-contained HTML report'),
    new Option('--fail-on <expr>', 'exit 1 when a threshold is crossed, e.g. "proxy-issued>0" or "5xx-rate>1%" (comma-separated; counts: requests, 5xx, proxy-issued, app-issued, unknown, skipped; in % of requests: 5xx-rate, proxy-issued-rate, app-issued-rate, unknown-rate)'),
    new Option('-f, --follow', 'keep reading growing files and stdin, refreshing the summary (Ctrl-C to stop)'),
    new Option('--metrics <[host:]port>', 'with -f: serve Prometheus metrics on GET /metrics (host 127.0.0.1 unless given); see httpwhy metrics --help'),
    new Option('--metrics-file <file>', "with -f: also write the metrics to FILE for node_exporter's textfile collector (name it *.prom), every refresh"),
    new Option('--maintenance-file <file>', 'with --metrics or --metrics-file: while FILE exists, httpwhy_maintenance is 1 and the shipped alerts ignore 503s'),
    new Option('--no-progress', 'no progress bar on stderr'),
    new Option('--emit <format>', 'write one row per request, error-log event and app event for ClickHouse instead of a report (ndjson: JSONEachRow)').choices(['ndjson']),
    new Option('--host <name>', "with --emit: the host name in the rows (default: this machine's)"),
    new Option('--clickhouse <url>', "report on the rows in ClickHouse (its HTTP URL; with --engine chdb, a chDB data directory); credentials from CLICKHOUSE_USER and CLICKHOUSE_PASSWORD or --credentials-file"),
    new Option('--engine <engine>', 'with --clickhouse: server (default) or chdb (ClickHouse in this process; needs the npm package chdb)').choices(['server', 'chdb']),
    new Option('--database <name>', 'with --clickhouse: the database of the rows (default httpwhy)'),
    new Option('--since <duration>', 'with --clickhouse: the last 90s, 15m, 1h, 7d'),
    new Option('--from <time>', 'with --clickhouse: from this ISO 8601 time'),
    new Option('--to <time>', 'with --clickhouse: until this ISO 8601 time'),
    new Option('--credentials-file <file>', 'with --clickhouse: a file whose first line is user:password'),
    new Option('--timeout <seconds>', 'with --clickhouse: how long one query may take (default 300)'),
  ],
  helpAfter:
    '\nExit codes: 0 ok · 1 a --fail-on threshold crossed, or no request read from any file (the report says why), or a ClickHouse query failed · 2 bad input (unreadable file, unknown --format or one that reads no line of a file, bad option, a ClickHouse URL or credentials that do not work)\n\nFleet scale: httpwhy logs /var/log/nginx/*.log --emit ndjson | clickhouse-client --query "INSERT INTO httpwhy.log_rows FORMAT JSONEachRow" on every host (schema: httpwhy clickhouse schema), then httpwhy logs --clickhouse http://clickhouse:8123 --since 1h',
  run: (args, options, ctx) => import('../runners/logs.ts').then((runner) => runner.runLogs(args, options, ctx)),
};
