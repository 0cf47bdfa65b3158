import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { cloudflareSignal, CloudflareLogpushParser, logpushTime, type CloudflareFields } from './cloudflare-logpush.ts';
import { detectInput } from './detect.ts';
import { KIND } from './line-parser.ts';

// tstack/lnav@bb0005f96c8dc486ee0b9005a4562be0ef61c878:test/logfile_cloudflare.1 (wild corpus, BSD-2-Clause).
const corpus = readFileSync(new URL('../../../test/fixtures/logs/wild/cloudflare-logpush/lnav-cloudflare-1.log', import.meta.url));
const corpusLines = corpus.toString('utf8').split('\n');
// ibm-cloud-docs/cis@031a14013f88e6db9668c9009645c95e36c92fef:logpull.md, "Based on time duration": IBM Cloud Internet
// Services is Cloudflare, and its Logpull returns these records (default fields, unixnano times). The last record of
// that block is published with a missing quote after "test.logpull.load.com".
const IBM_DOC_LINE =
  '{"ClientIP":"2620:1f7:8c5::1f:949e:c04d","ClientRequestHost":"test.logpull.load.com","ClientRequestMethod":"GET","ClientRequestURI":"/assets/bootstrap-collapse.js","EdgeEndTimestamp":1545067628046000000,"EdgeResponseBytes":2205,"EdgeResponseStatus":200,"EdgeStartTimestamp":1545067628044000000,"RayID":"48ab19434891c7a7"}';
const IBM_DOC_BROKEN_LINE =
  '{"ClientIP":"2620:1f7:8c5::1f:949e:c04d","ClientRequestHost":"test.logpull.load.com,"ClientRequestMethod":"GET","ClientRequestURI":"/assets/bootstrap-responsive.css","EdgeEndTimestamp":1545067627951000000,"EdgeResponseBytes":4797,"EdgeResponseStatus":200,"EdgeStartTimestamp":1545067627948000000,"RayID":"48ab1942af86c7a7"}';
// cloudflare/cloudflare-docs:src/content/docs/logs/reference/log-output-options.mdx, the ndjson example output: a
// job that logs neither status carries nothing to count.
const CLOUDFLARE_DOC_LINE = '{"ClientIP":"89.163.242.206","EdgeStartTimestamp":1506702504433000200,"RayID":"3a6050bcbe121a87"}';

describe('CloudflareLogpushParser', () => {
  it('reads the corpus 502 the origin returned (OriginResponseStatus 502)', () => {
    const p = new CloudflareLogpushParser();
    const line = corpusLines.find((l) => l.includes('"EdgeResponseStatus":502')) as string;
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 502,
      timeMs: 1712790015600,
      client: '203.0.113.45',
      method: 'POST',
      path: '/v1/data/ingest',
      requestId: '87a1b2c3d4e5f009',
      signal: { cause: 'app-error', confidence: 'high', decisive: true, evidence: { kind: 'cloudflare-status', detail: 'EdgeResponseStatus=502 OriginResponseStatus=502 CacheCacheStatus=dynamic' } },
    });
    expect(p.access().requestTime).toBeCloseTo(0.3, 6);
  });

  it('reads Logpull records with the default fields, and refuses broken JSON and records without a status', () => {
    const p = new CloudflareLogpushParser();
    expect(parseLine(p, IBM_DOC_LINE)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, timeMs: 1545067628044, path: '/assets/bootstrap-collapse.js', requestId: '48ab19434891c7a7', signal: null });
    expect(p.access().requestTime).toBeCloseTo(0.002, 6);
    expect(parseLine(p, IBM_DOC_BROKEN_LINE)).toBe(KIND.none);
    expect(parseLine(p, CLOUDFLARE_DOC_LINE)).toBe(KIND.none);
  });

  it('is how the corpus file is detected, every line read', () => {
    const detection = detectInput(corpus, true, false, { appFields: {} });
    expect(detection).toMatchObject({ format: 'cloudflare-logpush', matched: 15, sampled: 15 });
  });
});

describe('logpushTime', () => {
  it('reads the three timestamp formats of a Logpush job', () => {
    // unixnano (the default), as in the log-output-options example; rfc3339 as in IBM's `--timestamps=rfc3339` example.
    expect(logpushTime(1506702504433000200)).toBe(1506702504433);
    expect(logpushTime('2019-01-03T06:33:55Z')).toBe(Date.UTC(2019, 0, 3, 6, 33, 55));
    expect(logpushTime(1506702504)).toBe(1506702504000);
    expect(logpushTime('1506702504')).toBe(1506702504000);
    expect(logpushTime(undefined)).toBeNaN();
  });
});

const fields = (over: Partial<CloudflareFields>): CloudflareFields => ({ edge: 502, origin: Number.NaN, security: '', rateLimit: '', cache: '', ...over });

describe('cloudflareSignal', () => {
  it('reads the 521 of IBM\'s "origin web server is down" example as Cloudflare\'s refused connection', () => {
    // ibm-cloud-docs/cis logpull.md, "Origin web server is down (Error 521)": OriginResponseStatus 0, EdgeServerIP set.
    const signal = cloudflareSignal(fields({ edge: 521, origin: 0, edgeServerIp: '172.69.98.148', cache: 'miss' }));
    expect(signal).toEqual({
      cause: 'refused',
      confidence: 'high',
      decisive: true,
      evidence: { kind: 'cloudflare-status', detail: 'EdgeResponseStatus=521 OriginResponseStatus=0 EdgeServerIP=172.69.98.148 CacheCacheStatus=miss' },
    });
  });

  it.each([
    [520, 'invalid-response'],
    [521, 'refused'],
    [522, 'connect-failed'],
    [523, 'unreachable'],
    [524, 'timeout'],
    [525, 'tls'],
    [526, 'tls'],
    [530, 'dns'],
    [502, 'upstream-failed'],
    [504, 'timeout'],
    [500, 'proxy-config'],
  ])('edge %i with no origin request → %s, made by Cloudflare', (edge, cause) => {
    expect(cloudflareSignal(fields({ edge, origin: 0 }))).toMatchObject({ cause, confidence: 'high' });
  });

  it('gives the status to the origin when the origin returned it, also a 52x', () => {
    expect(cloudflareSignal(fields({ edge: 500, origin: 500 }))?.cause).toBe('app-error');
    expect(cloudflareSignal(fields({ edge: 503, origin: 503 }))?.cause).toBe('app-overload');
    expect(cloudflareSignal(fields({ edge: 520, origin: 520 }))?.cause).toBe('app-error');
  });

  it('names the edge for security and rate-limit answers, and the origin for a cached answer', () => {
    expect(cloudflareSignal(fields({ edge: 503, origin: 0, security: 'SecurityAction=block' }))?.cause).toBe('proxy-config');
    expect(cloudflareSignal(fields({ edge: 503, origin: 0, rateLimit: 'ban' }))?.cause).toBe('load-shed');
    expect(cloudflareSignal(fields({ edge: 500, origin: 0, cache: 'hit' }))).toMatchObject({ cause: 'app-error', confidence: 'medium' });
  });

  it("names the edge for a security rule's 403, and says nothing of another 4xx", () => {
    expect(cloudflareSignal(fields({ edge: 403, origin: 0, security: 'Action=block' }))).toMatchObject({ cause: 'proxy-config', confidence: 'high' });
    expect(cloudflareSignal(fields({ edge: 403, origin: 403 }))).toBeNull();
  });

  it("reads the firewall events dataset's Action as a security action", () => {
    const line = '{"Action":"block","ClientIP":"192.0.2.1","ClientRequestMethod":"GET","ClientRequestPath":"/x","EdgeResponseStatus":403,"RayID":"1"}';
    const p = new CloudflareLogpushParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 403, signal: { cause: 'proxy-config', evidence: { detail: 'EdgeResponseStatus=403 OriginResponseStatus=- Action=block' } } });
  });

  it('trusts the 52x code alone less, and says nothing of a 502 when the job logs no origin fields', () => {
    expect(cloudflareSignal(fields({ edge: 522 }))).toMatchObject({ cause: 'connect-failed', confidence: 'medium' });
    expect(cloudflareSignal(fields({ edge: 502 }))).toBeNull();
    expect(cloudflareSignal(fields({ edge: 502, edgeServerIp: '' }))).toMatchObject({ cause: 'upstream-failed', confidence: 'high' });
    expect(cloudflareSignal(fields({ edge: 404, origin: 0 }))).toBeNull();
    expect(cloudflareSignal(fields({ edge: 499, origin: 0 }))?.cause).toBe('client-closed');
  });
});
