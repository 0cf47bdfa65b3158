// Every page type in both languages, loaded in Chromium: no console error, no failed request, nothing
// fetched from anywhere but the site itself, and HTML + CSS + JS under 50 KB gzip-compressed.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchBrowser, offLoopback, recordedContext, startSite, type Site } from './harness.ts';
import { LOCALIZED_PAGES } from './pages.ts';

const MAX_GZIP_BYTES = 50 * 1024;
const WEIGHED = new Set(['document', 'stylesheet', 'script']);
const weights: { url: string; raw: number; gzip: number }[] = [];

browserSuite('every page type, in both languages', () => {
  let site: Site;
  let browser: Browser;
  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.app.close();
    console.log(weights.map((w) => `${w.url}: ${(w.gzip / 1024).toFixed(1)} KB gzip (${(w.raw / 1024).toFixed(1)} KB raw)`).join('\n'));
  });

  it.each(LOCALIZED_PAGES)('$name: $url', async ({ url, status }) => {
    const { context, rec } = await recordedContext(browser);
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (r) => {
      if (WEIGHED.has(r.request().resourceType())) bodies.push(r.body());
    });
    const response = await page.goto(site.origin + url, { waitUntil: 'load' });
    expect(response?.status()).toBe(status);
    const loaded = await Promise.all(bodies);
    await context.close();

    // The site's own 404 and 400 pages are the only error responses we expect, and Chromium reports them on the console.
    expect(rec.errorResponses).toEqual(status >= 400 ? [`${status} ${site.origin}${url}`] : []);
    expect(rec.consoleErrors.filter((m) => !m.includes(`the server responded with a status of ${status}`))).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.failed).toEqual([]);
    expect(offLoopback(rec.requests)).toEqual([]);
    expect(loaded).toHaveLength(3);

    const raw = loaded.reduce((sum, b) => sum + b.length, 0);
    const gzip = loaded.reduce((sum, b) => sum + gzipSync(b).length, 0);
    weights.push({ url, raw, gzip });
    expect(gzip).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });
});
