// Cold start of `httpwhy 502` against a bare `node -e 0`, same Node binary, same run, interleaved.
// Usage: npm run build && node bench/cli.ts [runs=30]     Target: ratio <= 2.0
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 30);
const bin = fileURLToPath(new URL('../bin/httpwhy.js', import.meta.url));
const subjects = {
  'node -e 0': [process.execPath, '-e', '0'],
  'httpwhy 502': [process.execPath, bin, '502'],
  'httpwhy 502 --json': [process.execPath, bin, '502', '--json'],
} as const;

function timeOnce(argv: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0] as string, argv.slice(1), { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
for (const argv of Object.values(subjects)) timeOnce(argv); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, argv] of Object.entries(subjects)) samples[name]?.push(timeOnce(argv));

const median = (xs: number[]) => [...xs].toSorted((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const base = median(samples['node -e 0'] ?? []);
console.log(`cold start, ${runs} runs each, node ${process.version}`);
for (const [name, xs] of Object.entries(samples)) {
  console.log(`${name.padEnd(20)} median ${median(xs).toFixed(1).padStart(6)} ms   ratio ${(median(xs) / base).toFixed(2)}x`);
}
const ratio = median(samples['httpwhy 502'] ?? []) / base;
console.log(`target: httpwhy 502 <= 2.0x node -e 0 -> ${ratio <= 2 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x)`);
