/**
 * `--metrics-file`: the Prometheus text exposition written for node_exporter's textfile collector, to a temporary
 * file beside the target and renamed over it, so the collector never reads half a file (it reads only `*.prom`
 * files; the temporary name does not end so).
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { HttpwhyError } from '../errors.ts';
import type { LogMetrics } from './log-metrics.ts';

export async function writeMetricsFile(metrics: LogMetrics, path: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const { body } = await metrics.exposition(false);
  try {
    await writeFile(temporary, body);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new HttpwhyError('HW_ERR_METRICS_FILE_UNWRITABLE', `Cannot write the metrics to ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file: path });
  }
}
