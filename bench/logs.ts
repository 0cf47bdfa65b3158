/**
 * Benchmark: `httpwhy logs` vs GoAccess on the same generated nginx combined log, in the same run.
 *
 *   node bench/logs.ts                 1,000,000 lines
 *   node bench/logs.ts --big           10,000,000 lines (memory)
 *   node bench/logs.ts --lines 200000  any size
 *   node bench/logs.ts --no-goaccess   httpwhy only
 *   node bench/logs.ts --no-wrappers   without the wrapped variants
 *   node bench/logs.ts --no-metrics    without the metrics section
 *
 * Also measured, the same way: `httpwhy logs FILE --emit ndjson`, the rows for ClickHouse (every line becomes a JSON
 * row, written to /dev/null), so its cost per line stands next to the report's.
 *
 * Prints wall and CPU (user + sys) time, lines/s by each, and peak RSS (from /usr/bin/time) for both, and the
 * ratios. Both run pinned to one CPU (taskset), threads included, as the target says "on one core"; httpwhy runs
 * three times and the median run counts (GoAccess, which takes minutes, once). On a shared machine the CPU figure is the one to compare: it does not count time spent waiting for a
 * core. httpwhy runs as `node bin/httpwhy.js logs FILE --json` when the bin works (it needs `dist/`), else as
 * src/logs bundled to plain JavaScript with esbuild (what tsc would ship, without Node's type-stripping cost).
 * Both read the file from the page cache (warmed first).
 *
 * The wrappers' own cost: the same lines inside CRI (`<time> stdout F <line>`) and docker json-file records are read
 * three times each too (median counts), their lines/s printed next to the bare run's; their per-status totals must
 * equal the bare run's.
 *
 * The target (1M lines/s) was set on another machine (logs-and-lab.md §2.4), where mawk counted the statuses of
 * the same kind of log in 0.281 s (`awk '{c[$9]++} …'`, hyperfine mean). That count also runs here, pinned
 * like the others, and the target is printed scaled by it too: this VM runs 1.5-3x slower than that one, and its
 * own speed moves by up to 1.7x between half hours.
 *
 * The metrics section measures what `logs -f --metrics` adds: the same analysis with and without the exporter
 * counting every verdict, on a log of the same shape whose ids are letters, so its ~170k distinct paths are as many
 * routes (the label cardinality the exporter must bound), then one scrape. Runs alternate, pinned, three each.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCombinedLog } from '../test/logs/generate-log.ts';
import { wrapLog, type Wrapper } from '../test/logs/wrap-log.ts';
import { measure, type Measured } from './lib/measure.ts';
import { PINNING } from './lib/processes.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAWK = '/usr/bin/mawk';
/** The yardstick's time for 1M lines where the target was set (logs-and-lab.md §2.4), and the target. */
const REFERENCE_MAWK_SECONDS_PER_M = 0.281;
const TARGET_LINES_PER_S = 1_000_000;
const GOACCESS = '/usr/bin/goaccess';

async function warm(file: string): Promise<void> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) void chunk;
}

/** Bundles a runner around src/logs (analyse the file in argv[2], print the totals) into plain JavaScript. */
async function bundleRunner(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(ROOT, '.bench-tmp', 'logs', 'httpwhy-logs.mjs');
  const contents = `import { analyzeLogs } from './src/logs/index.ts';
const report = await analyzeLogs({ files: [process.argv[2]], cwd: process.cwd(), stdin: process.stdin });
process.stdout.write(JSON.stringify({ totals: report.totals }));`;
  await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'warning' });
  return outfile;
}

/** Bundles a runner that analyses argv[2] like the batch, with the metrics exporter counting verdicts when argv[3] is `metrics`. */
async function bundleMetricsRunner(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(ROOT, '.bench-tmp', 'logs', 'httpwhy-metrics.mjs');
  const contents = `import { LogSession } from './src/logs/index.ts';
import { LogMetrics } from './src/metrics/index.ts';
// The live heap after a full GC, about every second while reading: it must stay flat however many routes go by.
const heap = [];
let sampled = 0;
const onProgress = ({ elapsedMs }) => {
  if (elapsedMs - sampled < 1000) return;
  sampled = elapsedMs;
  globalThis.gc();
  heap.push(process.memoryUsage().heapUsed);
};
const session = await LogSession.open({ files: [process.argv[2]], cwd: process.cwd(), stdin: process.stdin, onProgress });
const metrics = process.argv[3] === 'metrics' ? new LogMetrics(session) : null;
if (metrics) session.onVerdict((verdict) => metrics.record(verdict));
const reading = performance.now();
await session.read();
session.analysis.settle();
const readMs = performance.now() - reading;
const started = performance.now();
const body = metrics ? (await metrics.exposition()).body : '';
const scrapeMs = performance.now() - started;
const series = body.split('\\n').filter((l) => l !== '' && !l.startsWith('#')).length;
process.stdout.write(JSON.stringify({ verdicts: session.report().totals.verdicts, readMs, scrapeMs, bytes: body.length, series, heap }));`;
  await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'warning' });
  return outfile;
}

interface MetricsRun {
  verdicts: number;
  /** Reading and classifying, in the process: without start-up (and loading prom-client). */
  readMs: number;
  scrapeMs: number;
  bytes: number;
  series: number;
  /** Heap used after a full GC, about every second of reading (bytes). */
  heap: number[];
}

const readMs = (m: Measured): number => (JSON.parse(m.stdout) as MetricsRun).readMs;
const mb = (bytes: number | undefined): string => ((bytes ?? Number.NaN) / 1e6).toFixed(1);

/** The exporter's cost: per line and per verdict (reading time in the process, medians of alternating runs), one scrape, and peak RSS. */
async function metricsSection(lines: number, dir: string): Promise<void> {
  const file = join(dir, `combined-${lines}-letter-ids.log`);
  if (!existsSync(file)) generateCombinedLog(file, lines, 1, true);
  await warm(file);
  const runner = await bundleMetricsRunner();
  const runs: Record<'without' | 'with', Measured[]> = { without: [], with: [] };
  for (let i = 0; i < 3; i++) {
    for (const variant of ['without', 'with'] as const) {
      const run = await measure(`${variant}`, process.execPath, ['--expose-gc', runner, file, variant === 'with' ? 'metrics' : 'none'], { pin: true });
      if (!run.ok) throw new Error(`metrics runner failed (${variant})`);
      runs[variant].push(run);
    }
  }
  const median = (list: Measured[]) => list.toSorted((a, b) => readMs(a) - readMs(b))[1] as Measured;
  const [off, on] = [median(runs.without), median(runs.with)];
  const result = JSON.parse(on.stdout) as MetricsRun;
  console.log(`metrics: ${file}, ${lines.toLocaleString('en-US')} lines, ${result.verdicts.toLocaleString('en-US')} verdicts, ~170k distinct routes`);
  console.log(`  ${row({ ...off, name: 'without' }, lines)}`);
  console.log(`  ${row({ ...on, name: 'with' }, lines)}`);
  const extra = (readMs(on) - readMs(off)) / 1000;
  console.log(
    `  reading ${(readMs(off) / 1000).toFixed(2)} s without, ${(readMs(on) / 1000).toFixed(2)} s with: ${((extra / lines) * 1e9).toFixed(0)} ns per line, ${((extra / result.verdicts) * 1e6).toFixed(1)} µs per verdict (medians)` +
      ` · one scrape ${result.scrapeMs.toFixed(1)} ms, ${result.series} series, ${(result.bytes / 1024).toFixed(0)} kB` +
      ` · peak RSS +${((on.peakRssKb - off.peakRssKb) / 1024).toFixed(1)} MB`,
  );
  for (const [name, m] of [['without', off], ['with', on]] as const) {
    const { heap } = JSON.parse(m.stdout) as MetricsRun;
    const trend = heap.length > 1 ? `${mb(heap[0])} MB at 1 s -> ${mb(heap.at(-1))} MB at ${heap.length} s (max ${mb(Math.max(...heap))} MB)` : 'read in under 2 s: run with --big';
    console.log(`  heap after GC while reading, ${name}: ${trend}`);
  }
}

async function runHttpwhy(file: string): Promise<Measured> {
  const bin = join(ROOT, 'bin', 'httpwhy.js');
  if (existsSync(bin)) {
    const viaBin = await measure('httpwhy', process.execPath, [bin, 'logs', file, '--json', '--no-progress'], { pin: true });
    if (viaBin.ok) return viaBin;
    console.log('  (bin/httpwhy.js failed, dist/ is probably not built: running src/logs bundled)');
  }
  return measure('httpwhy', process.execPath, [await bundleRunner(), file], { pin: true });
}

function perStatus(httpwhyOut: string): Record<string, number> {
  return (JSON.parse(httpwhyOut) as { totals: { byStatus: Record<string, number> } }).totals.byStatus;
}

function goaccessPerStatus(file: string): Record<string, number> {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { status_codes: { data: Array<{ items: Array<{ data: string; hits: { count: number } }> }> } };
  return Object.fromEntries(report.status_codes.data.flatMap((g) => g.items.map((i) => [i.data.slice(0, 3), i.hits.count])));
}

const rate = (lines: number, seconds: number): string => Math.round(lines / seconds).toLocaleString('en-US').padStart(11);

const sortedCounts = (counts: Record<string, number>): string => JSON.stringify(Object.entries(counts).toSorted());

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  return sortedCounts(a) === sortedCounts(b);
}

function row(m: Measured, lines: number): string {
  const wall = `wall ${m.seconds.toFixed(2).padStart(8)} s ${rate(lines, m.seconds)} lines/s`;
  const cpu = `cpu ${m.cpuSeconds.toFixed(2).padStart(8)} s ${rate(lines, m.cpuSeconds)} lines/s`;
  return `${m.name.padEnd(11)} ${wall} | ${cpu} | peak RSS ${(m.peakRssKb / 1024).toFixed(1).padStart(7)} MB`;
}

/** Three runs over `file`, each printed; the median run. */
async function medianRun(file: string, lines: number, name = 'httpwhy'): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < 3; i++) {
    const run = { ...(await runHttpwhy(file)), name };
    if (!run.ok) throw new Error(`${name} failed`);
    console.log(`  run ${i + 1}: ${row(run, lines)}`);
    runs.push(run);
  }
  return runs.toSorted((a, b) => a.seconds - b.seconds)[1] as Measured;
}

/** The same lines inside each wrapper: lines/s, and the ratio to the bare run's. */
async function wrapped(file: string, lines: number, bare: Measured): Promise<void> {
  for (const wrapper of ['cri', 'docker-json'] as const satisfies readonly Wrapper[]) {
    const target = file.replace(/\.log$/, `.${wrapper}.log`);
    if (!existsSync(target)) await wrapLog(file, target, wrapper);
    await warm(target);
    const ours = await medianRun(target, lines, wrapper);
    const same = sameCounts(perStatus(ours.stdout), perStatus(bare.stdout));
    console.log(`${row(ours, lines)} · ${(ours.seconds / bare.seconds).toFixed(2)}x the bare run's wall time, ${(ours.cpuSeconds / bare.cpuSeconds).toFixed(2)}x its CPU · per-status totals ${same ? 'equal' : 'DIFFER'}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { big: { type: 'boolean' }, lines: { type: 'string' }, 'no-goaccess': { type: 'boolean' }, 'no-wrappers': { type: 'boolean' }, 'no-metrics': { type: 'boolean' } },
  });
  const lines = values.lines ? Number(values.lines) : values.big ? 10_000_000 : 1_000_000;
  const dir = join(ROOT, '.bench-tmp', 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `combined-${lines}.log`);
  if (!existsSync(file)) {
    console.log(`generating ${lines.toLocaleString('en-US')} lines…`);
    generateCombinedLog(file, lines, 1);
  }
  console.log(`${file}: ${lines.toLocaleString('en-US')} lines, ${(statSync(file).size / 1e6).toFixed(0)} MB; node ${process.version}; ${PINNING ? 'each run pinned to CPU 0' : 'not pinned (needs taskset and 2 CPUs)'}`);
  await warm(file);

  const ours = await medianRun(file, lines);
  console.log(row(ours, lines));
  const perSecond = lines / ours.seconds;
  // Below 1M lines start-up dominates, and the target was set for 1M.
  const verdict = (met: boolean): string => (lines < 1_000_000 ? 'not judged below 1M lines' : met ? 'met' : 'NOT met');
  console.log(`target: >= 1,000,000 lines/s on one core (median run, wall) -> ${verdict(perSecond >= TARGET_LINES_PER_S)}`);
  if (existsSync(MAWK)) {
    const yardstick = await measure('mawk', MAWK, ['{c[$9]++} END{for(k in c) print c[k],k}', file], { pin: true });
    if (!yardstick.ok) throw new Error('mawk failed');
    console.log(row(yardstick, lines));
    const slower = yardstick.seconds / ((REFERENCE_MAWK_SECONDS_PER_M * lines) / 1e6);
    const scaled = TARGET_LINES_PER_S / slower;
    console.log(`        this machine ran the mawk status count ${slower.toFixed(1)}x slower than where the target was set; scaled, the target is`);
    console.log(`        >= ${rate(scaled, 1).trim()} lines/s -> ${verdict(perSecond >= scaled)} (httpwhy ${(yardstick.seconds / ours.seconds).toFixed(2)}x mawk's speed)`);
  }
  const emits: Measured[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await measure('emit', process.execPath, [join(ROOT, 'bin', 'httpwhy.js'), 'logs', file, '--emit', 'ndjson', '--host', 'bench', '--no-progress'], { pin: true, stdout: 'discard' });
    if (!run.ok) throw new Error('httpwhy logs --emit ndjson failed (it needs dist/: npm run build)');
    emits.push(run);
  }
  const emit = emits.toSorted((a, b) => a.seconds - b.seconds)[1] as Measured;
  console.log(row(emit, lines));
  const perLine = (m: Measured): number => (m.cpuSeconds / lines) * 1e6;
  console.log(`--emit ndjson: ${perLine(emit).toFixed(2)} µs CPU per line, against ${perLine(ours).toFixed(2)} for the report (${(emit.cpuSeconds / ours.cpuSeconds).toFixed(1)}x)`);
  const rssMb = ours.peakRssKb / 1024;
  console.log(lines >= 10_000_000 ? `peak RSS < 150 MB at 10M lines -> ${rssMb < 150 ? 'met' : 'NOT met'} (${rssMb.toFixed(1)} MB)` : 'peak RSS < 150 MB at 10M lines: run with --big');
  if (!values['no-wrappers']) await wrapped(file, lines, ours);
  if (!values['no-metrics']) await metricsSection(lines, dir);
  if (values['no-goaccess'] || !existsSync(GOACCESS)) return;

  const out = join(dir, 'goaccess.json');
  const peer = await measure('goaccess', GOACCESS, [file, '--log-format=COMBINED', '--no-global-config', '-o', out], { pin: true });
  if (!peer.ok) throw new Error('goaccess failed');
  console.log(row(peer, lines));
  const same = sameCounts(perStatus(ours.stdout), goaccessPerStatus(out));
  const speed = `speed: httpwhy ${(peer.seconds / ours.seconds).toFixed(1)}x GoAccess by wall time, ${(peer.cpuSeconds / ours.cpuSeconds).toFixed(1)}x by CPU time`;
  console.log(`${speed} · peak RSS ${(ours.peakRssKb / peer.peakRssKb).toFixed(2)}x · per-status totals ${same ? 'equal' : 'DIFFER'}`);
}

await main();
