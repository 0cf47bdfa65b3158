import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServer, type Loopback } from '../../test/helpers/loopback.ts';
import { HttpwhyError } from '../errors.ts';
import { runBulk, type CheckFunction } from './bulk.ts';
import { checkUrls } from './check.ts';
import type { BulkRow, CheckResult } from './types.ts';

function fakeResult(url: string, status: number, retryAfter: string | null = null): CheckResult {
  return { url, finalUrl: url, status, problem: status >= 500, hops: [], totalMs: 1, body: null, retryAfter, failure: null, diagnosis: null };
}

const refusingNonHttp: CheckFunction = async (url) => {
  if (!url.startsWith('http')) throw new HttpwhyError('HW_ERR_CHECK_BAD_URL', `"${url}" is not a valid URL.`);
  return fakeResult(url, 200);
};

const failing: CheckFunction = async () => {
  throw new Error('bug');
};

const always503: CheckFunction = async (url) => fakeResult(url, 503, url.endsWith('long') ? '3600' : '0');

/** b arrives while a waits out its Retry-After: slots are free, only the host's pause can hold it back. */
async function* arrivals() {
  yield 'http://h.test/a';
  await delay(50);
  yield 'http://h.test/b';
}

async function collect(rows: AsyncIterable<BulkRow>): Promise<BulkRow[]> {
  const all: BulkRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('runBulk', () => {
  it('keeps to the global and per-host limits and checks every URL once', async () => {
    const inFlight = new Map<string, number>();
    let total = 0;
    let peak = 0;
    let peakPerHost = 0;
    const check: CheckFunction = async (url) => {
      const host = new URL(url).hostname;
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      total++;
      peak = Math.max(peak, total);
      peakPerHost = Math.max(peakPerHost, inFlight.get(host) ?? 0);
      await delay(Math.random() * 5);
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
      total--;
      return fakeResult(url, 200);
    };
    // Hosts in long runs: the per-host limit must not stall the other hosts.
    const urls = Array.from({ length: 300 }, (_, i) => `http://h${Math.floor(i / 40)}.test/${i}`);
    const rows = await collect(runBulk(urls, { concurrency: 8, perHost: 2 }, check));
    expect(rows.map((r) => r.index).toSorted((a, b) => a - b)).toEqual(urls.map((_, i) => i + 1));
    expect(peak).toBe(8);
    expect(peakPerHost).toBe(2);
  });

  it('pulls input lazily: an endless list streams without being read ahead', async () => {
    let pulled = 0;
    function* endless() {
      for (;;) yield `http://h${pulled++ % 50}.test/`;
    }
    let seen = 0;
    for await (const row of runBulk(endless(), { concurrency: 4, perHost: 1 }, async (url) => fakeResult(url, 200))) {
      expect(row.result?.status).toBe(200);
      if (++seen === 200) break;
    }
    // At most the in-flight checks and the look-ahead buffer beyond what was yielded.
    expect(pulled).toBeLessThanOrEqual(200 + 4 + 4 * 8 + 1);
  });

  it('skips blank and comment lines but keeps line numbers, and turns refused input into rows', async () => {
    const rows = await collect(runBulk(['http://a.test/', '', '# comment', 'nope', '  http://b.test/  '], {}, refusingNonHttp));
    expect(rows.toSorted((a, b) => a.index - b.index).map((r) => [r.index, r.input, r.error?.code ?? r.result?.status])).toEqual([
      [1, 'http://a.test/', 200],
      [4, 'nope', 'HW_ERR_CHECK_BAD_URL'],
      [5, 'http://b.test/', 200],
    ]);
  });

  it('lets an unexpected error end the run', async () => {
    await expect(collect(runBulk(['http://a.test/'], {}, failing))).rejects.toThrow('bug');
  });

  it('refuses bad options before checking anything', async () => {
    let calls = 0;
    const counting: CheckFunction = async (url) => (calls++, fakeResult(url, 200));
    await expect(collect(runBulk(['http://a.test/'], { concurrency: 0 }, counting))).rejects.toMatchObject({ code: 'HW_ERR_CHECK_BAD_OPTION' });
    await expect(collect(runBulk(['http://a.test/'], { maxRedirects: 99 }, counting))).rejects.toMatchObject({ code: 'HW_ERR_CHECK_BAD_OPTION' });
    expect(calls).toBe(0);
  });
});

describe('Retry-After', () => {
  it('retries a 429 once after the wait it asks for, and holds the host meanwhile', async () => {
    const calls: Array<[string, number]> = [];
    let limited = true;
    const check: CheckFunction = async (url) => {
      calls.push([url, Date.now()]);
      if (url.endsWith('/a') && limited) {
        limited = false;
        return fakeResult(url, 429, '1');
      }
      return fakeResult(url, 200);
    };
    const started = Date.now();
    const rows = await collect(runBulk(arrivals(), { concurrency: 4, perHost: 4 }, check));
    const row = (input: string) => rows.find((r) => r.input === input);
    expect(row('http://h.test/a')).toMatchObject({ attempts: 2, result: { status: 200 } });
    expect(row('http://h.test/b')).toMatchObject({ attempts: 1, result: { status: 200 } });
    const times = (suffix: string) => calls.filter(([url]) => url.endsWith(suffix)).map(([, at]) => at - started);
    const [[first, retry], [other]] = [times('/a'), times('/b')];
    expect(first).toBeLessThan(500);
    expect(retry).toBeGreaterThanOrEqual(950);
    expect(other).toBeGreaterThanOrEqual(950);
  });

  it('does not wait longer than maxRetryWait, nor retry more than asked', async () => {
    const rows = await collect(runBulk(['http://h.test/long', 'http://k.test/zero'], { retries: 2, maxRetryWait: 1000 }, always503));
    expect(rows.find((r) => r.input.endsWith('long'))?.attempts).toBe(1);
    expect(rows.find((r) => r.input.endsWith('zero'))?.attempts).toBe(3);
  });
});

describe('checkUrls against a loopback server', () => {
  let server: Loopback;
  beforeAll(async () => {
    server = await httpServer((req, res) => res.writeHead(req.url === '/down' ? 502 : 200).end('x'));
  });
  afterAll(() => server.close());

  it('streams one row per URL', async () => {
    async function* urls() {
      for (let i = 0; i < 120; i++) yield `${server.origin}/${i % 10 === 0 ? 'down' : i}`;
    }
    const rows = await collect(checkUrls(urls(), { allowPrivate: true, concurrency: 8 }));
    expect(rows).toHaveLength(120);
    expect(rows.filter((r) => r.result?.status === 502)).toHaveLength(12);
    expect(server.connections).toBe(120);
  });

  it('is SSRF-safe unless told otherwise', async () => {
    const rows = await collect(checkUrls([`${server.origin}/`]));
    expect(rows[0]?.error?.code).toBe('HW_ERR_CHECK_SSRF_BLOCKED');
  });
});
