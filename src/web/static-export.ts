/**
 * Static export: renders the whole site, both locales, through the app (`inject`, no sockets) into files that any
 * static host or CDN serves (nginx: `try_files $uri $uri/index.html =404; error_page 404 /404.html;`).
 *
 *   /  /codes/502  /id/codes/502      index.html  codes/502/index.html  id/codes/502/index.html
 *   (the site's 404 page)              404.html, id/404.html
 *   sitemap.xml, robots.txt, assets/site.<hash>.css|js, api/openapi.json   at their own URLs
 *   GET /api/v1/codes?lang=en          api/v1/codes.json            (lang=id: api/v1/id/codes.json)
 *   GET /api/v1/codes/502?lang=en      api/v1/codes/502.json        (lang=id: api/v1/id/codes/502.json)
 *   GET /api/v1/compare?a=500&b=502    api/v1/compare/500-vs-502.json (lang=id: api/v1/id/compare/...)
 *
 * What is exported comes from the route table (routes.ts): the sitemap's pages (sitePaths()) in both locales plus
 * every page they link to (the compare pages of related codes, say), and the files at fixed URLs; each exported
 * code and compare page has its JSON. The pages the table marks server-only are left out: the quiz (it answers
 * form posts), the lab's index of the playground and the live failure pages; the gateway comparison is committed
 * data and is exported. Output is byte-for-byte the same for the same build and site URL.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpwhyError } from '../errors.ts';
import { API_V1 } from './api/paths.ts';
import { buildApp } from './app.ts';
import { loadAssets } from './assets.ts';
import { previousExport, writeExport } from './export-dir.ts';
import { localePath, localePrefix } from './locale-path.ts';
import { fileUrls, serverOnlyUrls, sitePaths } from './route-listing.ts';
import type { Route } from './route.ts';
import { siteRoutes } from './routes.ts';
import { LOCALES } from '../i18n/index.ts';

export interface ExportOptions {
  outDir: string;
  /** Absolute origin the site will be served from, for canonical links and the sitemap, e.g. https://httpwhy.dev */
  siteUrl: string;
}

export interface ExportedFile {
  /** Path inside outDir, e.g. "codes/502/index.html". */
  file: string;
  /** The URL of the app it was rendered from, e.g. "/codes/502". */
  url: string;
  /** The Content-Type the app served it with. */
  type: string;
  bytes: number;
}

/** A link in an exported page to a URL that is not exported because the app does not answer it with a 200 page. */
export interface BrokenLink {
  url: string;
  from: string;
  status: number;
}

export interface ExportResult {
  outDir: string;
  files: ExportedFile[];
  bytes: number;
  brokenLinks: BrokenLink[];
}

/** Path segments that start with a letter, digit, "_" or "-" (so never "." or ".."), slash-separated. */
const SAFE_PATH = /^\/(?:[\w-][\w.-]*(?:\/|$))*$/;
const LINK = /\s(?:href|src)="(\/(?!\/)[^"]*)"/g;

interface Rendered {
  url: string;
  status: number;
  type: string;
  body: Buffer;
}

async function render(app: FastifyInstance, url: string): Promise<Rendered> {
  const res = await app.inject({ method: 'GET', url });
  return { url, status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.rawPayload };
}

const pageFile = (path: string) => (path === '/' ? 'index.html' : `${path.slice(1)}/index.html`);

/** Site-internal link targets of a page, without query or fragment or trailing slash. */
function linksIn(html: string): string[] {
  return [...html.matchAll(LINK)].map((m) => (m[1] as string).replace(/[?#].*$/s, '').replace(/(.)\/$/, '$1'));
}

/**
 * sitePaths() in both locales, then every page they link to, breadth first; `skip` holds URLs exported as files
 * and the pages that only work with the server behind them (static hosts answer those with 404.html).
 */
async function crawlPages(app: FastifyInstance, routes: readonly Route[], skip: ReadonlySet<string>): Promise<{ pages: Rendered[]; brokenLinks: BrokenLink[] }> {
  const from = new Map<string, string>(sitePaths(routes).flatMap((p) => LOCALES.map((l) => [localePath(l, p), 'sitePaths()'] as const)));
  const queue = [...from.keys()];
  const pages: Rendered[] = [];
  const brokenLinks: BrokenLink[] = [];
  for (const url of queue) {
    const page = SAFE_PATH.test(url) ? await render(app, url) : undefined;
    if (!page || page.status !== 200 || !page.type.startsWith('text/html')) {
      brokenLinks.push({ url, from: from.get(url) ?? '', status: page?.status ?? 0 });
      continue;
    }
    pages.push(page);
    for (const link of linksIn(page.body.toString('utf8'))) {
      if (from.has(link) || skip.has(link)) continue;
      from.set(link, url);
      queue.push(link);
    }
  }
  return { pages, brokenLinks };
}

/** The read-only API as files: the list, and the JSON of every exported code and compare page, per language. */
function apiTargets(pages: readonly Rendered[]): Array<[file: string, url: string]> {
  const ids = (prefix: string) => pages.flatMap((p) => (p.url.startsWith(prefix) ? [p.url.slice(prefix.length)] : []));
  return LOCALES.flatMap((lang) => {
    const dir = `${API_V1}${localePrefix(lang)}`.slice(1);
    return [
      [`${dir}/codes.json`, `${API_V1}/codes?lang=${lang}`],
      ...ids('/codes/').map((s): [string, string] => [`${dir}/codes/${s}.json`, `${API_V1}/codes/${s}?lang=${lang}`]),
      ...ids('/compare/').map((pair): [string, string] => {
        const [a, b] = pair.split('-vs-');
        return [`${dir}/compare/${pair}.json`, `${API_V1}/compare?a=${a}&b=${b}&lang=${lang}`];
      }),
    ];
  });
}

/** The site URL without a trailing slash; it must be an http(s) origin, since every link on the site is root-relative. */
function originOf(siteUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(siteUrl);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new HttpwhyError('HW_ERR_INPUT_INVALID', `Invalid site URL "${siteUrl}": use an http(s) origin such as https://example.com (the site is served from the root).`);
  }
  return url.origin;
}

export async function exportSite(options: ExportOptions): Promise<ExportResult> {
  const siteUrl = originOf(options.siteUrl);
  const outDir = resolve(options.outDir);
  const previous = previousExport(outDir); // refuse before rendering anything
  const routes = siteRoutes(loadAssets());
  const files = new Map<string, Rendered>();
  // The export is a batch job: no load shedding, no rate limit.
  const app = await buildApp({ siteUrl, logger: false, maxEventLoopDelay: 0, apiRateLimit: Number.MAX_SAFE_INTEGER });
  try {
    const plain = fileUrls(routes);
    const { pages, brokenLinks } = await crawlPages(app, routes, new Set([...plain, ...serverOnlyUrls(routes)]));
    for (const page of pages) files.set(pageFile(page.url), page);
    const targets: Array<[file: string, url: string, status?: number]> = [
      ...plain.map((url): [string, string] => [url.slice(1), url]),
      ...LOCALES.map((l): [string, string, number] => [localePath(l, '/404.html').slice(1), localePath(l, '/404.html'), 404]),
      ...apiTargets(pages),
    ];
    for (const [file, url, status = 200] of targets) {
      const rendered = await render(app, url);
      if (rendered.status !== status) throw new Error(`static export: ${url} answered ${rendered.status}, expected ${status}`);
      files.set(file, rendered);
    }
    writeExport(outDir, new Map([...files].map(([file, r]) => [file, r.body])), previous);
    const list = [...files].map(([file, r]) => ({ file, url: r.url, type: r.type, bytes: r.body.length })).toSorted((a, b) => (a.file < b.file ? -1 : 1));
    return { outDir, files: list, bytes: list.reduce((sum, f) => sum + f.bytes, 0), brokenLinks };
  } finally {
    await app.close();
  }
}
