/**
 * The metrics of `httpwhy logs -f`: every verdict of the session into the exporter, served on the endpoint and/or
 * written to the textfile. The textfile and the maintenance flag are refreshed on the follow interval, so a scrape
 * never touches the file system.
 */
import { existsSync } from 'node:fs';
import type { LogSession } from '../logs/index.ts';
import { serveMetrics, type ListenAddress } from './endpoint.ts';
import { LogMetrics } from './log-metrics.ts';
import { writeMetricsFile } from './textfile.ts';

export interface FollowMetricsOptions {
  /** Serve the endpoint here. */
  listen?: ListenAddress;
  /** Write the textfile here (absolute path). */
  file?: string;
  /** Maintenance is declared while this file exists (absolute path). */
  maintenanceFile?: string;
  intervalMs: number;
  /** Told about the first textfile write that fails after the first one (which throws instead). */
  onError: (error: Error) => void;
}

export interface FollowMetrics {
  /** The endpoint's URL, null without one. */
  url: string | null;
  /** Writes the textfile a last time and closes the endpoint. */
  stop(): Promise<void>;
}

/** Starts counting the session's verdicts; a bad address or an unwritable file throws before anything is left running. */
export async function startFollowMetrics(session: LogSession, options: FollowMetricsOptions): Promise<FollowMetrics> {
  const { file, maintenanceFile } = options;
  let maintenance = false;
  const checkMaintenance = (): void => {
    maintenance = maintenanceFile !== undefined && existsSync(maintenanceFile);
  };
  checkMaintenance();
  const metrics = new LogMetrics(session, { maintenance: () => maintenance });
  session.onVerdict((verdict) => metrics.record(verdict));
  const endpoint = options.listen ? await serveMetrics(metrics, options.listen) : null;
  if (file !== undefined) {
    try {
      await writeMetricsFile(metrics, file);
    } catch (error) {
      await endpoint?.close();
      throw error;
    }
  }
  let reported = false;
  const report = (error: Error): void => {
    if (!reported) options.onError(error);
    reported = true;
  };
  let writing = Promise.resolve();
  const write = (): Promise<void> => (writing = writing.then(() => (file === undefined ? undefined : writeMetricsFile(metrics, file))).catch(report));
  const refresh = (): Promise<void> => {
    checkMaintenance();
    return write();
  };
  const timer = setInterval(() => void refresh(), options.intervalMs);
  timer.unref();
  return {
    url: endpoint?.url ?? null,
    async stop() {
      clearInterval(timer);
      await refresh();
      await endpoint?.close();
    },
  };
}
