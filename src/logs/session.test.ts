import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isHttpwhyError, type HttpwhyError } from '../errors.ts';
import type { LogReport } from './report/index.ts';
import { analyzeLogs, type AnalyzeOptions } from './session.ts';

const FIXTURES = new URL('../../test/fixtures/logs/', import.meta.url).pathname;
const run = (files: string[], more: Partial<AnalyzeOptions> = {}) => analyzeLogs({ files, cwd: FIXTURES, stdin: Readable.from([]), ...more });

/** path → cause, from the examples (each cause keeps up to 5, more than the lab has per cause). */
function causeByPath(report: LogReport): Record<string, string> {
  return Object.fromEntries(report.causes.flatMap((c) => c.examples.map((e) => [e.path, c.cause])));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isHttpwhyError(error) ? error.code : String(error);
  }
}

const classes = (r: LogReport) => Object.fromEntries(r.causes.map((c) => [c.class, c.count]));

describe('--written-by app', () => {
  // gunicorn's default access lines are the combined format (wild corpus, jasurdev-gunicorn-access.log: seven 500s).
  const gunicorn = '../logs/wild/gunicorn-access/jasurdev-gunicorn-access.log';
  it("names an application server's own 5xx the application's, with the user's word as evidence", async () => {
    expect(classes(await run([gunicorn]))).toEqual({ unknown: 7 });
    const told = await run([gunicorn], { writtenBy: 'app' });
    expect(classes(told)).toEqual({ app: 7 });
    expect(told.causes[0]?.examples[0]?.evidence).toEqual([{ kind: 'log-writer', detail: '--written-by app' }]);
  });

  it('leaves what a proxy\'s own fields say as they say it', async () => {
    const told = await run(['nginx/access.log', 'nginx/error.log'], { writtenBy: 'app' });
    expect(causeByPath(told)['/connection-refused']).toBe('refused');
  });
});

/** The 5xx by class (a file's 499s left out). */
function fiveXx(r: LogReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of r.causes) for (const [status, n] of Object.entries(c.byStatus)) if (status.startsWith('5')) counts[c.class] = (counts[c.class] ?? 0) + n;
  return counts;
}

describe("a proxy's error log beside its access log", () => {
  // nginx in front of gunicorn, both logs committed (wild corpus): the error log has connect() failed for the two
  // 502s and nothing for the Flask app's own 500s (their bodies the app's sizes).
  const access = '../logs/wild/combined/aoiths-nginx-gunicorn-access.log';
  const error = '../logs/wild/nginx-error/aoiths-nginx-gunicorn-error.log';

  it("names the 5xx it has no failure for the application's, at low confidence, inside the time it covers", async () => {
    expect(fiveXx(await run([access]))).toEqual({ unknown: 16 });
    const paired = await run([access, error]);
    expect(fiveXx(paired)).toEqual({ app: 13, proxy: 2, unknown: 1 });
    const silent = paired.causes.find((c) => c.class === 'app');
    expect(silent?.examples[0]?.evidence).toEqual([{ kind: 'error-log-silent', detail: '' }]);
  });
});

describe('analyzeLogs on logs captured from real proxies', () => {
  it('nginx: access (inferred format) + error log + app log', async () => {
    const r = await run(['nginx/access.log', 'nginx/error.log'], { appFiles: ['nginx/app.log'] });
    expect(causeByPath(r)).toEqual({
      '/connection-refused': 'refused',
      '/reset-before-headers': 'reset',
      '/close-without-reply': 'reset',
      '/non-http-reply': 'non-http-reply',
      '/invalid-status-line': 'non-http-reply',
      '/oversized-headers': 'header-too-big',
      '/slow-headers': 'timeout',
      '/accept-and-hang': 'timeout',
      '/app-exception': 'app-error',
      '/app-unavailable': 'app-overload',
    });
    expect(r.totals).toMatchObject({ requests: 11, verdicts: 10, byStatus: { '009': 2, '200': 1, '500': 1, '502': 4, '503': 1, '504': 2 } });
    expect(r.classes).toEqual({ app: 2, proxy: 8, unknown: 0 });
    expect(r.hidden.truncated.examples.map((e) => e.path)).toEqual(['/truncated-body']);
    expect(r.hidden.nonHttpReplies).toBe(2);
    expect(r.appMessages.map((m) => m.key)).toContain("TypeError: Cannot read properties of undefined (reading 'id')");
    expect(r.correlation).toMatchObject({ byRequestId: 2, byErrorLog: 8 });
    expect(r.errorLog).toMatchObject({ events: 9, linked: 9, unlinked: [] });
    expect(r.files.map((f) => [f.name, f.format, f.role, f.lines, f.skipped])).toEqual([
      ['nginx/access.log', 'nginx-custom', 'access', 11, 0],
      ['nginx/error.log', 'nginx-error', 'error', 9, 0],
      ['nginx/app.log', 'app-text', 'app', 11, 0],
    ]);
  });

  it('HAProxy: the termination state decides, the app log adds the message', async () => {
    const r = await run(['haproxy/access.log'], { appFiles: ['haproxy/app.log'] });
    expect(causeByPath(r)).toEqual({
      '/connection-refused': 'refused',
      '/reset-before-headers': 'reset',
      '/close-without-reply': 'reset',
      '/non-http-reply': 'invalid-response',
      '/invalid-status-line': 'invalid-response',
      '/oversized-headers': 'invalid-response',
      '/slow-headers': 'timeout',
      '/accept-and-hang': 'timeout',
      '/app-exception': 'app-error',
      '/app-unavailable': 'app-overload',
    });
    expect(r.hidden.truncated.count).toBe(1);
    expect(r.correlation.byRequestId).toBe(2);
  });

  it('recognises a plain-text app log given among the proxy logs (without --app)', async () => {
    const r = await run(['haproxy/access.log', 'haproxy/app.log']);
    expect(r.files.map((f) => [f.name, f.format, f.role, f.skipped])).toEqual([
      ['haproxy/access.log', 'haproxy', 'access', 0],
      ['haproxy/app.log', 'app-text', 'app', 0],
    ]);
    expect(r.correlation.byRequestId).toBe(2);
  });

  it('Caddy: the error log in its own file is read first; the app joins by time and path', async () => {
    const r = await run(['caddy/access.log', 'caddy/error.log'], { appFiles: ['caddy/app.log'] });
    expect(causeByPath(r)).toEqual({
      '/connection-refused': 'refused',
      '/reset-before-headers': 'reset',
      '/close-without-reply': 'reset',
      '/non-http-reply': 'invalid-response',
      '/invalid-status-line': 'invalid-response',
      '/slow-headers': 'timeout',
      '/accept-and-hang': 'timeout',
      '/app-exception': 'app-error',
      '/app-unavailable': 'app-overload',
    });
    expect(r.files.map((f) => f.role)).toEqual(['access', 'error', 'app']);
    expect(r.correlation).toMatchObject({ byRequestId: 0, byTimeWindow: 2 });
  });
});

const good = (status: number, path = '/x') => `10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET ${path} HTTP/1.1" ${status} 5 "-" "curl/8.0"`;

const access = (status: number, id: string, second: number) =>
  `10.0.0.1 - - [01/May/2024:10:00:0${second} +0000] "GET /pay HTTP/1.1" ${status} 5 "-" "curl/8.0" ${id}`;
const pino = (id: string, level: number, msg: string, second: number) =>
  JSON.stringify({ level, time: Date.UTC(2024, 4, 1, 10, 0, second), req: { method: 'GET', url: '/pay', headers: { 'x-request-id': id } }, msg });

describe('analyzeLogs joins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-join-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), `${lines.join('\n')}\n`);

  it('Apache error-log lines to access entries by client and time (the error log has no request line)', async () => {
    write('apache-access.log', [
      '10.0.0.7 - - [01/May/2024:12:00:01 +0200] "GET /api HTTP/1.1" 503 299 "-" "curl/8.0"',
      '10.0.0.8 - - [01/May/2024:12:00:01 +0200] "GET /api HTTP/1.1" 503 299 "-" "curl/8.0"',
    ]);
    write('apache-error.log', [
      '[Wed May 01 12:00:01.002003 2024] [proxy:error] [pid 10:tid 11] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
      '[Wed May 01 12:00:01.002100 2024] [proxy_http:error] [pid 10:tid 11] [client 10.0.0.7:40000] AH01114: HTTP: failed to make connection to backend: 127.0.0.1',
      '[Wed May 01 12:00:01.002200 2024] [proxy:error] [pid 10:tid 11] AH00959: ap_proxy_connect_backend disabling worker for (127.0.0.1:8080) for 60s',
      '[Wed May 01 12:00:01.003000 2024] [proxy:error] [pid 10:tid 12] AH00940: HTTP: disabled connection for (127.0.0.1:8080)',
    ]);
    const r = await analyzeLogs({ files: ['apache-access.log', 'apache-error.log'], cwd: dir, stdin: Readable.from([]) });
    // One event per request: 10.0.0.7's (AH00957 + AH01114) names it; AH00940 names no client and goes to the other
    // entry, with less confidence.
    expect(r.causes.map((c) => [c.cause, c.count, c.examples.map((e) => [e.client, e.confidence])])).toEqual([
      ['refused', 1, [['10.0.0.7', 'high']]],
      ['no-live-upstream', 1, [['10.0.0.8', 'medium']]],
    ]);
    expect(r.errorLog).toMatchObject({ events: 2, linked: 2 });
  });

  it('an error line read after its access line in one stream (stdout and stderr merged), with or without an app log', async () => {
    // The published stream (self-hosted#477: error line, then access line), in the order a collector may also give.
    const [errorLine, accessLine] = readFileSync(join(FIXTURES, 'wild/nginx-error/sentry-self-hosted-477.log'), 'utf8').trim().split('\n');
    write('swapped.log', [accessLine as string, errorLine as string]);
    write('empty-app.log', []);
    for (const appFiles of [[], ['empty-app.log']]) {
      const r = await analyzeLogs({ files: ['swapped.log'], appFiles, cwd: dir, stdin: Readable.from([]) });
      expect(r.causes.map((c) => [c.cause, c.count])).toEqual([['refused', 1]]);
      expect(r.errorLog).toMatchObject({ events: 1, linked: 1 });
    }
  });

  it('pino lines by request id, and knows the app never saw the others', async () => {
    const format = '$remote_addr - - [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_id';
    write('access.log', [access(200, 'a'.repeat(32), 0), access(500, 'b'.repeat(32), 1), access(502, 'c'.repeat(32), 2), access(200, 'd'.repeat(32), 3)]);
    write('app.log', [pino('a'.repeat(32), 30, 'ok', 0), pino('b'.repeat(32), 50, 'card declined: gateway down', 1), pino('d'.repeat(32), 30, 'ok', 3)]);
    const r = await analyzeLogs({ files: ['access.log'], appFiles: ['app.log'], format, cwd: dir, stdin: Readable.from([]) });
    expect(r.causes.map((c) => [c.cause, c.count, c.examples[0]?.confidence])).toEqual([
      ['app-error', 1, 'high'],
      ['upstream-failed', 1, 'medium'],
    ]);
    expect(r.causes[0]?.examples[0]?.appMessage).toBe('card declined: gateway down');
    expect(r.causes[1]?.examples[0]?.evidence.map((e) => e.kind)).toEqual(['app-absent']);
    expect(r.correlation).toMatchObject({ byRequestId: 1, appLines: 3, appLinesWithId: 3 });
  });
});

describe('analyzeLogs never loses a line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accounts for CRLF, empty, binary, invalid UTF-8, huge, mixed-format and cut-short lines', async () => {
    const oneMb = good(200, `/${'a'.repeat(1_000_000)}`);
    const parts: Array<string | Buffer> = [
      `${good(200)}\r\n`,
      `${good(502)}\n`,
      '\n',
      Buffer.from([0x00, 0x01, 0xff, 0x10, 0x0a]),
      Buffer.concat([Buffer.from(good(200, '/caf')), Buffer.from([0xe9]), Buffer.from('\n')]),
      Buffer.from([0x66, 0x6f, 0xff, 0xfe, 0x0a]),
      `${oneMb}\n`,
      `${'b'.repeat(3_000_000)}\n`,
      '2024/05/01 10:00:00 [error] 7#7: *3 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1, server: s, request: "GET /y HTTP/1.1", upstream: "http://127.0.0.1:8080/y", host: "h"\n',
      `${good(504, '/y')}\n`,
      'just some words\n',
      good(200).slice(0, 40),
    ];
    const file = join(dir, 'mixed.log');
    writeFileSync(file, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    const r = await analyzeLogs({ files: [file], cwd: dir, stdin: Readable.from([]) });
    const f = r.files[0];
    expect(f).toMatchObject({ format: 'combined', lines: 12, parsed: 6, skipped: 6, otherFormats: { 'nginx-error': 1 } });
    expect(Object.fromEntries(Object.entries(f?.skippedBy ?? {}).map(([k, v]) => [k, v.count]))).toEqual({
      empty: 1,
      binary: 1,
      'invalid-utf8': 1,
      'too-long': 1,
      unrecognized: 1,
      truncated: 1,
    });
    expect(f?.invalidUtf8.count).toBe(1);
    expect(f?.skippedBy['too-long']?.examples[0]).toMatchObject({ line: 8 });
    expect(r.totals.byStatus).toEqual({ '200': 3, '502': 1, '504': 1 });
    expect(causeByPath(r)['/y']).toBe('timeout');
  });

  it('does not take lines that are neither proxy nor app lines for an app log', async () => {
    const r = await run(['-'], { stdin: Readable.from(['garbage\nhello world\n\u0000\u0001\n']) });
    expect(r.files[0]?.format).toBeNull();
    expect(r.totals).toMatchObject({ lines: 3, parsed: 0, skipped: 3 });
  });

  it('reads a custom-format access log interleaved with its error log in one stream (docker logs)', async () => {
    const accessLines = readFileSync(join(FIXTURES, 'nginx/access.log'), 'utf8').split('\n').filter(Boolean);
    const errorLines = readFileSync(join(FIXTURES, 'nginx/error.log'), 'utf8').split('\n').filter(Boolean);
    // More error lines than access lines in the sample, so detection settles on the error-log format.
    const mixed = [accessLines[0], ...errorLines.slice(0, 4), accessLines[1], accessLines[2]].join('\n');
    const r = await run(['-'], { stdin: Readable.from([`${mixed}\n`]) });
    expect(r.files[0]?.format).toBe('nginx-error');
    expect(r.totals).toMatchObject({ lines: 7, parsed: 7, skipped: 0, requests: 3 });
  });

  it('reads gzip files and gzipped stdin, and records a corrupt gzip without throwing', async () => {
    const plain = readFileSync(join(FIXTURES, 'haproxy/access.log'));
    writeFileSync(join(dir, 'h.log.gz'), gzipSync(plain));
    const gz = await analyzeLogs({ files: ['h.log.gz'], cwd: dir, stdin: Readable.from([]) });
    expect(gz.files[0]).toMatchObject({ gzip: true, format: 'haproxy', lines: 11, parsed: 11 });
    const stdin = await analyzeLogs({ files: ['-'], cwd: dir, stdin: Readable.from([gzipSync(plain)]) });
    expect(stdin.totals.requests).toBe(11);
    const broken = gzipSync(plain).subarray(0, 300);
    writeFileSync(join(dir, 'broken.gz'), broken);
    const bad = await analyzeLogs({ files: ['broken.gz'], cwd: dir, stdin: Readable.from([]) });
    expect(bad.files[0]?.error).toMatch(/end of file/i);
  });

  it('handles an empty file and a stdin of text chunks', async () => {
    writeFileSync(join(dir, 'empty.log'), '');
    const empty = await analyzeLogs({ files: ['empty.log'], cwd: dir, stdin: Readable.from([]) });
    expect(empty.files[0]).toMatchObject({ lines: 0, format: null, error: null });
    expect(empty.causes).toEqual([]);
    const text = await analyzeLogs({ files: ['-'], cwd: dir, stdin: Readable.from([`${good(503)}\n${good(200)}`]) });
    expect(text.totals).toMatchObject({ lines: 2, requests: 2, verdicts: 1 });
  });

  it('throws coded errors for user mistakes, before reading anything', async () => {
    mkdirSync(join(dir, 'a-dir'), { recursive: true });
    expect(await codeOf(run([]))).toBe('HW_ERR_LOGS_NO_INPUT');
    expect(await codeOf(run(['nope.log']))).toBe('HW_ERR_LOGS_FILE_NOT_FOUND');
    expect(await codeOf(analyzeLogs({ files: ['a-dir'], cwd: dir, stdin: Readable.from([]) }))).toBe('HW_ERR_LOGS_FILE_UNREADABLE');
    expect(await codeOf(run(['haproxy/access.log'], { format: 'no-such-format' }))).toBe('HW_ERR_LOGS_UNKNOWN_FORMAT');
    expect(await codeOf(run(['haproxy/access.log'], { appFormat: 'haproxy' }))).toBe('HW_ERR_LOGS_UNKNOWN_FORMAT');
    expect(await codeOf(run(['-'], { appFiles: ['-'] }))).toBe('HW_ERR_LOGS_BAD_OPTION');
    expect(await codeOf(run(['haproxy/access.log'], { idPattern: '(' }))).toBe('HW_ERR_LOGS_BAD_OPTION');
    expect(await codeOf(run(['haproxy/access.log'], { windowSeconds: 0 }))).toBe('HW_ERR_LOGS_BAD_OPTION');
    expect(await codeOf(run(['haproxy/access.log'], { format: '$remote_addr$status' }))).toBe('HW_ERR_LOGS_BAD_LOG_FORMAT');
  });

  it('uses a forced format and a given log_format string', async () => {
    const forced = await run(['nginx/access.log'], {
      format: `'$remote_addr [$time_local] "$request" $status $body_bytes_sent rid=$request_id us="$upstream_status" ua="$upstream_addr" uct="$upstream_connect_time" uht="$upstream_header_time" urt="$upstream_response_time" rt=$request_time'`,
    });
    expect(forced.files[0]).toMatchObject({ format: 'nginx-custom', detected: false, parsed: 11 });
  });

  it('rejects a forced format that reads no line of a file, with its first lines and what the format expects', async () => {
    const wrong = await run(['nginx/access.log'], { format: 'combined' }).catch((e: unknown) => e);
    expect(isHttpwhyError(wrong) && wrong.code).toBe('HW_ERR_LOGS_FORMAT_MISMATCH');
    const error = wrong as HttpwhyError;
    expect(error.message).toContain(`--format combined reads none of the 11 lines of nginx/access.log; it expects lines written with the log_format '$remote_addr $remote_ident`);
    expect(error.message).toContain('\n  nginx/access.log:1  127.0.0.1 [21/Nov/2026:21:43:08 +0000] "GET /connection-refused HTTP/1.1" 502 157 rid=');
    expect(error.message).toContain('Without --format, it reads as nginx-custom (11 of its first 11 lines).');
    expect(error.details).toMatchObject({ file: 'nginx/access.log', format: 'combined', detected: 'nginx-custom' });
    // A format with no log_format says what its lines look like.
    const squid = await run(['nginx/access.log'], { format: 'squid' }).catch((e: unknown) => e);
    expect(isHttpwhyError(squid) && squid.message).toContain('it expects Squid native access.log lines: epoch.ms elapsed client result/status');
    // Nor is one that fits with text left over (combined on Traefik 1.x lines), though other formats read those lines whole.
    const traefik = await run(['wild/traefik-clf/beats-traefik-1x.log'], { format: 'combined' });
    expect([traefik.files[0]?.format, traefik.files[0]?.otherFormats, traefik.totals.requests]).toEqual(['combined', { 'traefik-clf': 2 }, 2]);
    const app = await run(['haproxy/access.log'], { appFiles: ['haproxy/app.log'], appFormat: 'app-json' }).catch((e: unknown) => e);
    expect(isHttpwhyError(app) && [app.code, app.message.slice(0, 52)]).toEqual(['HW_ERR_LOGS_FORMAT_MISMATCH', '--app-format app-json reads none of the 11 lines of ']);
  });
});

describe('analyzeLogs on an application server log', () => {
  const uvicorn = 'wild/app-text/enms-401-uvicorn-asgi2-500.log';

  it('counts the lines the app wrote for each request as requests when no access log is given', async () => {
    const r = await run([uvicorn]);
    expect(r.totals.requests).toBe(1);
    expect(r.classes).toEqual({ app: 1, proxy: 0, unknown: 0 });
    expect(r.causes[0]?.examples[0]).toMatchObject({ method: 'GET', path: '/', status: 500, client: '192.168.181.1' });
  });

  it('beside an access log, joins them to its entries instead of counting them again', async () => {
    const alone = await run(['nginx/access.log']);
    const both = await run(['nginx/access.log', uvicorn]);
    expect(both.totals.requests).toBe(alone.totals.requests);
    expect(both.correlation.appLines).toBeGreaterThan(0);
  });
});

describe("analyzeLogs: Rails' requests that never completed", () => {
  it("counts a Started line with no Completed line after it as a request that logged no status (wild corpus: gitlab-ctl tail)", async () => {
    // Seven `Started GET` lines whose requests never finished, and nothing else that answers them.
    const r = await run(['wild/rails-log/gitlabhq-8558-gitlab-ctl-tail.log']);
    expect(r.totals).toMatchObject({ requests: 7, noStatus: 7 });
  });

  it("pairs a Started line with the RoutingError that ends it, its path without the trailing slash (wild corpus: a Rails 3.1 production log)", async () => {
    // 18 Started lines: 17 Completed, one PROPFIND "/principals/" ended by `No route matches [PROPFIND] "/principals"`.
    const r = await run(['wild/rails-log/inventory-production-excerpt.log']);
    expect(r.totals).toMatchObject({ requests: 18, noStatus: 0 });
    expect(r.totals.byStatus).toMatchObject({ '404': 1, '500': 3 });
  });
});

describe("analyzeLogs: Apache's error lines logged while the request ran", () => {
  it("links a PHP fatal error seconds after the access line's time (the request's start) to it by its client (wild corpus: held-out set 136)", async () => {
    // Apache with mod_php: each of the 21 500s has a PHP Fatal error 2 to 3 s after its access line's time.
    const r = await run(['wild/apache-combined/mirea-php-apache-access-1205.log', 'wild/apache-error/mirea-php-apache-error-1205.log']);
    expect(r.totals.byStatus['500']).toBe(21);
    expect(r.classes).toMatchObject({ app: 21, proxy: 0, unknown: 0 });
  });
});

