/**
 * The shipped rules and the exposition through Debian's promtool 2.42: `check rules`, the rule unit tests of
 * test/fixtures/metrics/rules-tests.yml (each alert fires on its failure and stays silent on the app's own 500s and
 * on a deliberate 503 during maintenance), and `check metrics` on an exposition with every family filled. The rules
 * come from the CLI (`httpwhy metrics rules`), as an operator would take them. With CI=true a missing promtool fails.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.ts';
import { LogMetrics } from '../../src/metrics/index.ts';
import { memoryIo } from '../helpers/memory-io.ts';

const PROMTOOL = '/usr/bin/promtool';
const TESTS = new URL('../fixtures/metrics/rules-tests.yml', import.meta.url).pathname;

const promtool = (args: string[], input?: string) => spawnSync(PROMTOOL, args, { input, encoding: 'utf8', timeout: 30_000 });

describe.skipIf(!existsSync(PROMTOOL) && process.env.CI !== 'true')('promtool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-promtool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the rules httpwhy metrics rules prints, and their unit tests pass', async () => {
    const io = memoryIo();
    expect(await run(['metrics', 'rules'], io)).toBe(0);
    writeFileSync(join(dir, 'rules.yml'), io.stdoutText());
    const check = promtool(['check', 'rules', join(dir, 'rules.yml')]);
    expect([check.status, check.stdout]).toEqual([0, `Checking ${join(dir, 'rules.yml')}\n  SUCCESS: 10 rules found\n\n`]);
    copyFileSync(TESTS, join(dir, 'rules-tests.yml'));
    const tests = promtool(['test', 'rules', join(dir, 'rules-tests.yml')]);
    expect([tests.status, tests.stdout]).toEqual([0, `Unit Testing:  ${join(dir, 'rules-tests.yml')}\n  SUCCESS\n\n`]);
  });

  it('finds nothing to lint in an exposition with every family filled', async () => {
    const byStatus = new Float64Array(1000);
    byStatus[200] = 40;
    byStatus[502] = 2;
    const metrics = new LogMetrics(
      { counts: () => ({ byStatus, inputs: [{ name: '/var/log/nginx/access.log', lines: 45, skippedBy: { binary: 1, unrecognized: 2 }, readable: false }] }) },
      { maintenance: () => true },
    );
    metrics.record({ file: '/var/log/nginx/access.log', status: 502, cause: 'refused', issuer: 'proxy', route: 'GET /api/"quoted"\\path', upstream: '10.0.0.7:8080', requestTime: 0.001 });
    metrics.record({ file: '/var/log/nginx/access.log', status: 500, cause: 'app-error', issuer: 'app', route: 'POST /orders', upstream: '', requestTime: 1.5 });
    const { body } = await metrics.exposition();
    for (const family of ['httpwhy_failures_total{', 'httpwhy_log_lines_skipped_total{', 'httpwhy_log_file_readable{', 'httpwhy_failure_duration_seconds_bucket{', 'httpwhy_maintenance 1']) expect(body).toContain(family);
    const lint = promtool(['check', 'metrics'], body);
    expect([lint.status, lint.stdout, lint.stderr]).toEqual([0, '', '']);
  });
});
