/**
 * The README's three fleet commands (schema, rows from every host, the report), run as a newcomer would: the shell
 * block as written, against a ClickHouse server started here. Only where it runs changes: `httpwhy` is this
 * checkout's bin, and the server's ports are the test's (the README assumes 9000 and 8123).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveServer, skipWithout, startCluster, type Cluster } from '../helpers/clickhouse.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/httpwhy.js`;

/** The shell block under the README's fleet heading. */
function readmeFleetBlock(): string {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### Fleet scale'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README: no sh block under "### Fleet scale"');
  return block;
}

describe.skipIf(skipWithout(haveServer))("the README's fleet example", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster('readme', 1);
  }, 90_000);
  afterAll(async () => cluster?.stop());

  it('creates the table, loads rows from two hosts and reports who issued each 5xx', async () => {
    const shard = cluster.shards[0];
    if (!shard) throw new Error('no shard');
    const block = readmeFleetBlock();
    expect(block).toContain('http://localhost:8123');
    const script = block
      .replaceAll('clickhouse-client', `clickhouse-client --port ${shard.tcpPort}`)
      .replaceAll('http://localhost:8123', shard.url)
      .replace(/^httpwhy /gm, `node ${BIN} `)
      .replace(/\| *httpwhy /g, `| node ${BIN} `);
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, env: { ...process.env, PATH: `${process.execPath.replace(/\/node$/, '')}:${process.env.PATH ?? ''}` } });
    // The failures the lab caused behind real nginx (test/fixtures/logs/README.md): the app answered /app-exception and
    // /app-unavailable itself; the other eight upstream faults made nginx answer. /truncated-body is a 200.
    expect(stdout).toMatch(/App-issued +2 +20%/);
    expect(stdout).toMatch(/Proxy-issued +8 +80%/);
    expect(stdout).toMatch(/lb1:nginx\/access\.log:2 +2026-11-21T21:43:08\.000Z 502 GET \/reset-before-headers/);
    expect(stdout).toContain('Connection refused');
  }, 120_000);
});
