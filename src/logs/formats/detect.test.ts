import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../types.ts';
import { detectFormat, detectInput, detectWrappers, parsersFor, roleOf, sampleLines } from './detect.ts';
import { KIND } from './line-parser.ts';
import { APP_FORMATS, PROXY_FORMATS, resolveFormat } from './registry.ts';

const fixture = (path: string) => readFileSync(new URL(`../../../test/fixtures/logs/${path}`, import.meta.url));
const wild = (path: string) => fixture(`wild/${path}`);
const options = { appFields: {} };
const proxy = [...PROXY_FORMATS, 'app-json' as const];
const detect = (text: string | Buffer, candidates: readonly FormatId[] = proxy) => detectFormat(sampleLines(Buffer.from(text), true), candidates, options, true);

describe('detectFormat', () => {
  it.each([
    ['nginx/error.log', 'nginx-error'],
    ['haproxy/access.log', 'haproxy'],
    ['caddy/access.log', 'caddy'],
    ['caddy/error.log', 'caddy'],
  ])('%s → %s', (path, format) => expect(detect(fixture(path))?.format).toBe(format));

  it.each([
    [
      'https 2024-05-01T10:00:00.123456Z app/a/1 192.168.1.1:2817 10.0.0.1:80 0.000 0.001 0.000 502 502 34 366 "GET https://x.com:443/ HTTP/1.1" "curl" ECDHE TLSv1.2 arn:tg "Root=1-5" "x.com" "arn:c" 0 2024-05-01T10:00:00.100000Z "forward" "-" "-" "10.0.0.1:80" "502" "-" "-"',
      'alb',
    ],
    ['[2016-04-15T20:17:00.310Z] "POST /api HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "cc21d9b0" "locations" "tcp://10.0.2.1:80"', 'envoy'],
    ['{"ClientHost":"10.0.0.9","DownstreamStatus":502,"OriginStatus":0,"RequestMethod":"GET","RequestPath":"/api","time":"2024-05-01T10:00:00Z"}', 'traefik-json'],
    ['[Wed Oct 11 14:32:52.123456 2000] [proxy:error] [pid 1:tid 2] (111)Connection refused: AH00957: HTTP: attempt to connect to 127.0.0.1:8080 (x) failed', 'apache-error'],
    [
      '192.168.1.5 - - [01/May/2024:10:00:00 +0000] "GET /api HTTP/1.1" 504 160 "-" "curl/8.0" 81 60.001 [default-api-80] [] 10.1.2.3:8080 0 60.000 504 7f3a9c2b5e1d4f6a8b9c0d1e2f3a4b5c',
      'ingress-nginx',
    ],
    ['10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0" 3 "web@docker" "http://172.18.0.3:80" 5ms', 'traefik-clf'],
  ])('%s → %s', (line, format) => expect(detect(`${line}\n`)?.format).toBe(format));

  it('infers a log_format from the first access line after a container\'s start-up notices (mechanics)', () => {
    const d = detect(
      [
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '2024/05/14 10:00:00 [notice] 1#1: nginx/1.25.5',
        '10.0.0.1 - - [14/May/2024:10:00:01 +0000] "GET / HTTP/1.1" 502 157 "-" "curl/8.0" rt=0.002 us=502 uct=-',
        '10.0.0.1 - - [14/May/2024:10:00:02 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.0" rt=0.004 us=200 uct=0.001',
        '',
      ].join('\n'),
    );
    expect(d?.format).toBe('nginx-custom');
    expect(d?.custom?.source).toContain('us=$upstream_status uct=$upstream_connect_time');
  });

  it('infers a log_format from a line of key=value pairs alone (mechanics)', () => {
    const d = detect('time=2024-05-14T10:00:01+00:00 client=10.0.0.1 method=GET path=/ status=504 upstat=504 urt=60.001\n');
    expect(d?.format).toBe('nginx-custom');
    expect(d?.custom?.byRole).toBeDefined();
  });

  it('infers the lab nginx format from its key=value fields', () => {
    const d = detect(fixture('nginx/access.log'));
    expect(d?.format).toBe('nginx-custom');
    expect(d?.custom?.source).toBe(
      '$remote_addr [$time_local] "$request" $status $body_bytes_sent rid=$request_id us="$upstream_status" ua="$upstream_addr" uct="$upstream_connect_time" uht="$upstream_header_time" urt="$upstream_response_time" rt=$request_time',
    );
    expect(d?.matched).toBe(11);
  });

  it('tells the CLF family apart by exact fit', () => {
    const common = '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 512';
    const combined = `${common} "-" "curl/8.0"`;
    expect(detect(common)?.format).toBe('common');
    expect(detect(combined)?.format).toBe('combined');
    expect(detect(`${combined} "203.0.113.7"`)?.format).toBe('nginx-main');
  });

  it('marks files holding only error lines, recognises app JSON, and gives up on noise', () => {
    expect(detect(fixture('caddy/error.log'))?.errorsOnly).toBe(true);
    expect(detect(fixture('caddy/access.log'))?.errorsOnly).toBe(false);
    expect(detect('{"level":30,"time":1714557600000,"msg":"listening"}\n')?.format).toBe('app-json');
    expect(detect('\u0000\u0001\u0002 binary\n\u00ff\u00fe\n')).toBeNull();
  });

  it('detects app logs among app formats only, JSON before text', () => {
    expect(detect(fixture('nginx/app.log'), APP_FORMATS)?.format).toBe('app-text');
    expect(detect('{"level":"error","message":"x"}\n', APP_FORMATS)?.format).toBe('app-json');
  });

  it('ignores a cut last line unless the head is the whole input', () => {
    const head = Buffer.from('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 512\n10.0.0.1 - - [01/May/20');
    expect(detectFormat(sampleLines(head, false), proxy, options)?.matched).toBe(1);
    expect(detectFormat(sampleLines(head, true), proxy, options)?.sampled).toBe(2);
  });
});

describe('detectInput', () => {
  const input = (text: string, app = false) => detectInput(Buffer.from(text), true, app, options);
  const textLines = '2024-05-01 10:00:00 ERROR payment failed\n2024-05-01 10:00:01 INFO started\n';

  it('takes a plain-text app log among proxy logs only when its lines carry something to join', () => {
    expect(input(textLines)?.format).toBe('app-text');
    expect(input('just some words\nand more of them\n')).toBeNull();
  });

  it("reads an app server's request lines over a log_format inferred from one logger line (corpus: uvicorn/ai-stock-advisor-uvicorn.log)", () => {
    // Line 8 (`rid=/api/portfolio/ method=GET status_code=401 …`) infers a format that reads 1 of the first 50 lines.
    expect(detectInput(wild('uvicorn/ai-stock-advisor-uvicorn.log'), false, false, options)?.format).toBe('app-text');
    // A log_format that reads most lines keeps them although the app's text counts its error line too.
    expect(detectInput(wild('nginx-custom/deer-flow-3882-nginx-rt-uht-504-timeout.log'), true, false, options)?.format).toMatch(/^nginx-custom/);
  });

  it("takes the router's lines of a Heroku stream as its requests, also where the dyno's server logs each of them too (corpus: heroku/drf-pp5-heroku-logs.log)", () => {
    expect(detectInput(wild('heroku/drf-pp5-heroku-logs.log'), true, false, options)).toMatchObject({ format: 'heroku-router', wrappers: ['heroku'] });
  });

  it('detects --app inputs among app formats only, without inferring a log_format', () => {
    expect(input('10.0.0.1 [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 502 1 rt=1\n', true)?.format).toBe('app-text');
  });
});

describe('detectInput and detectWrappers: the wrappers and the format together', () => {
  it('strips a wrapper the bare format also reads through (corpus: haproxy-http/lnav-haproxy-syslog.log)', () => {
    const head = wild('haproxy-http/lnav-haproxy-syslog.log');
    expect(detectFormat(sampleLines(head, true), proxy, options)).toMatchObject({ format: 'haproxy', matched: 13 });
    expect(detectInput(head, true, false, options)).toMatchObject({ format: 'haproxy', matched: 13, wrappers: ['syslog'] });
  });

  it('reads what nothing reads bare (corpus: envoy-text/istio-29109-kubectl-timestamps.log)', () => {
    expect(detectInput(wild('envoy-text/istio-29109-kubectl-timestamps.log'), true, false, options)).toMatchObject({ format: 'envoy', wrappers: ['timestamps'] });
  });

  it("takes a platform's request entries over the app's JSON lines they are mixed with (corpus: gcp-cloudrun-request/pmomax-cloudrun-logs.json.log)", () => {
    // The export is one JSON array; its reader hands the entries on one per line, as here.
    const entries = JSON.parse(wild('gcp-cloudrun-request/pmomax-cloudrun-logs.json.log').toString('utf8')) as object[];
    const lines = Buffer.from(`${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`);
    expect(detectFormat(sampleLines(lines, true), ['app-json'], options)).toMatchObject({ format: 'app-json', matched: 50 });
    expect(detectFormat(sampleLines(lines, true), proxy, options)).toMatchObject({ format: 'gcp-lb', matched: 28 });
  });

  it("finds a proxy's lines past the first 50 when those read as an app's (corpus: compose/kong-8531-plugins-compose.log)", () => {
    const head = wild('compose/kong-8531-plugins-compose.log');
    expect(detectInput(head.subarray(0, head.indexOf('\nkong_8531-kong-1')), true, false, options)).toMatchObject({ format: 'app-text' });
    expect(detectInput(head, true, false, options)).toMatchObject({ format: 'nginx-error', wrappers: ['compose'] });
  });

  it("finds an app's request lines past the first 50 when those read as nothing (corpus: gin-logger/hendytriatmoko-binusbackend-gin.log)", () => {
    const head = wild('gin-logger/hendytriatmoko-binusbackend-gin.log');
    const firstRequest = head.indexOf('\n[GIN] ');
    expect(detectInput(head.subarray(0, firstRequest), true, false, options)).toBeNull();
    expect(detectInput(head, true, false, options)).toMatchObject({ format: 'app-text', wrappers: [] });
  });

  it.each([
    ['caddy-error/caddy-4511-journald.log', 'caddy', ['syslog']],
    ['caddy-json/caddy-docker-proxy-issue547.log', 'caddy', ['compose']],
    ['traefik-json/traefik-issue12354-docker-timestamps.log', 'traefik-json', ['timestamps']],
  ])('rejoins an entry broken over lines whose wrapper prefixes its first piece only (corpus: %s)', (path, format, wrappers) => {
    expect(detectInput(wild(path), true, false, options)).toMatchObject({ format, wrappers });
  });

  it("mechanics (synthetic lines): a format's own leading time, a level taken for a service, stay in the line", () => {
    const iso = Buffer.from('2024-05-01T10:00:00+00:00 10.0.0.1 "GET / HTTP/1.1" 502\n');
    expect(detectWrappers(iso, true, 'nginx-custom', { ...options, custom: resolveFormat('$time_iso8601 $remote_addr "$request" $status').custom })).toEqual([]);
    expect(detectInput(Buffer.from('2024-05-01T10:00:00.123Z ERROR payment failed request_id=abc123\n'), true, false, options)).toMatchObject({ format: 'app-text', wrappers: [] });
    expect(detectInput(Buffer.from('ERROR | payment failed\nERROR | card declined\n'), true, false, options)).toMatchObject({ format: 'app-text', wrappers: [] });
    expect(detectInput(Buffer.from('{"log":"started\\n","stream":"stdout","time":"2024-05-14T00:00:00Z"}\n'), true, true, options)).toMatchObject({ format: 'app-text', wrappers: ['docker-json'] });
  });

  it('mechanics (synthetic lines): compose-wrapped text with nothing an app log shows is the app\'s text, not an unknown format', () => {
    const startup = Buffer.from('web-1  |  * Serving Flask app\nweb-1  |  * Debug mode: on\nredis-1  | 1:M 25 Apr 2024 05:32:35.019 * Server initialized\n');
    expect(detectInput(startup, true, false, options)).toMatchObject({ format: 'app-text', wrappers: ['compose'] });
    // Bare text of the same kind stays unread: nothing says it is a log at all.
    expect(detectInput(Buffer.from(' * Serving Flask app\n * Debug mode: on\n'), true, false, options)).toBeNull();
  });
});

describe('roleOf', () => {
  it.each([
    ['nginx-error', false, false, 'error'],
    ['caddy', true, false, 'error'],
    ['caddy', false, false, 'access'],
    ['app-json', true, false, 'app'],
    [null, false, true, 'app'],
    [null, false, false, 'access'],
  ] as const)('%s (errors only: %s, --app: %s) → %s', (format, errorsOnly, app, role) => expect(roleOf(format, errorsOnly, app)).toBe(role));
});

describe('parsersFor', () => {
  it("puts the input's format first and the rest of its family after, its own log_format last; no format that needs its mark (KrakenD's Gin lines, cloudflared's, Traefik's, kamal-proxy's and authentik's) reads another's lines", () => {
    const { primary, fallbacks } = parsersFor('nginx-error', 'error', { ...options, custom: resolveFormat('$remote_addr $status').custom });
    expect(primary.format).toBe('nginx-error');
    expect(fallbacks.map((p) => p.format)).toEqual([...PROXY_FORMATS.filter((f) => f !== 'nginx-error' && f !== 'krakend' && f !== 'cloudflared' && f !== 'traefik-log' && f !== 'kamal-proxy' && f !== 'authentik-outpost'), 'nginx-custom']);
    expect(parsersFor(null, 'app', options).fallbacks.map((p) => p.format)).toEqual(['app-text']);
  });

  it('puts every parser of a wrapped input inside its wrappers, the first one reading the line (synthetic line)', () => {
    const { primary, fallbacks } = parsersFor('nginx-error', 'error', options, ['compose']);
    const line = Buffer.from('nginx-1  | 2024/05/01 10:00:00 [error] 7#7: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1');
    const text = line.toString('latin1');
    expect(fallbacks.find((p) => p.format === 'nginx-error')).toBeUndefined();
    expect(fallbacks.find((p) => p.format === 'caddy')?.parse(line, text, 0, line.length)).toBe(KIND.none);
    expect(primary.parse(line, text, 0, line.length)).toBe(KIND.proxyError);
    expect(primary.errorEvent).toMatchObject({ cause: 'refused', origin: { host: 'nginx-1', stream: '' } });
  });
});

describe('a Heroku stream', () => {
  it("is the router's format even when its first lines are all the app's (corpus: heroku/burger-readme-crash.log, lines 1-7)", () => {
    const text = wild('heroku/burger-readme-crash.log').toString('utf8');
    const head = Buffer.from(text.split('\n').slice(0, 7).join('\n') + '\n');
    expect(detectInput(head, true, false, options)).toMatchObject({ format: 'heroku-router', wrappers: ['heroku'], matched: 0 });
    // Given as the app's log (--app), it stays one.
    expect(detectInput(head, true, true, options)?.format).toBe('app-text');
  });

  it('reads router and app lines of one file: the app formats follow the router', () => {
    const { primary, fallbacks } = parsersFor('heroku-router', 'access', options, ['heroku']);
    expect([primary.format, ...fallbacks.map((p) => p.format)]).toEqual(['heroku-router', ...APP_FORMATS]);
  });
});
