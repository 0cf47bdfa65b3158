/**
 * Seeded generator of nginx `combined` access logs for the GoAccess test and the benchmark. URLs and clients
 * are high-cardinality, like the reference measurements (logs-and-lab.md §2.4). Plain erasable TypeScript so
 * `node bench/logs.ts` can import it.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const STATUSES: Array<[number, number]> = [
  [200, 7600],
  [304, 600],
  [301, 300],
  [302, 200],
  [404, 700],
  [400, 50],
  [403, 80],
  [499, 60],
  [500, 70],
  [502, 60],
  [503, 40],
  [504, 30],
  [206, 100],
  [201, 110],
];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD'];
const SECTIONS = ['api/v1/users', 'api/v1/orders', 'static/js', 'static/css', 'blog', 'products', 'search', 'images', 'api/v2/cart'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'curl/8.5.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'python-requests/2.31.0',
];
const REFERERS = ['-', '-', 'https://www.example.com/', 'https://www.google.com/', 'https://example.org/blog/post'];
/** Cardinality close to the reference measurements (~190k visitors, ~173k files per 1M lines). */
const CLIENTS = 200_000;
const IDS_PER_SECTION = 19_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export interface GeneratedLog {
  lines: number;
  bytes: number;
  /** Lines per status, as written. */
  byStatus: Map<number, number>;
}

/** `12345` as letters (`a` for 0): an id that `routeOf` keeps, so every path is a route of its own. */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

/**
 * Writes `lines` combined-format lines to `path`. With `letterIds`, the id in each path is written in letters, so
 * the ~170k distinct paths stay ~170k distinct routes (the metrics bench's label cardinality).
 */
export function generateCombinedLog(path: string, lines: number, seed = 1, letterIds = false): GeneratedLog {
  const next = random(seed);
  const weights = STATUSES.reduce((sum, [, w]) => sum + w, 0);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const byStatus = new Map<number, number>();
  const fd = openSync(path, 'w');
  let time = Date.UTC(2024, 4, 1);
  let batch = '';
  let bytes = 0;
  let stamp = '';
  let stampSecond = -1;
  try {
    for (let i = 0; i < lines; i++) {
      let roll = next() * weights;
      let status = 200;
      for (const [code, w] of STATUSES) {
        roll -= w;
        if (roll < 0) {
          status = code;
          break;
        }
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      time += Math.floor(next() * 160);
      if (Math.floor(time / 1000) !== stampSecond) {
        stampSecond = Math.floor(time / 1000);
        stamp = clfTime(time);
      }
      const client = Math.floor(next() * CLIENTS);
      const ip = `${10 + (client >>> 16)}.${(client >>> 8) & 255}.${client & 255}.${1 + (client % 250)}`;
      // In this order, so that a seed writes the same log as before letter ids existed.
      const section = pick(SECTIONS);
      const id = Math.floor(next() * IDS_PER_SECTION);
      const url = `/${section}/${letterIds ? letters(id) : id}${next() < 0.3 ? `?page=${Math.floor(next() * 50)}` : ''}`;
      const size = status === 304 || status === 499 ? 0 : Math.floor(next() * 50000);
      batch += `${ip} - - [${stamp}] "${pick(METHODS)} ${url} HTTP/1.1" ${status} ${size} "${pick(REFERERS)}" "${pick(AGENTS)}"\n`;
      if (batch.length > 1 << 20) {
        bytes += writeSync(fd, batch);
        batch = '';
      }
    }
    bytes += writeSync(fd, batch);
  } finally {
    closeSync(fd);
  }
  return { lines, bytes, byStatus };
}
