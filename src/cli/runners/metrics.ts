/** `httpwhy metrics rules|dashboard`: the rule file as YAML (`--json`: the same groups as JSON), the dashboard as JSON. */
import { grafanaDashboard, prometheusRules, ruleGroups } from '../../metrics/index.ts';
import type { MetricsArtifact } from '../commands/metrics.ts';
import type { CommandContext } from '../context.ts';

export function runMetrics([artifact]: [artifact: MetricsArtifact], _options: object, { io, json }: CommandContext): number {
  if (artifact === 'dashboard') io.stdout.write(`${JSON.stringify(grafanaDashboard(), null, 2)}\n`);
  else io.stdout.write(json ? `${JSON.stringify(ruleGroups(), null, 2)}\n` : prometheusRules());
  return 0;
}
