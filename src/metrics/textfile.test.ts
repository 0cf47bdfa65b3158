import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogMetrics } from './log-metrics.ts';
import { writeMetricsFile } from './textfile.ts';

const dir = mkdtempSync(join(tmpdir(), 'httpwhy-textfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeMetricsFile', () => {
  const byStatus = new Float64Array(1000);
  byStatus[502] = 4;
  const metrics = new LogMetrics({ counts: () => ({ byStatus, inputs: [] }) });

  it('writes the Prometheus text format by renaming a temporary file, leaving nothing else behind', async () => {
    const file = join(dir, 'httpwhy.prom');
    await writeMetricsFile(metrics, file);
    byStatus[502] = 5;
    await writeMetricsFile(metrics, file);
    expect(readFileSync(file, 'utf8')).toContain('httpwhy_requests_total{code="502"} 5\n');
    expect(readdirSync(dir)).toEqual(['httpwhy.prom']);
  });

  it('refuses a path it cannot write as bad input', async () => {
    await expect(writeMetricsFile(metrics, join(dir, 'missing', 'httpwhy.prom'))).rejects.toMatchObject({ code: 'HW_ERR_METRICS_FILE_UNWRITABLE', exitCode: 2 });
    expect(readdirSync(dir)).toEqual(['httpwhy.prom']);
  });
});
