/**
 * Runs the real-proxy harness (test/proxies/) against the installed nginx, HAProxy and Caddy and writes the
 * outcome table to docs/proxy-outcomes.md. Needs every proxy: `npm run setup:system` installs them.
 * Usage: node scripts/proxy-outcomes.ts
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DRIVERS, missingProxies, PROXY_NAMES, type ProxyName } from '../src/lab/index.ts';
import { captureAll } from '../test/proxies/harness.ts';
import { renderOutcomes } from '../test/proxies/outcome-table.ts';
import { toOutcome } from '../test/proxies/outcome.ts';

const DOC = fileURLToPath(new URL('../docs/proxy-outcomes.md', import.meta.url));
const VERSION_ARGS: Record<ProxyName, string[]> = { nginx: ['-v'], haproxy: ['-v'], caddy: ['version'] };

function version(name: ProxyName): string {
  const run = spawnSync(DRIVERS[name].binary, VERSION_ARGS[name], { encoding: 'utf8', timeout: 5_000 });
  return /\d+\.\d+\.\d+/.exec(`${run.stdout}${run.stderr}`)?.[0] ?? 'unknown version';
}

const missing = missingProxies();
if (missing.length > 0) {
  console.error(`proxy-outcomes: ${missing.join(', ')} not installed; run \`npm run setup:system\` as root.`);
  process.exitCode = 1;
} else {
  const outcomes = (await captureAll(PROXY_NAMES)).map(toOutcome);
  const versions = Object.fromEntries(PROXY_NAMES.map((name) => [name, version(name)])) as Record<ProxyName, string>;
  writeFileSync(DOC, renderOutcomes(outcomes, versions));
  console.log(`proxy-outcomes: wrote ${outcomes.length} outcomes to docs/proxy-outcomes.md`);
}
