/**
 * Seeded generator of a small fleet's logs, with every failure mode the lab makes (test/proxies): two nginx load
 * balancers (`lb1/`, `lb2/`: access and error logs) in front of one app host (`app/app.log`, a text log with request
 * ids and stack traces). lb1 logs the upstream timings (its 5xx are decided by its own fields); lb2 logs only the
 * upstream status and address, so its 5xx need the error log or the app log. A few requests carry no id, so the
 * app join by time window runs too; the app log and the error logs end before the access logs (rotated away), so the
 * last 5xx of lb2 have nothing to go by and stay unknown. Synthetic lines in the shapes of the captures in
 * test/fixtures/logs/nginx (same log_format keys, nginx's own error messages), for the fleet tests and benchmarks;
 * not real captures. Plain erasable TypeScript so `node bench/clickhouse.ts` can import it.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { clfTime, pad, random } from './generate-log.ts';

interface Mode {
  name: string;
  weight: number;
  status: number;
  /** The `us=` value; '-' when nginx tried no upstream. */
  upstreamStatus: string;
  connect: string;
  header: string;
  /** nginx's error-log message, and whether it is about the body (after the header was sent). */
  error?: string;
  /** What the app logs: nothing, a request line, or an error with a stack trace. */
  app: 'none' | 'info' | 'error';
  appStatus?: number;
  appMessage?: string;
}

const MODES: Mode[] = [
  { name: 'ok', weight: 860, status: 200, upstreamStatus: '200', connect: '0.001', header: '0.010', app: 'info', appStatus: 200 },
  { name: 'not-found', weight: 40, status: 404, upstreamStatus: '404', connect: '0.001', header: '0.004', app: 'info', appStatus: 404 },
  { name: 'app-exception', weight: 14, status: 500, upstreamStatus: '500', connect: '0.001', header: '0.020', app: 'error', appStatus: 500, appMessage: "TypeError: Cannot read properties of undefined (reading 'id')" },
  { name: 'app-overload', weight: 8, status: 503, upstreamStatus: '503', connect: '0.001', header: '0.002', app: 'info', appStatus: 503 },
  { name: 'connection-refused', weight: 10, status: 502, upstreamStatus: '502', connect: '-', header: '-', error: 'connect() failed (111: Connection refused) while connecting to upstream', app: 'none' },
  { name: 'reset-before-headers', weight: 8, status: 502, upstreamStatus: '502', connect: '0.000', header: '-', error: 'recv() failed (104: Connection reset by peer) while reading response header from upstream', app: 'none' },
  { name: 'timeout', weight: 7, status: 504, upstreamStatus: '504', connect: '0.001', header: '-', error: 'upstream timed out (110: Connection timed out) while reading response header from upstream', app: 'info', appStatus: 200 },
  { name: 'non-http-reply', weight: 3, status: 9, upstreamStatus: '200', connect: '0.000', header: '0.015', error: 'upstream sent no valid HTTP/1.0 header while reading response header from upstream', app: 'none' },
  { name: 'client-closed', weight: 10, status: 499, upstreamStatus: '-', connect: '0.001', header: '-', app: 'info', appStatus: 200 },
  { name: 'no-live-upstream', weight: 4, status: 502, upstreamStatus: '502', connect: '-', header: '-', error: 'no live upstreams while connecting to upstream', app: 'none' },
  { name: 'truncated-body', weight: 5, status: 200, upstreamStatus: '200', connect: '0.001', header: '0.010', error: 'upstream prematurely closed connection while reading upstream', app: 'error', appStatus: 200, appMessage: 'response aborted after 1000 of 100000 bytes: export stream failed' },
  { name: 'no-upstream', weight: 3, status: 500, upstreamStatus: '-', connect: '-', header: '-', app: 'none' },
  { name: 'silent-502', weight: 6, status: 502, upstreamStatus: '502', connect: '0.001', header: '-', app: 'none' },
  { name: 'handled-then-502', weight: 4, status: 502, upstreamStatus: '502', connect: '0.001', header: '-', app: 'info', appStatus: 200 },
];
/** The share of requests, from the start, that the app log still holds. */
const APP_LOG_SHARE = 0.85;
const ROUTES = ['/api/v1/users', '/api/v1/orders', '/api/v2/cart', '/checkout', '/search', '/export'];
const STACK = ['    at handler (file:///srv/app/routes.js:27:9)', '    at runRoute (file:///srv/app/router.js:33:12)'];

/**
 * The body's size: a page of the app's for 2xx; nginx's own error page (157 bytes, `nginx/1.24.0` in its footer) where
 * nginx logged the failure; the stock 50x.html of nginx's packages (497 bytes, served with `error_page`) for the
 * 502s it did not log, whose size then tells nothing.
 */
function bodyBytes(mode: Mode, next: () => number): number {
  if (mode.status === 200) return 1000 + Math.floor(next() * 9000);
  return mode.error === undefined && mode.status === 502 ? 497 : 157;
}

export interface FleetLogs {
  dir: string;
  /** Relative to `dir`, in the order the streaming analyzer should read them. */
  lbFiles: Record<'lb1' | 'lb2', string[]>;
  appFile: string;
  requests: number;
  /** Requests per mode, as written. */
  byMode: Map<string, number>;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

function errorTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A buffered file writer. */
function writer(path: string): { write: (line: string) => void; close: () => void } {
  const fd = openSync(path, 'w');
  let batch = '';
  return {
    write: (line) => {
      batch += `${line}\n`;
      if (batch.length > 1 << 20) {
        writeSync(fd, batch);
        batch = '';
      }
    },
    close: () => {
      writeSync(fd, batch);
      closeSync(fd);
    },
  };
}

/** Writes `requests` requests spread over both load balancers into `dir`. */
export function generateFleetLogs(dir: string, requests: number, seed = 7): FleetLogs {
  const next = random(seed);
  const total = MODES.reduce((sum, m) => sum + m.weight, 0);
  const byMode = new Map<string, number>();
  for (const d of ['lb1', 'lb2', 'app']) mkdirSync(join(dir, d), { recursive: true });
  const out = {
    lb1: { access: writer(join(dir, 'lb1', 'access.log')), error: writer(join(dir, 'lb1', 'error.log')) },
    lb2: { access: writer(join(dir, 'lb2', 'access.log')), error: writer(join(dir, 'lb2', 'error.log')) },
  };
  const app = writer(join(dir, 'app', 'app.log'));
  let time = Date.UTC(2026, 4, 1, 10);
  let connection = 0;
  try {
    for (let i = 0; i < requests; i++) {
      let roll = next() * total;
      const mode = MODES.find((m) => (roll -= m.weight) < 0) ?? (MODES[0] as Mode);
      byMode.set(mode.name, (byMode.get(mode.name) ?? 0) + 1);
      time += 1 + Math.floor(next() * 20);
      const lb = next() < 0.5 ? 'lb1' : 'lb2';
      const client = `10.${Math.floor(next() * 250)}.${Math.floor(next() * 250)}.${1 + Math.floor(next() * 250)}`;
      const path = `${ROUTES[Math.floor(next() * ROUTES.length)]}/${Math.floor(next() * 5000)}${next() < 0.2 ? '?page=2' : ''}`;
      const withId = next() >= 0.03;
      const id = withId ? Array.from({ length: 4 }, () => Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0')).join('') : '';
      const upstream = mode.name === 'no-live-upstream' ? 'backend' : mode.upstreamStatus === '-' ? '-' : `10.0.1.${1 + Math.floor(next() * 4)}:8080`;
      const status = mode.status === 9 ? '009' : String(mode.status);
      const took = mode.name === 'timeout' ? '60.001' : (0.002 + next() * 0.05).toFixed(3);
      const head = `${client} [${clfTime(time)}] "GET ${path} HTTP/1.1" ${status} ${bodyBytes(mode, next)}`;
      const rid = `rid=${id || '-'}`;
      out[lb].access.write(
        lb === 'lb1'
          ? `${head} ${rid} us="${mode.upstreamStatus}" ua="${upstream}" uct="${mode.connect}" uht="${mode.header}" urt="${took}" rt=${took}`
          : `${head} ${rid} us="${mode.upstreamStatus}" ua="${upstream}" rt=${took}`,
      );
      connection++;
      // The error log is rotated away with the app log: the last 5xx of lb2 have neither to go by.
      if (mode.error && i < requests * APP_LOG_SHARE) {
        const target = upstream.includes(':') ? `, upstream: "http://${upstream}${path}"` : '';
        out[lb].error.write(`${errorTime(time)} [error] 1201#1201: *${connection} ${mode.error}, client: ${client}, server: shop, request: "GET ${path} HTTP/1.1"${target}, host: "shop.example"`);
      }
      if (mode.app === 'none' || i >= requests * APP_LOG_SHARE) continue;
      const appAt = isoTime(time - Math.floor(Number(took) * 1000) + 1);
      const ref = id ? `request_id=${id} ` : '';
      if (mode.app === 'info') app.write(`${appAt} INFO ${ref}GET ${path} status=${mode.appStatus} handled`);
      else {
        app.write(`${appAt} ERROR ${ref}GET ${path} status=${mode.appStatus} ${mode.appMessage}`);
        for (const frame of STACK) app.write(frame);
      }
    }
  } finally {
    for (const lb of [out.lb1, out.lb2]) {
      lb.access.close();
      lb.error.close();
    }
    app.close();
  }
  return { dir, lbFiles: { lb1: ['lb1/access.log', 'lb1/error.log'], lb2: ['lb2/access.log', 'lb2/error.log'] }, appFile: 'app/app.log', requests, byMode };
}
