// axe-core on every page type in both languages: no serious or critical violation, and no contrast problem in
// the dark colour scheme either. The site's CSP allows no inline script, so axe runs in a context that
// bypasses CSP (this suite only).
import { readFileSync } from 'node:fs';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchBrowser, startSite, type Site } from './harness.ts';
import { LOCALIZED_PAGES } from './pages.ts';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

type Axe = { run: (context: Document, options: RunOptions) => Promise<AxeResults> };

async function runAxe(page: Page, options: RunOptions): Promise<string[]> {
  const onlyViolations: RunOptions = { ...options, resultTypes: ['violations'] };
  const results = await page.evaluate((o) => (window as unknown as { axe: Axe }).axe.run(document, o), onlyViolations);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every rule in the light scheme, then colour contrast again in the dark one. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const light = await runAxe(page, {});
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await runAxe(page, { runOnly: ['color-contrast'] });
  return [...light, ...dark.map((v) => `dark: ${v}`)];
}

browserSuite('axe-core', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
    context = await browser.newContext({ bypassCSP: true, colorScheme: 'light' });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.app.close();
  });

  it.each(LOCALIZED_PAGES)('$name: $url', async ({ url }) => {
    const page = await context.newPage();
    await page.goto(site.origin + url);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('an answered quiz question', async () => {
    const page = await context.newPage();
    await page.goto(`${site.origin}/quiz?q=1`);
    await page.locator('input[name="answer"]').first().check();
    await page.getByRole('button', { name: 'Answer' }).click();
    await page.locator('#verdict').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
