/**
 * A real Prometheus (Debian's 2.42, a plain process on loopback, 1 s scrapes, the shipped rules loaded) scrapes
 * `httpwhy logs -f --metrics` while the test appends the logs nginx, HAProxy and Caddy wrote in front of the lab's
 * faulty upstreams (test/fixtures/logs/, one request per failure mode). PromQL through Prometheus's HTTP API must then
 * count each issuer class and cause as the batch report does; the exposition passes `promtool check metrics`, and
 * every dashboard query runs. Needs `npm run setup:system`; with CI=true a missing binary fails instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.ts';
import { runLogs } from '../../src/cli/runners/logs.ts';
import { freePort, spawnOnFreePort, type ProxyProcess } from '../../src/lab/proxies/proxy-process.ts';
import { grafanaDashboard, prometheusRules } from '../../src/metrics/index.ts';
import { memoryIo } from '../helpers/memory-io.ts';

const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';
const available = existsSync(PROMETHEUS) && existsSync(PROMTOOL);
const FIXTURES = new URL('../fixtures/logs/', import.meta.url).pathname;

/**
 * One `httpwhy logs -f` per proxy, as on three hosts (the captures share paths and times, so one analysis would join
 * one proxy's error lines to another's requests). Error logs first: follow mode reads appended lines in this order,
 * so each error line is indexed before its access line.
 */
const LOGS: Record<string, string[]> = { nginx: ['error.log', 'access.log'], haproxy: ['access.log'], caddy: ['error.log', 'access.log'] };
/** The modes whose lines are there from the start; the others are appended while Prometheus scrapes. */
const FIRST = ['/connection-refused', '/reset-before-headers', '/app-exception'];

/** What the batch report of each capture says (test/logs/real-proxies.test.ts checks each verdict). */
const BY_ISSUER = { 'nginx app': 2, 'nginx proxy': 8, 'haproxy app': 2, 'haproxy proxy': 8, 'caddy app': 2, 'caddy proxy': 7 };
const BY_CAUSE = { 'app-error': 3, 'app-overload': 3, refused: 3, reset: 6, timeout: 6, 'invalid-response': 5, 'non-http-reply': 2, 'header-too-big': 1 };

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(base: string, promql: string): Promise<{ status: string; data: { result: Sample[] }; error?: string }> {
  const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
  return (await response.json()) as { status: string; data: { result: Sample[] }; error?: string };
}

/** `sum by (labels) (...)` as a plain object, keyed by the labels' values joined by a space. */
async function byLabels(base: string, promql: string, ...labels: string[]): Promise<Record<string, number>> {
  const { data } = await query(base, promql);
  return Object.fromEntries(data.result.map((s) => [labels.map((l) => s.metric[l]).join(' '), Number(s.value[1])]));
}

/** Polls (bounded) until `check` holds, then returns the last value. */
async function until<T>(get: () => Promise<T>, check: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await get();
  while (!check(value) && Date.now() < deadline) {
    await sleep(250);
    value = await get();
  }
  return value;
}

/** Grafana's variables, as Prometheus needs them to run the dashboard's queries. */
const grafanaFree = (expr: string) => expr.replaceAll('$__rate_interval', '1m').replaceAll('$__range', '5m').replaceAll('$job', '.+');

function exprsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(exprsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'expr' && typeof v === 'string' ? [v] : exprsIn(v)));
}

describe.skipIf(!available && process.env.CI !== 'true')('a real Prometheus scraping httpwhy logs -f --metrics', () => {
  it('counts every class and cause of the real proxies\' failures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'httpwhy-prometheus-'));
    const controller = new AbortController();
    let prometheus: ProxyProcess | null = null;
    const follows: Array<Promise<number>> = [];
    try {
      const isFirst = (line: string) => FIRST.some((path) => line.includes(`${path} `) || line.includes(`"${path}"`));
      const logs = Object.entries(LOGS).flatMap(([proxy, names]) =>
        names.map((name) => ({ proxy, file: join(dir, `${proxy}-${name}`), lines: readFileSync(join(FIXTURES, proxy, name), 'utf8').split('\n').filter(Boolean) })),
      );
      for (const log of logs) writeFileSync(log.file, log.lines.filter(isFirst).map((l) => `${l}\n`).join(''));

      const targets: string[] = [];
      for (const proxy of Object.keys(LOGS)) {
        const metricsPort = await freePort();
        const run = { ...memoryIo(), cwd: dir };
        const files = logs.filter((l) => l.proxy === proxy).map((l) => l.file);
        const options = { follow: true, progress: false, metrics: String(metricsPort), intervalMs: 100, signal: controller.signal };
        follows.push(runLogs([files], options, createContext(run, { json: true })));
        await until(async () => run.stderrText(), (err) => err.includes('metrics on'), 5_000);
        expect(run.stderrText()).toBe(`httpwhy: metrics on http://127.0.0.1:${metricsPort}/metrics\n`);
        targets.push(`{ targets: ['127.0.0.1:${metricsPort}'], labels: { proxy: ${proxy} } }`);
      }

      writeFileSync(join(dir, 'rules.yml'), prometheusRules());
      writeFileSync(
        join(dir, 'prometheus.yml'),
        `global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }\nrule_files: [rules.yml]\nscrape_configs:\n  - job_name: httpwhy\n    static_configs: [${targets.join(', ')}]\n`,
      );
      const started = await spawnOnFreePort((chosen) => ({
        command: PROMETHEUS,
        args: [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${chosen}`],
        cwd: dir,
        port: chosen,
        readyTimeoutMs: 20_000,
      }));
      prometheus = started.proc;
      const port = started.port;
      const base = `http://127.0.0.1:${port}`;
      // Listening comes before ready (the TSDB opens first): /-/ready answers 503 until then.
      expect(await until(() => fetch(`${base}/-/ready`).then((r) => r.status), (status) => status === 200)).toBe(200);
      const issuers = () => byLabels(base, 'sum by (issuer) (httpwhy_failures_total)', 'issuer');
      expect(await until(issuers, (v) => v.proxy === 6)).toEqual({ app: 3, proxy: 6 });

      for (const log of logs) appendFileSync(log.file, log.lines.filter((l) => !isFirst(l)).map((l) => `${l}\n`).join(''));
      const perProxy = await until(() => byLabels(base, 'sum by (proxy, issuer) (httpwhy_failures_total)', 'proxy', 'issuer'), (v) => total(v) === total(BY_ISSUER));
      expect(perProxy).toEqual(BY_ISSUER);
      expect(await byLabels(base, 'sum by (cause) (httpwhy_failures_total)', 'cause')).toEqual(BY_CAUSE);
      expect(await byLabels(base, 'sum by (code) (httpwhy_requests_total)', 'code')).toEqual({ '009': 2, '200': 4, '500': 3, '502': 14, '503': 4, '504': 6 });
      expect(await byLabels(base, 'sum by (file) (httpwhy_log_lines_total)', 'file')).toEqual(Object.fromEntries(logs.map((l) => [l.file, l.lines.length])));
      expect((await query(base, 'up{job="httpwhy"}')).data.result.map((s) => s.value[1])).toEqual(['1', '1', '1']);

      // The recording rules run over what was scraped, and every dashboard query is valid PromQL.
      const recorded = await until(() => query(base, 'job_instance_issuer_cause:httpwhy_failures:rate5m'), (r) => r.data.result.length > 0);
      expect(new Set(recorded.data.result.map((s) => s.metric.issuer))).toEqual(new Set(['app', 'proxy']));
      for (const expr of exprsIn(grafanaDashboard()).map(grafanaFree)) {
        const result = await query(base, expr);
        expect([expr, result.status, result.error]).toEqual([expr, 'success', undefined]);
      }

      // The exposition as served passes promtool's lint.
      const exposition = await (await fetch(`http://${targets[0]?.match(/127\.0\.0\.1:\d+/)?.[0]}/metrics`)).text();
      const lint = spawnSync(PROMTOOL, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
      expect([lint.status, lint.stdout, lint.stderr]).toEqual([0, '', '']);
    } finally {
      controller.abort();
      await Promise.allSettled(follows);
      await prometheus?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
