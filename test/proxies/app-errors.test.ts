/**
 * The application's own 500 and 503 through real nginx, HAProxy and Caddy: a Python WSGI app (standard library
 * wsgiref, test/proxies/apps/error-app.py) answers them with JSON, HTML and plain-text bodies, and the diagnosis of
 * what the client got must name the application (by elimination, or from its own headers). A proxy's custom error
 * page for its own 502/504 (nginx error_page, HAProxy errorfile, Caddy handle_errors) must never be taken for the
 * application's. In CI (CI=true) a missing proxy or python3 fails the suite; locally they are skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, type Diagnosis } from '../../src/diagnose/index.ts';
import { clientPaste, DRIVERS, faultyUpstreams, missingProxies, PROXY_NAMES, type FaultyUpstream, type ProxyName, type RunningProxy } from '../../src/lab/index.ts';
import { rawRequest } from '../helpers/raw-http.ts';

const inCi = process.env.CI === 'true';
const python = spawnSync('python3', ['--version']).status === 0;
const proxies = PROXY_NAMES.filter((name) => inCi || !missingProxies().includes(name));
const APP = fileURLToPath(new URL('apps/error-app.py', import.meta.url));

/** The operator's page for the proxy's own 502/503/504 (written for this test, not a capture). */
const CUSTOM_PAGE = '<!doctype html><html><head><title>Shop</title></head><body><h1>Something went wrong</h1><p>Please try again in a minute.</p></body></html>';
const APP_PATHS = ['/500/json', '/500/html', '/500/text', '/503/json', '/503/html', '/503/text'];
const CUSTOM_PATHS = { '/custom-page/refused': 'connection-refused', '/custom-page/timeout': 'accept-and-hang' } as const;

const root = mkdtempSync(join(tmpdir(), 'httpwhy-app-errors-'));
let app: ChildProcess | undefined;
const started: Array<() => Promise<void>> = [];
const diagnoses = new Map<string, Diagnosis>();

async function startApp(): Promise<number> {
  const child = spawn('python3', [APP], { stdio: ['ignore', 'pipe', 'inherit'] });
  app = child;
  let out = '';
  for await (const chunk of child.stdout) {
    out += String(chunk);
    if (out.includes('\n')) break;
  }
  const port = Number(out.trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`the test app printed no port: ${JSON.stringify(out)}`);
  return port;
}

async function through(name: ProxyName, appPort: number): Promise<void> {
  const dir = join(root, name);
  mkdirSync(dir);
  const failing: Record<string, FaultyUpstream> = {};
  for (const [path, mode] of Object.entries(CUSTOM_PATHS)) {
    failing[path] = await faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 });
    started.push(failing[path].close);
  }
  const routes = [
    ...APP_PATHS.map((path) => ({ path, upstreamPort: appPort })),
    ...Object.keys(CUSTOM_PATHS).map((path) => ({ path, upstreamPort: (failing[path] as FaultyUpstream).port, errorPage: CUSTOM_PAGE })),
  ];
  const proxy: RunningProxy = await DRIVERS[name].start(routes, dir, DRIVERS[name].binary);
  started.push(proxy.stop);
  await Promise.all(
    routes.map(async ({ path }) => {
      const exchange = await rawRequest({ host: '127.0.0.1', port: proxy.port, path, timeoutMs: 10_000 });
      const [d] = diagnose(clientPaste(exchange)).diagnoses;
      if (d) diagnoses.set(`${name} ${path}`, d);
    }),
  );
}

beforeAll(async () => {
  if (!python || proxies.length === 0) return;
  chmodSync(root, 0o755);
  const port = await startApp();
  await Promise.all(proxies.map((name) => through(name, port)));
}, 60_000);

afterAll(async () => {
  app?.kill();
  await Promise.allSettled(started.map((stop) => stop()));
  rmSync(root, { recursive: true, force: true });
});

describe.runIf(inCi)('in CI', () => {
  it('has python3 and every proxy', () => {
    expect({ python, proxies }).toEqual({ python: true, proxies: PROXY_NAMES });
  });
});

const seen = (name: ProxyName, path: string) => {
  const d = diagnoses.get(`${name} ${path}`);
  return d && { status: d.status, verdict: d.verdict, layer: d.issuer?.layer ?? null, body: d.seen.bodyExcerpt ?? '' };
};

describe.skipIf(!python)('the application answers 500 and 503 itself, through a real proxy', () => {
  it.each(proxies.flatMap((name) => APP_PATHS.map((path) => [name, path] as const)))('%s %s: named as the application', (name, path) => {
    expect(seen(name, path)).toMatchObject({ status: Number(path.slice(1, 4)), layer: 'origin-app' });
  });
});

describe.skipIf(!python)("the proxy's own custom error page", () => {
  it.each(proxies.flatMap((name) => Object.keys(CUSTOM_PATHS).map((path) => [name, path] as const)))('%s %s: never taken for the application', (name, path) => {
    const got = seen(name, path);
    expect(got).toMatchObject({ status: expect.any(Number), body: expect.stringContaining('Something went wrong') });
    expect([502, 503, 504]).toContain(got?.status);
    expect(got?.layer).not.toBe('origin-app');
  });
});
