/**
 * Real ClickHouse for the fleet tests, two ways. A cluster of Debian's clickhouse-server (18.16) started here as
 * plain processes on loopback: each shard in its own temp dir on free ports, all of them named in every shard's
 * `remote_servers`, a bounded wait for /ping, and `stop()` that always ends them. And chDB (today's ClickHouse in
 * this process) from `.cache/chdb`, where `npm run setup:system` installs it (it cannot be a devDependency).
 * With CI=true a missing one fails its suite instead of skipping it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChdbModule } from '../../src/fleet/index.ts';

export const CLICKHOUSE_SERVER = '/usr/sbin/clickhouse-server';
export const CHDB_ENTRY = new URL('../../.cache/chdb/node_modules/chdb/index.mjs', import.meta.url).pathname;
/** A user with a password, for the credential tests; the shards talk to each other as `default`. */
export const REPORTER = { user: 'reporter', password: 'S3cret-fleet-pw!' };
/** A user whose profile refuses queries that read more than a few rows. */
export const LIMITED = { user: 'limited', password: 'limited-pw-7' };

export const haveServer = existsSync(CLICKHOUSE_SERVER);
export const haveChdb = existsSync(CHDB_ENTRY);
/** Skip a suite when its engine is missing, except in CI where that is a failure. */
export const skipWithout = (have: boolean): boolean => !have && process.env.CI !== 'true';

export async function loadTestChdb(): Promise<ChdbModule> {
  return (await import(pathToFileURL(CHDB_ENTRY).href)) as ChdbModule;
}

export interface Shard {
  httpPort: number;
  /** The native protocol's port (clickhouse-client). */
  tcpPort: number;
  url: string;
  dir: string;
}

export interface Cluster {
  name: string;
  shards: Shard[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function user(name: string, password: string, profile: string): string {
  return `<${name}><password>${password}</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>${profile}</profile><quota>default</quota></${name}>`;
}

function users(): string {
  return `<yandex><profiles><default/><limited><max_rows_to_read>10</max_rows_to_read></limited></profiles><users>${user('default', '', 'default')}${user(REPORTER.user, REPORTER.password, 'default')}${user(LIMITED.user, LIMITED.password, 'limited')}</users><quotas><default/></quotas></yandex>`;
}

function config(dir: string, httpPort: number, tcpPort: number, name: string, tcpPorts: number[]): string {
  const shards = tcpPorts.map((p) => `<shard><replica><host>127.0.0.1</host><port>${p}</port></replica></shard>`).join('');
  return `<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/err.log</errorlog></logger>
  <http_port>${httpPort}</http_port><tcp_port>${tcpPort}</tcp_port><listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path><tmp_path>${dir}/tmp/</tmp_path>
  <users_config>users.xml</users_config><default_profile>default</default_profile>
  <default_database>default</default_database><mark_cache_size>5368709</mark_cache_size>
  <remote_servers><${name}>${shards}</${name}></remote_servers>
</yandex>`;
}

async function ready(url: string, deadline: number, proc: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`clickhouse-server exited with ${proc.exitCode}`);
    try {
      if ((await (await fetch(`${url}/ping`)).text()).startsWith('Ok')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`clickhouse-server at ${url} not ready in time`);
}

async function end(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts `count` shards of one cluster named `name`; stops what started if any shard fails to come up. */
export async function startCluster(name = 'fleet', count = 2, startupMs = 60_000): Promise<Cluster> {
  const root = mkdtempSync(join(tmpdir(), 'httpwhy-clickhouse-'));
  const ports = await Promise.all(Array.from({ length: count * 2 }, freePort));
  const tcpPorts = ports.filter((_, i) => i % 2 === 1);
  const procs: ChildProcess[] = [];
  const shards: Shard[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(procs.map(end));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) {
      const dir = join(root, `shard${i + 1}`);
      mkdirSync(dir);
      const httpPort = ports[2 * i] as number;
      writeFileSync(join(dir, 'config.xml'), config(dir, httpPort, tcpPorts[i] as number, name, tcpPorts));
      writeFileSync(join(dir, 'users.xml'), users());
      procs.push(spawn(CLICKHOUSE_SERVER, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' }));
      shards.push({ httpPort, tcpPort: tcpPorts[i] as number, url: `http://127.0.0.1:${httpPort}`, dir });
    }
    const deadline = Date.now() + startupMs;
    await Promise.all(shards.map((s, i) => ready(s.url, deadline, procs[i] as ChildProcess)));
  } catch (error) {
    const log = shards.map((s) => (existsSync(join(s.dir, 'err.log')) ? readFileSync(join(s.dir, 'err.log'), 'utf8').slice(-2000) : '')).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return { name, shards, stop };
}
