/** `httpwhy metrics rules|dashboard`. */
import { Argument, type CommandDeclaration } from '../command.ts';

export type MetricsArtifact = 'rules' | 'dashboard';

export const metricsCommand: CommandDeclaration<[artifact: MetricsArtifact], object> = {
  name: 'metrics',
  description: 'print the Prometheus alerting and recording rules, or the Grafana dashboard, for httpwhy logs -f --metrics',
  arguments: [new Argument('<artifact>', 'rules (a Prometheus rule file, YAML) or dashboard (Grafana JSON)').choices(['rules', 'dashboard'])],
  options: [],
  helpAfter: `
Examples:
  httpwhy logs -f /var/log/nginx/access.log /var/log/nginx/error.log --metrics 9464
  httpwhy metrics rules > /etc/prometheus/rules/httpwhy.yml
  httpwhy metrics dashboard > httpwhy-dashboard.json      (Grafana: Dashboards > New > Import)
`,
  run: (args, options, ctx) => import('../runners/metrics.ts').then((runner) => runner.runMetrics(args, options, ctx)),
};
