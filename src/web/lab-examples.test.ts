/**
 * Every lab URL the docs show answers as they say, through the whole site over real HTTP: the /lab page's
 * examples, the URLs the README's "Lab" section names, and the failure pages it lists. The expectations are
 * written here from those docs (the README, the /lab page's prose and the failure pages' titles), never read from
 * the lab's code, so a renamed route, a lost header or a wrong status fails here. The tables must name exactly
 * the examples the page links and the URLs the README quotes, so a new example needs an expectation.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, splitResponse, type SplitResponse } from '../../test/helpers/raw-http.ts';
import { LAB_ENDPOINTS } from '../lab/index.ts';
import { buildApp } from './app.ts';

interface Expected {
  /** The final status, or every status a random pick may give. */
  status: number | readonly number[];
  /** The interim response sent before the final one, by its status line. */
  interim?: string;
  /** Headers the final response carries (lower-case names), each matching its pattern. */
  headers?: Record<string, RegExp>;
  /** The body (de-chunked), as text. */
  body?: RegExp;
  /** The body's length in bytes. */
  bodyBytes?: number;
  /** The answer takes at least this long, from connect to the last byte: a sleep, a delay, a drip or a stream. */
  atLeastMs?: number;
}

const PRESENT = /\S/;
const JSON_TYPE = /^application\/json\b/;
const HTML_TYPE = /^text\/html\b/;
const TEXT_TYPE = /^text\/plain\b/;

/**
 * The /lab page's examples. Its prose: the status endpoint answers "with the headers each status needs: no body
 * for 1xx, 204 and 304, Location on redirects, WWW-Authenticate on 401, ... Retry-After on 429 and 503, ... a real
 * 103 Early Hints. A code id such as 520-cloudflare picks that meaning"; the body is json unless ?body says
 * otherwise; drip spreads the bytes over the duration after the delay, with Content-Length; stream sends JSON
 * lines with chunked transfer encoding, one per interval.
 */
const PAGE_EXAMPLES: Record<string, Expected> = {
  '/lab/status/418': { status: 418, headers: { 'content-type': JSON_TYPE } },
  '/lab/status/503': { status: 503, headers: { 'retry-after': /^\d+$/, 'content-type': JSON_TYPE } },
  '/lab/status/301': { status: 301, headers: { location: PRESENT } },
  '/lab/status/401?body=html': { status: 401, headers: { 'www-authenticate': PRESENT, 'content-type': HTML_TYPE } },
  '/lab/status/103': { interim: 'HTTP/1.1 103 Early Hints', status: 200 },
  '/lab/status/204': { status: 204, bodyBytes: 0 },
  '/lab/status/504?sleep=3000': { status: 504, headers: { 'content-type': JSON_TYPE }, atLeastMs: 3000 },
  '/lab/status/520-cloudflare?body=text': { status: 520, headers: { 'content-type': TEXT_TYPE }, body: /Cloudflare/ },
  '/lab/status/random?codes=500,502:3': { status: [500, 502] },
  '/lab/status/random?codes=200:8,429,503': { status: [200, 429, 503] },
  '/lab/drip?bytes=20&duration=5000': { status: 200, headers: { 'content-length': /^20$/ }, bodyBytes: 20, atLeastMs: 5000 },
  '/lab/drip?bytes=1000&duration=3000&delay=1000&code=503': { status: 503, headers: { 'content-length': /^1000$/ }, bodyBytes: 1000, atLeastMs: 4000 },
  '/lab/stream?lines=5&interval=500': { status: 200, headers: { 'transfer-encoding': /^chunked$/ }, body: /^(\{.*\}\n){5}$/, atLeastMs: 2000 },
};

/**
 * The README's "Lab" section, by what it quotes: "`/lab/status/503` answers a real 503 with `Retry-After`,
 * `?sleep=ms` (max 10 s), `?body=json|html|text`, ... Every parameter has a maximum; a bad value is a 400
 * problem+json". The failure pages have their own table below.
 */
const README_URLS: Record<string, Record<string, Expected>> = {
  '/lab': { '/lab': { status: 200, headers: { 'content-type': HTML_TYPE } } },
  '/lab/status/503': { '/lab/status/503': { status: 503, headers: { 'retry-after': /^\d+$/ } } },
  '?sleep=ms': {
    '/lab/status/200?sleep=500': { status: 200, atLeastMs: 500 },
    '/lab/status/200?sleep=10001': { status: 400, headers: { 'content-type': /^application\/problem\+json\b/ } },
  },
  '?body=json|html|text': {
    '/lab/status/404?body=json': { status: 404, headers: { 'content-type': JSON_TYPE } },
    '/lab/status/404?body=html': { status: 404, headers: { 'content-type': HTML_TYPE }, body: /^<!doctype html>/i },
    '/lab/status/404?body=text': { status: 404, headers: { 'content-type': TEXT_TYPE } },
  },
  '/lab/status/random?codes=500,502:3': { '/lab/status/random?codes=500,502:3': { status: [500, 502] } },
  '/lab/drip': { '/lab/drip': { status: 200, headers: { 'content-length': /^\d+$/ } } },
  '/lab/stream': { '/lab/stream': { status: 200, headers: { 'transfer-encoding': /^chunked$/ }, body: /^(\{.*\}\n)+$/ } },
  '/lab/compare-gateways': { '/lab/compare-gateways': { status: 200, headers: { 'content-type': HTML_TYPE } } },
};

/** `/lab/fail/<scenario>`, each scenario the README lists, with the status its page title (on /lab) says the browser gets. */
const FAILURE_STATUS: Record<string, number> = {
  'app-exception': 500,
  'upstream-down': 502,
  reset: 502,
  'empty-reply': 502,
  'malformed-status': 502,
  'oversized-headers': 502,
  'slow-headers': 504,
  'truncated-body': 200,
  overload: 503,
  'rate-limited': 429,
};

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const LAB_SECTION = /\n## Lab\n([^]*?)\n## /.exec(README)?.[1] ?? '';
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  app = await buildApp({ logger: false });
  port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
});
afterAll(() => app.close());

/** A chunked body's data, without the chunk framing. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.toString('latin1', at, lineEnd), 16);
    if (lineEnd === -1 || !(size > 0)) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** What a client saw for `path`: the interim head's status line (if any), the final status, headers and body, and how long it took. */
async function answer(path: string) {
  const exchange = await rawRequest({ host: '127.0.0.1', port, path, timeoutMs: 15_000 });
  let response = splitResponse(exchange.bytes);
  let interim: string | null = null;
  if (response && / 1\d\d /.test(response.statusLine)) {
    interim = response.statusLine;
    response = splitResponse(response.body);
  }
  const { statusLine, headers, body } = response ?? ({ statusLine: `no response (${exchange.end})`, headers: [], body: Buffer.alloc(0) } satisfies SplitResponse);
  const headerMap = Object.fromEntries(headers.map(({ name, value }) => [name.toLowerCase(), value]));
  const data = headerMap['transfer-encoding'] === 'chunked' ? dechunk(body) : body;
  return {
    seen: { interim, status: Number(statusLine.split(' ')[1]), headers: headerMap, body: data.toString('utf8'), bodyBytes: data.length },
    ms: exchange.ms,
  };
}

/** The part of what a client saw that `expected` speaks about, as a matcher. */
function matcher({ status, interim, headers = {}, body = /[^]*/, bodyBytes }: Expected) {
  return {
    interim: interim ?? null,
    status: expect.toBeOneOf([status].flat()),
    headers: Object.fromEntries(Object.entries(headers).map(([name, pattern]) => [name, expect.stringMatching(pattern)])),
    body: expect.stringMatching(body),
    ...(bodyBytes === undefined ? {} : { bodyBytes }),
  };
}

const examples = (table: Record<string, Expected>) => Object.entries(table);

describe('the lab page’s examples', () => {
  it('are the ones this table expects', () => {
    expect(LAB_ENDPOINTS.flatMap((endpoint) => endpoint.examples).toSorted()).toEqual(Object.keys(PAGE_EXAMPLES).toSorted());
  });

  it.concurrent.each(examples(PAGE_EXAMPLES))('%s', async (path, expected) => {
    const { seen, ms } = await answer(path);
    expect(seen).toMatchObject(matcher(expected));
    expect(ms).toBeGreaterThanOrEqual(expected.atLeastMs ?? 0);
  });
});

describe('the README’s lab URLs', () => {
  it('are the ones these tables expect', () => {
    const quoted = [...LAB_SECTION.matchAll(/`((?:\/lab|\?)[^`]*)`/g)].map((m) => m[1] as string);
    expect(quoted.toSorted()).toEqual([...Object.keys(README_URLS), '/lab/fail/<scenario>'].toSorted());
    expect(oneLine(LAB_SECTION)).toContain(`\`/lab/fail/<scenario>\` (${Object.keys(FAILURE_STATUS).join(', ')})`);
  });

  it.concurrent.each(Object.values(README_URLS).flatMap(examples))('%s', async (path, expected) => {
    const { seen, ms } = await answer(path);
    expect(seen).toMatchObject(matcher(expected));
    expect(ms).toBeGreaterThanOrEqual(expected.atLeastMs ?? 0);
  });

  // One at a time: the site runs at most a few scenario captures at once.
  it.each(Object.entries(FAILURE_STATUS))('/lab/fail/%s shows the browser getting %i', async (slug, status) => {
    const { seen } = await answer(`/lab/fail/${slug}`);
    expect(seen).toMatchObject({ status: 200, headers: { 'content-type': expect.stringMatching(HTML_TYPE), 'cache-control': 'no-store' } });
    expect(seen.body).toMatch(new RegExp(`<h1>[^<]*\\(${status}\\)</h1>`));
    expect(seen.body).toContain(`HTTP/1.1 ${status} `);
  });
});
