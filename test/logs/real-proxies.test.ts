/**
 * Against real proxies: nginx, HAProxy and Caddy in front of the lab's faulty upstreams (the diagnosis
 * suite's harness), one request per failure mode; their genuine access, error and app logs must be
 * classified as below, including the failures the access log hides. Needs the Debian packages
 * (`npm run setup:system`); with CI=true a missing proxy fails instead of skipping.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, PROXY_NAMES, type FaultMode, type ProxyName } from '../../src/lab/index.ts';
import { analyzeLogs, type LogReport } from '../../src/logs/index.ts';
import { captureAll, type Capture } from '../proxies/harness.ts';

const available = PROXY_NAMES.every((name) => existsSync(DRIVERS[name].binary));

/** Cause per mode; `truncated` = logged as a 2xx and reported as a body cut short; null = no verdict at all. */
const EXPECTED: Record<ProxyName, Record<FaultMode, string | null>> = {
  nginx: {
    'connection-refused': 'refused',
    'reset-before-headers': 'reset',
    'close-without-reply': 'reset',
    'non-http-reply': 'non-http-reply',
    'invalid-status-line': 'non-http-reply',
    'oversized-headers': 'header-too-big',
    'slow-headers': 'timeout',
    'accept-and-hang': 'timeout',
    'truncated-body': 'truncated',
    'app-exception': 'app-error',
    'app-unavailable': 'app-overload',
  },
  haproxy: {
    'connection-refused': 'refused',
    'reset-before-headers': 'reset',
    'close-without-reply': 'reset',
    'non-http-reply': 'invalid-response',
    'invalid-status-line': 'invalid-response',
    'oversized-headers': 'invalid-response',
    'slow-headers': 'timeout',
    'accept-and-hang': 'timeout',
    'truncated-body': 'truncated',
    'app-exception': 'app-error',
    'app-unavailable': 'app-overload',
  },
  // Caddy accepts the oversized headers, and logs nothing when it relays a body cut short.
  caddy: {
    'connection-refused': 'refused',
    'reset-before-headers': 'reset',
    'close-without-reply': 'reset',
    'non-http-reply': 'invalid-response',
    'invalid-status-line': 'invalid-response',
    'oversized-headers': null,
    'slow-headers': 'timeout',
    'accept-and-hang': 'timeout',
    'truncated-body': null,
    'app-exception': 'app-error',
    'app-unavailable': 'app-overload',
  },
};

function verdicts(report: LogReport): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const c of report.causes) for (const e of c.examples) byPath[e.path] = c.cause;
  for (const e of report.hidden.truncated.examples) byPath[e.path] = 'truncated';
  return byPath;
}

describe.skipIf(!available && process.env.CI !== 'true')('logs from real proxies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-real-logs-'));
  let captures: Capture[] = [];
  beforeAll(async () => {
    captures = await captureAll(PROXY_NAMES);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(PROXY_NAMES)('%s: every failure mode gets the right verdict', async (proxy) => {
    const mine = captures.filter((c) => c.proxy === proxy);
    const write = (name: string, lines: string[]): string => {
      const file = join(dir, `${proxy}-${name}.log`);
      writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
      return file;
    };
    const files = [write('access', mine.flatMap((c) => c.logs.access))];
    const errors = mine.flatMap((c) => c.logs.error);
    if (errors.length > 0) files.push(write('error', errors));
    const report = await analyzeLogs({ files, appFiles: [write('app', mine.flatMap((c) => c.appLog))], cwd: dir, stdin: Readable.from([]) });
    const got = verdicts(report);
    const want = Object.fromEntries(Object.entries(EXPECTED[proxy]).map(([mode, cause]) => [`/${mode}`, cause]));
    expect(Object.fromEntries(Object.keys(want).map((path) => [path, got[path] ?? null]))).toEqual(want);
    expect(report.totals.skipped).toBe(0);
    const appError = report.causes.find((c) => c.cause === 'app-error');
    expect(appError?.examples[0]?.appMessage).toBe("TypeError: Cannot read properties of undefined (reading 'id')");
  });
});
