/**
 * Against a real peer: on the same nginx combined log, the per-status totals httpwhy counts equal GoAccess's.
 * GoAccess comes from the Debian package (`npm run setup:system`); with CI=true a missing binary fails the test.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeLogs } from '../../src/logs/index.ts';
import { generateCombinedLog } from './generate-log.ts';

const GOACCESS = '/usr/bin/goaccess';
const available = existsSync(GOACCESS);
const LINES = 20_000;

interface GoAccessReport {
  general: { valid_requests: number; failed_requests: number };
  status_codes: { data: Array<{ items: Array<{ data: string; hits: { count: number } }> }> };
}

describe.skipIf(!available && process.env.CI !== 'true')('per-status totals vs GoAccess', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-goaccess-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`match on a ${LINES}-line combined log`, async () => {
    const log = join(dir, 'access.log');
    const generated = generateCombinedLog(log, LINES, 42);
    const out = join(dir, 'out.json');
    await promisify(execFile)(GOACCESS, [log, '--log-format=COMBINED', '--no-global-config', '-o', out], { timeout: 120_000 });
    const peer = JSON.parse(readFileSync(out, 'utf8')) as GoAccessReport;
    const theirs: Record<string, number> = {};
    for (const group of peer.status_codes.data) for (const item of group.items) theirs[item.data.slice(0, 3)] = item.hits.count;

    const ours = await analyzeLogs({ files: [log], cwd: dir, stdin: Readable.from([]) });
    expect(ours.totals.byStatus).toEqual(theirs);
    expect(ours.totals.requests).toBe(peer.general.valid_requests);
    expect(peer.general.failed_requests).toBe(0);
    // Both agree with what was written, too.
    expect(ours.totals.byStatus).toEqual(Object.fromEntries([...generated.byStatus].map(([s, n]) => [String(s), n])));
  });
});
