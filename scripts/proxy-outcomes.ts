/**
 * Runs the real-proxy harness (test/proxies/) against the installed nginx, HAProxy and Caddy, and the built-in
 * gateway the same way, then writes the outcome table to docs/proxy-outcomes.md and the side-by-side data of all
 * four to data/lab/gateway-outcomes.json (the site's /lab/compare-gateways and the quiz read it). Needs every
 * proxy: `npm run setup:system` installs them.
 * Usage: node scripts/proxy-outcomes.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GATEWAY_OUTCOMES_FILE, missingProxies, PROXY_NAMES, type GatewayName, type ProxyName } from '../src/lab/index.ts';
import { captureGateway } from '../test/proxies/gateway-harness.ts';
import { buildGatewayOutcomes } from '../test/proxies/gateway-outcomes.ts';
import { captureAll } from '../test/proxies/harness.ts';
import { renderOutcomes } from '../test/proxies/outcome-table.ts';
import { toOutcome } from '../test/proxies/outcome.ts';
import { gatewayVersions } from '../test/proxies/versions.ts';

const DOC = fileURLToPath(new URL('../docs/proxy-outcomes.md', import.meta.url));

const missing = missingProxies();
if (missing.length > 0) {
  console.error(`proxy-outcomes: ${missing.join(', ')} not installed; run \`npm run setup:system\` as root.`);
  process.exitCode = 1;
} else {
  // One after the other: the gateway's timings must not suffer from three proxies running beside it.
  const outcomes = (await captureAll(PROXY_NAMES)).map(toOutcome);
  const gateway = await captureGateway();
  const versions = gatewayVersions();
  writeFileSync(DOC, renderOutcomes(outcomes, versions));
  const captures = {
    httpwhy: gateway,
    ...(Object.fromEntries(PROXY_NAMES.map((name) => [name, outcomes.filter((o) => o.proxy === name)])) as Record<ProxyName, typeof outcomes>),
  } satisfies Record<GatewayName, unknown>;
  const data = buildGatewayOutcomes({ captures, versions, capturedAt: new Date().toISOString().slice(0, 10) });
  mkdirSync(new URL('.', GATEWAY_OUTCOMES_FILE), { recursive: true });
  writeFileSync(GATEWAY_OUTCOMES_FILE, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`proxy-outcomes: wrote ${outcomes.length} outcomes to docs/proxy-outcomes.md and ${data.scenarios.length} scenarios × 4 gateways to data/lab/gateway-outcomes.json`);
}
