/** The installed proxies' versions, as their binaries report them, and httpwhy's own. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DRIVERS, PROXY_NAMES, type GatewayName, type ProxyName } from '../../src/lab/index.ts';

const VERSION_ARGS: Record<ProxyName, string[]> = { nginx: ['-v'], haproxy: ['-v'], caddy: ['version'] };

export function proxyVersion(name: ProxyName): string {
  const run = spawnSync(DRIVERS[name].binary, VERSION_ARGS[name], { encoding: 'utf8', timeout: 5_000 });
  return /\d+\.\d+\.\d+/.exec(`${run.stdout}${run.stderr}`)?.[0] ?? 'unknown version';
}

export function gatewayVersions(): Record<GatewayName, string> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return { httpwhy: pkg.version, ...(Object.fromEntries(PROXY_NAMES.map((name) => [name, proxyVersion(name)])) as Record<ProxyName, string>) };
}
