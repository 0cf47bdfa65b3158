/**
 * The data sets of the fleet differential tests, and how a report is compared. Each set is read twice: by the
 * streaming analyzer in one process (all files, in host order), and as rows that each host emitted on its own
 * through the CLI (`httpwhy logs --emit ndjson --host H`), loaded into ClickHouse and reported there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../src/cli/context.ts';
import { runLogs } from '../../src/cli/runners/logs.ts';
import { analyzeLogs, type LogReport } from '../../src/logs/index.ts';
import { memoryIo } from '../helpers/memory-io.ts';
import { generateFleetLogs } from '../logs/generate-fleet-logs.ts';

const FIXTURES = new URL('../fixtures/logs/', import.meta.url).pathname;

export interface Host {
  name: string;
  /** Files this host holds, relative to the set's directory; app logs are recognised as such. */
  files: string[];
}

export interface DataSet {
  name: string;
  cwd: string;
  hosts: Host[];
  /** Files given with --app to the streaming analyzer. */
  appFiles: string[];
}

/** The real-proxy captures (test/fixtures/logs): the proxy's logs on one host, the app's on another. */
export const CAPTURES: DataSet[] = [
  { name: 'nginx capture', cwd: FIXTURES, hosts: [{ name: 'lb', files: ['nginx/access.log', 'nginx/error.log'] }, { name: 'app', files: ['nginx/app.log'] }], appFiles: ['nginx/app.log'] },
  { name: 'caddy capture', cwd: FIXTURES, hosts: [{ name: 'lb', files: ['caddy/access.log', 'caddy/error.log'] }, { name: 'app', files: ['caddy/app.log'] }], appFiles: ['caddy/app.log'] },
  { name: 'haproxy capture', cwd: FIXTURES, hosts: [{ name: 'lb', files: ['haproxy/access.log'] }, { name: 'app', files: ['haproxy/app.log'] }], appFiles: ['haproxy/app.log'] },
  // Published Envoy logs with TCP sessions: failed ones (UF,URX) get a verdict, the rest (status 0, no flags) none.
  // Files in path order, so both take the same first examples (docs/scale.md).
  {
    name: 'envoy wild logs (TCP sessions)',
    cwd: FIXTURES,
    hosts: [{ name: 'mesh', files: ['wild/envoy-json/istio-23461-tcp-uf-urx.log', 'wild/envoy-text/beats-envoy.log', 'wild/envoy-text/istio-29109-kubectl-timestamps.log'] }],
    appFiles: [],
  },
];

/** A generated fleet with every failure mode: two load balancers and an app host. `dispose` removes its files. */
export function generatedFleet(requests: number): DataSet & { dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-fleet-'));
  const logs = generateFleetLogs(dir, requests);
  return {
    name: `generated fleet (${requests} requests)`,
    cwd: dir,
    hosts: [
      { name: 'lb1', files: logs.lbFiles.lb1 },
      { name: 'lb2', files: logs.lbFiles.lb2 },
      { name: 'app', files: [logs.appFile] },
    ],
    appFiles: [logs.appFile],
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The rows one host emits, through the CLI. */
export async function emitRows(set: DataSet, host: Host): Promise<string> {
  const io = { ...memoryIo(), cwd: set.cwd };
  const code = await runLogs([host.files], { emit: 'ndjson', host: host.name, progress: false }, createContext(io, {}));
  if (code !== 0) throw new Error(`emit for ${host.name} exited ${code}: ${io.stderrText()}`);
  return io.stdoutText();
}

export function streamingReport(set: DataSet): Promise<LogReport> {
  const proxyFiles = set.hosts.flatMap((h) => h.files).filter((f) => !set.appFiles.includes(f));
  return analyzeLogs({ files: proxyFiles, appFiles: set.appFiles, cwd: set.cwd, stdin: memoryIo().stdin });
}

/** `host:file` → `file`: a fleet report names the host of every file, the streaming one reads them all in one place. */
function withoutHosts<T>(value: T, hosts: Host[]): T {
  let text = JSON.stringify(value);
  for (const h of hosts) text = text.replaceAll(`"${h.name}:`, '"');
  return JSON.parse(text) as T;
}

/**
 * What must be equal: per status, per class, per cause (with its statuses, top routes and upstreams, examples),
 * why unknowns are unknown, app messages, hidden failures, the error log, correlation, confidence and the timeline.
 * Not the files' line counts: the rows hold the lines that became rows, not the continuation and skipped ones. Not
 * the log-setup advice: it reads which fields each line lacked, which the rows do not keep (docs/scale.md says so).
 */
export function comparable(report: LogReport, hosts: Host[]): Omit<LogReport, 'files' | 'totals' | 'schema' | 'logSetup'> & { byStatus: Record<string, number>; requests: number; verdicts: number } {
  const { files: _files, totals, schema: _schema, logSetup: _logSetup, ...rest } = withoutHosts(report, hosts);
  return { ...rest, byStatus: totals.byStatus, requests: totals.requests, verdicts: totals.verdicts };
}
