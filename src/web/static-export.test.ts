import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../errors.ts';
import { loadAssets } from './assets.ts';
import { EXPORT_MARKER } from './export-dir.ts';
import { serverOnlyUrls } from './route-listing.ts';
import { siteRoutes } from './routes.ts';
import { exportSite, type ExportResult } from './static-export.ts';

const SITE = 'https://httpwhy.example';
const tmp = mkdtempSync(join(tmpdir(), 'httpwhy-export-'));
const out = join(tmp, 'site');
let result: ExportResult;

beforeAll(async () => {
  result = await exportSite({ outDir: out, siteUrl: `${SITE}/` });
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(out, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;
const allFiles = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).toSorted();

/** What a static host answers for a URL path, as nginx does with `try_files $uri $uri/index.html =404`. */
function served(urlPath: string): string | undefined {
  return [join(out, urlPath), join(out, urlPath, 'index.html')].find((f) => existsSync(f) && statSync(f).isFile());
}

/** The media type a static host derives from each extension, and that the app serves the same content with. */
const TYPE_OF_EXTENSION: Record<string, string> = {
  html: 'text/html', css: 'text/css', js: 'text/javascript', json: 'application/json', xml: 'application/xml', txt: 'text/plain',
};

async function expectRefusal(outDir: string, message: RegExp): Promise<void> {
  const error: unknown = await exportSite({ outDir, siteUrl: SITE }).catch((e: unknown) => e);
  expect(isHttpwhyError(error) && error.code).toBe('HW_ERR_WEB_EXPORT_DIR_NOT_EMPTY');
  expect((error as Error).message).toMatch(message);
}

describe('exportSite', () => {
  it('writes pages as <path>/index.html in both languages, the 404 pages, site files and assets', () => {
    for (const file of [
      'index.html', 'id/index.html', 'codes/index.html', 'codes/502/index.html', 'id/codes/502/index.html', 'codes/502.3/index.html',
      'compare/500-vs-502/index.html', 'id/compare/500-vs-502/index.html', 'categories/nginx/index.html', 'id/categories/server-error/index.html',
      'cheat-sheet/index.html', 'api/index.html', '404.html', 'id/404.html', 'sitemap.xml', 'robots.txt', 'api/openapi.json',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(readdirSync(join(out, 'assets')).map((name) => name.replace(/\.[0-9a-f]{10}\./, '.<hash>.')).toSorted()).toEqual(['site.<hash>.css', 'site.<hash>.js']);
    expect(read('index.html')).toMatch(/^<!doctype html><html lang="en">/);
    expect(read('id/codes/502/index.html')).toMatch(/^<!doctype html><html lang="id">/);
    expect(read('codes/502/index.html')).toContain(`<link rel="canonical" href="${SITE}/codes/502"/>`);
    expect(read('404.html')).toMatch(/<html lang="en">[\s\S]*<span class="status">404<\/span>/);
    expect(read('id/404.html')).toMatch(/<html lang="id">[\s\S]*<span class="status">404<\/span>/);
  });

  it('also exports the pages that pages link to, such as the compare pages of related codes', () => {
    expect(result.brokenLinks).toEqual([]);
    const comparePages = readdirSync(join(out, 'compare'));
    expect(comparePages.length).toBeGreaterThan(100);
    expect(readdirSync(join(out, 'id/compare')).toSorted()).toEqual(comparePages.toSorted());
  });

  it('names every file with the extension of the content type it was served with', () => {
    expect(result.files.length).toBe(allFiles(out).length - 1);
    for (const f of result.files) {
      const extension = f.file.split('.').pop() ?? '';
      expect(f.type.split(';')[0], f.file).toBe(TYPE_OF_EXTENSION[extension]);
      expect(statSync(join(out, f.file)).size).toBe(f.bytes);
    }
    expect(result.bytes).toBe(result.files.reduce((sum, f) => sum + f.bytes, 0));
  });

  it('writes the read-only API as .json files, English at api/v1 and Indonesian at api/v1/id', () => {
    expect(json('api/v1/codes/502.json')).toMatchObject({ status: '502', locale: 'en' });
    expect(json('api/v1/id/codes/502.json')).toMatchObject({ status: '502', locale: 'id' });
    expect(json('api/v1/codes/502.3.json')).toMatchObject({ status: '502.3' });
    const list = json('api/v1/codes.json');
    expect(list.count).toBeGreaterThan(100);
    expect(json('api/v1/id/codes.json')).toMatchObject({ locale: 'id', count: list.count });
    expect(json('api/v1/compare/500-vs-502.json')).toMatchObject({ id: '500-vs-502' });
    expect(json('api/v1/id/compare/499-nginx-vs-502.json')).toMatchObject({ id: '499-nginx-vs-502' });
    for (const page of ['codes', 'compare']) {
      const pages = readdirSync(join(out, page)).filter((name) => name !== 'index.html');
      expect(readdirSync(join(out, 'api/v1', page)).toSorted(), page).toEqual(pages.map((name) => `${name}.json`).toSorted());
    }
    expect(json('api/openapi.json')).toMatchObject({ openapi: '3.1.0' });
  });

  it('resolves every link and script in every page, and every sitemap entry, to an exported file', () => {
    const pages = allFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(500);
    const serverOnly = serverOnlyUrls(siteRoutes(loadAssets()));
    const unresolved = new Set<string>();
    for (const page of pages) {
      for (const [, link] of read(page).matchAll(/\s(?:href|src)="(\/(?!\/)[^"?#]*)/g)) {
        if (!served(link as string) && !serverOnly.includes(link as string)) unresolved.add(`${page} -> ${link}`);
      }
    }
    expect([...unresolved]).toEqual([]);
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);
    expect(locs.length).toBeGreaterThan(200);
    expect(locs.filter((loc) => !loc.startsWith(SITE) || !served(loc.slice(SITE.length)))).toEqual([]);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('re-exports into a previous export with identical bytes, removing its stale files and keeping files it did not write', async () => {
    const digest = () => Object.fromEntries(allFiles(out).map((f) => [f, createHash('sha256').update(readFileSync(join(out, f))).digest('hex')]));
    const before = digest();
    const marker = JSON.parse(read(EXPORT_MARKER)) as { files: string[] };
    mkdirSync(join(out, 'codes/999'));
    writeFileSync(join(out, 'codes/999/index.html'), 'stale');
    writeFileSync(join(out, EXPORT_MARKER), JSON.stringify({ files: [...marker.files, 'codes/999/index.html'] }));
    writeFileSync(join(out, 'CNAME'), 'httpwhy.example\n');
    await exportSite({ outDir: out, siteUrl: SITE });
    expect(existsSync(join(out, 'codes/999'))).toBe(false);
    expect(read('CNAME')).toBe('httpwhy.example\n');
    rmSync(join(out, 'CNAME'));
    expect(digest()).toEqual(before);
  }, 120_000);
});

describe('exportSite refuses unsafe output directories', () => {
  it('refuses a non-empty directory that is not a previous export, and a file', async () => {
    const dir = mkdtempSync(join(tmp, 'home-'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expectRefusal(dir, /not empty/);
    await expectRefusal(join(dir, 'notes.txt'), /is a file/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses a marker that lists files outside the directory', async () => {
    const dir = mkdtempSync(join(tmp, 'forged-'));
    writeFileSync(join(dir, EXPORT_MARKER), JSON.stringify({ files: ['../outside.txt'] }));
    await expectRefusal(dir, /not a list of files inside it/);
  });

  it('rejects a site URL that is not an http(s) origin', async () => {
    for (const siteUrl of ['httpwhy.example', 'ftp://httpwhy.example', 'https://httpwhy.example/docs']) {
      const error: unknown = await exportSite({ outDir: join(tmp, 'never'), siteUrl }).catch((e: unknown) => e);
      expect(isHttpwhyError(error) && error.code, siteUrl).toBe('HW_ERR_INPUT_INVALID');
    }
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});
