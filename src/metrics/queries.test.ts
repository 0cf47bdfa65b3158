import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seriesNamesIn } from '../../test/helpers/promql.ts';
import { grafanaDashboard } from './dashboard.ts';
import { FAMILIES, type Family } from './families.ts';
import { prometheusRules } from './rules.ts';

interface RuleFile {
  groups: Array<{ rules: Array<{ record?: string; alert?: string; expr: string; labels?: Record<string, string> }> }>;
}

/** Every `expr` anywhere in a JSON value: the dashboard's panel targets and annotations. */
function exprsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(exprsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'expr' && typeof v === 'string' ? [v] : exprsIn(v)));
}

const rules = (parse(prometheusRules()) as RuleFile).groups.flatMap((g) => g.rules);
const recorded = rules.flatMap((r) => (r.record ? [r.record] : []));
/** Every series name a query may use: counters and gauges by name, histograms by their _bucket, _sum and _count. */
const exported = Object.values(FAMILIES).flatMap((f: Family) => (f.type === 'histogram' ? ['_bucket', '_sum', '_count'].map((s) => f.name + s) : [f.name]));
const dashboard = JSON.parse(JSON.stringify(grafanaDashboard())) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };

describe('the shipped rules and dashboard', () => {
  it('query only what the exporter exports, and recording rules defined before their use', () => {
    const seen = new Set<string>();
    for (const rule of rules) {
      for (const name of seriesNamesIn(rule.expr)) expect([...exported, ...seen], `${rule.record ?? rule.alert}: ${name}`).toContain(name);
      if (rule.record) seen.add(rule.record);
    }
  });

  it('dashboard: every panel and annotation queries only exported metrics and recording rules', () => {
    const queries = exprsIn(dashboard);
    expect(queries.length).toBeGreaterThanOrEqual(dashboard.panels.length);
    for (const expr of queries) for (const name of seriesNamesIn(expr)) expect([...exported, ...recorded], expr).toContain(name);
  });

  it('dashboard: shows proxy vs app 5xx, causes, top routes and upstreams, and skipped lines', () => {
    const used = new Set(exprsIn(dashboard).flatMap(seriesNamesIn));
    for (const f of [FAMILIES.failures, FAMILIES.failuresByRoute, FAMILIES.failuresByUpstream, FAMILIES.linesSkipped, FAMILIES.linesRead]) expect([...used]).toContain(f.name);
    expect(exprsIn(dashboard).some((e) => e.includes('sum by (issuer)') && e.includes(FAMILIES.failures.name))).toBe(true);
    expect(exprsIn(dashboard).some((e) => e.includes('sum by (cause)'))).toBe(true);
  });

  it('rules: page on the proxy layer, ticket the app, and every alert has a severity and a summary', () => {
    const alerts = rules.filter((r) => r.alert);
    expect(alerts.map((a) => [a.alert, a.labels?.severity])).toEqual([
      ['HttpwhyProxyIssued5xx', 'page'],
      ['HttpwhyConnectionRefused', 'page'],
      ['HttpwhyNonHttpReply', 'page'],
      ['HttpwhyAppIssued5xx', 'ticket'],
      ['HttpwhyLogUnreadable', 'ticket'],
      ['HttpwhyLogLinesSkipped', 'ticket'],
    ]);
  });
});
