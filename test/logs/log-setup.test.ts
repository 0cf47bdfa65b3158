/**
 * The log-setup doctor's configuration, run in the real proxies: nginx, HAProxy and Caddy start with the snippet the
 * report prints (only its log paths moved to a temp dir, and a listener and routes added around it), in front of
 * the lab's faulty upstreams; httpwhy then reads their logs without being told the format, decides every failure
 * (the upstream fields, the error log, the request id joining the app log) and asks for nothing more.
 * With CI=true a missing proxy fails instead of skipping.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DRIVERS, faultyUpstreams, type FaultMode, type FaultyUpstream, type ProxyName } from '../../src/lab/index.ts';
import { spawnOnFreePort, type ProxyProcess } from '../../src/lab/proxies/proxy-process.ts';
import { analyzeLogs, type LogReport } from '../../src/logs/index.ts';
import { KIND } from '../../src/logs/formats/index.ts';
import { EnvoyParser } from '../../src/logs/formats/envoy.ts';
import { TraefikJsonParser } from '../../src/logs/formats/traefik-json.ts';
import { ENVOY_LOG_FORMAT, NGINX_LOG_FORMAT, SETUP_CONFIG } from '../../src/logs/report/log-setup-config.ts';
import { parseLine } from './helpers.ts';
import { rawRequest } from '../helpers/raw-http.ts';

const MODES = ['connection-refused', 'reset-before-headers', 'app-exception'] as const satisfies readonly FaultMode[];
const EXPECTED: Record<ProxyName, Record<(typeof MODES)[number], string>> = {
  nginx: { 'connection-refused': 'refused', 'reset-before-headers': 'reset', 'app-exception': 'app-error' },
  haproxy: { 'connection-refused': 'refused', 'reset-before-headers': 'reset', 'app-exception': 'app-error' },
  caddy: { 'connection-refused': 'refused', 'reset-before-headers': 'reset', 'app-exception': 'app-error' },
};

type Routes = Array<{ path: string; port: number }>;

interface Started {
  proc: ProxyProcess;
  port: number;
  /** The log files httpwhy is given, once the requests are logged. */
  logs(): string[];
}

/** The snippet with its log directory moved into `dir`. */
const snippet = (proxy: ProxyName, dir: string, from: string): string => SETUP_CONFIG[proxy].replaceAll(from, `${dir}/`);

async function startNginx(dir: string, routes: Routes): Promise<Started> {
  chmodSync(dir, 0o755);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`).join('\n');
  const locations = routes.map((r) => `    location = ${r.path} { proxy_pass http://127.0.0.1:${r.port}; }`).join('\n');
  const conf = join(dir, 'nginx.conf');
  const { proc, port } = await spawnOnFreePort((chosen) => {
    writeFileSync(
      conf,
      `worker_processes 1;\npid ${join(dir, 'nginx.pid')};\nevents { worker_connections 64; }\nhttp {\n${snippet('nginx', dir, '/var/log/nginx/')}\n${temp}\n  server {\n    listen 127.0.0.1:${chosen};\n${locations}\n  }\n}\n`,
    );
    return { command: DRIVERS.nginx.binary, args: ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], cwd: dir, port: chosen };
  });
  return { proc, port, logs: () => [join(dir, 'access.log'), join(dir, 'error.log')] };
}

async function startHaproxy(dir: string, routes: Routes): Promise<Started> {
  const config = snippet('haproxy', dir, '/var/log/haproxy/').replace('option httplog', 'option httplog\n    timeout connect 2s\n    timeout client 10s\n    timeout server 5s');
  const uses = routes.map((r, i) => `    use_backend be_${i} if { path ${r.path} }`).join('\n');
  const backends = routes.map((r, i) => `backend be_${i}\n    server app 127.0.0.1:${r.port}`).join('\n\n');
  const cfg = join(dir, 'haproxy.cfg');
  const { proc, port } = await spawnOnFreePort((chosen) => {
    writeFileSync(cfg, `global\n    log stdout format raw local0 info\n\n${config}\n    bind 127.0.0.1:${chosen}\n${uses}\n\n${backends}\n`);
    return { command: DRIVERS.haproxy.binary, args: ['-f', cfg, '-db'], cwd: dir, port: chosen };
  });
  const access = join(dir, 'access.log');
  // HAProxy logs to its stdout; httpwhy is given what it wrote.
  return { proc, port, logs: () => (writeFileSync(access, proc.stdout()), [access]) };
}

async function startCaddy(dir: string, routes: Routes): Promise<Started> {
  const handles = routes.map((r) => `    handle ${r.path} {\n        reverse_proxy 127.0.0.1:${r.port}\n    }`).join('\n');
  const file = join(dir, 'Caddyfile');
  const env = { HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
  const { proc, port } = await spawnOnFreePort((chosen) => {
    const config = snippet('caddy', dir, '/var/log/caddy/')
      .replace('{\n', '{\n    admin off\n    auto_https off\n')
      .replace('example.com {', `http://127.0.0.1:${chosen} {`)
      .replace('    reverse_proxy 127.0.0.1:8080', handles);
    writeFileSync(file, config);
    return { command: DRIVERS.caddy.binary, args: ['run', '--config', file, '--adapter', 'caddyfile'], cwd: dir, env, port: chosen };
  });
  return { proc, port, logs: () => [join(dir, 'access.log'), join(dir, 'caddy.log')] };
}

const STARTERS: Record<ProxyName, (dir: string, routes: Routes) => Promise<Started>> = { nginx: startNginx, haproxy: startHaproxy, caddy: startCaddy };

const available = (Object.keys(STARTERS) as ProxyName[]).every((name) => existsSync(DRIVERS[name].binary));

function causeByPath(report: LogReport): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const c of report.causes) for (const e of c.examples) byPath[e.path] = c.cause;
  return byPath;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every path has its access line (bounded), then a moment for the lines written beside it. */
async function waitForLines(files: () => string[], paths: string[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  const text = () => files().map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('');
  while (paths.some((p) => !text().includes(`${p} `) && !text().includes(`"${p}"`)) && Date.now() < deadline) await sleep(50);
  await sleep(200);
}

describe.skipIf(!available && process.env.CI !== 'true')('the log-setup configuration in real proxies', () => {
  it.each(Object.keys(STARTERS) as ProxyName[])('%s logs what httpwhy needs to decide every failure', async (proxy) => {
    const dir = mkdtempSync(join(tmpdir(), `httpwhy-setup-${proxy}-`));
    const upstreams: FaultyUpstream[] = [];
    let started: Started | null = null;
    try {
      for (const mode of MODES) upstreams.push(await faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 }));
      started = await STARTERS[proxy](
        dir,
        MODES.map((mode, i) => ({ path: `/${mode}`, port: (upstreams[i] as FaultyUpstream).port })),
      );
      const { port } = started;
      await Promise.all(MODES.map((mode) => rawRequest({ host: '127.0.0.1', port, path: `/${mode}`, timeoutMs: 10_000 })));
      const running = started;
      await waitForLines(() => running.logs(), MODES.map((m) => `/${m}`));
      const appLog = join(dir, 'app.log');
      writeFileSync(appLog, upstreams.flatMap((u) => u.appLog.map((l) => `${l}\n`)).join(''));
      const report = await analyzeLogs({ files: started.logs(), appFiles: [appLog], cwd: dir, stdin: Readable.from([]) });

      expect(causeByPath(report)).toEqual(Object.fromEntries(MODES.map((m) => [`/${m}`, EXPECTED[proxy][m]])));
      expect(report.classes.unknown).toBe(0);
      // The request id reached the app and both logs: the app's error line is joined by it.
      expect(report.correlation.byRequestId).toBeGreaterThan(0);
      expect(report.causes.find((c) => c.cause === 'app-error')?.examples[0]?.appMessage).toBe("TypeError: Cannot read properties of undefined (reading 'id')");
      expect(report.totals.skipped).toBe(0);
      expect(report.logSetup).toBeUndefined();
    } finally {
      await started?.proc.stop();
      await Promise.allSettled(upstreams.map((u) => u.close()));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

/** A line written in a format string, each `%FIELD%` (Envoy) replaced by a value: a synthetic line, for the layout only. */
const fill = (format: string, values: Record<string, string>): string => format.replace(/%[A-Z_]+(?:\([^)]*\))?%/g, (token) => values[token] ?? '-');

describe('the log-setup configuration of proxies this machine does not run', () => {
  it('Envoy: the access_log block is YAML whose format puts each field where httpwhy reads it', () => {
    const config = parse(SETUP_CONFIG.envoy) as { access_log: Array<{ typed_config: { log_format: { text_format_source: { inline_string: string } } } }> };
    const format = config.access_log[0]?.typed_config.log_format.text_format_source.inline_string;
    expect(format).toBe(`${ENVOY_LOG_FORMAT}\n`);
    const line = fill(ENVOY_LOG_FORMAT, {
      '%START_TIME%': '2026-12-04T10:00:00.000Z',
      '%REQ(:METHOD)%': 'GET',
      '%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%': '/orders',
      '%PROTOCOL%': 'HTTP/1.1',
      '%RESPONSE_CODE%': '503',
      '%RESPONSE_FLAGS%': 'UF',
      '%RESPONSE_CODE_DETAILS%': 'upstream_reset_before_response_started{connection_failure}',
      '%UPSTREAM_TRANSPORT_FAILURE_REASON%': 'delayed_connect_error:_111',
      '%BYTES_RECEIVED%': '0',
      '%BYTES_SENT%': '91',
      '%DURATION%': '12',
      '%REQ(X-REQUEST-ID)%': '0b4c2a4e-7d1f-4f0e-9c55-1a2b3c4d5e6f',
      '%UPSTREAM_HOST%': '10.0.0.7:8080',
    });
    const parser = new EnvoyParser();
    expect(parseLine(parser, line)).toBe(KIND.access);
    expect(parser.access()).toMatchObject({ status: 503, path: '/orders', requestId: '0b4c2a4e-7d1f-4f0e-9c55-1a2b3c4d5e6f', upstream: '10.0.0.7:8080', requestTime: 0.012, signal: { cause: 'refused' } });
  });

  it('Traefik: the static configuration keeps the X-Request-Id header, which httpwhy reads from the JSON line', () => {
    const config = parse(SETUP_CONFIG.traefik) as { accessLog: { format: string; fields: { headers: { names: Record<string, string> } } } };
    expect(config.accessLog.format).toBe('json');
    expect(config.accessLog.fields.headers.names).toEqual({ 'X-Request-Id': 'keep' });
    // A synthetic line with the field names Traefik's JSON log uses (request_<header> for a kept header).
    const parser = new TraefikJsonParser();
    const line = JSON.stringify({ DownstreamStatus: 502, OriginStatus: 0, RequestMethod: 'GET', RequestPath: '/orders', StartUTC: '2026-12-04T10:00:00Z', 'request_X-Request-Id': 'abc-123' });
    expect(parseLine(parser, line)).toBe(KIND.access);
    expect(parser.access()).toMatchObject({ requestId: 'abc-123', signal: { cause: 'upstream-failed' } });
  });

  it('ingress-nginx: the ConfigMap is YAML holding the nginx format with the controller\'s $req_id', () => {
    const config = parse(SETUP_CONFIG['ingress-nginx']) as { data: Record<string, string> };
    expect(config.data['log-format-upstream']).toBe(NGINX_LOG_FORMAT.replace('=$request_id', '=$req_id'));
  });
});
