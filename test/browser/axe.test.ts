// axe-core on every page type in both languages, light and dark colour schemes: no serious or critical violation.
// The site's CSP allows no inline script, so axe runs in a context that bypasses CSP (this suite only).
import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchBrowser, startSite, type Site } from './harness.ts';
import { LOCALIZED_PAGES } from './pages.ts';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

/** "rule (impact): target, target" for every serious or critical violation. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

browserSuite('axe-core', () => {
  let site: Site;
  let browser: Browser;
  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.app.close();
  });

  const cases = LOCALIZED_PAGES.flatMap((p) => SCHEMES.map((colorScheme) => ({ ...p, colorScheme })));
  it.each(cases)('$name: $url ($colorScheme)', async ({ url, colorScheme }) => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    await page.goto(site.origin + url);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(SCHEMES)('an answered quiz question (%s)', async (colorScheme) => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    await page.goto(`${site.origin}/quiz?q=1`);
    await page.locator('input[name="answer"]').first().check();
    await page.getByRole('button', { name: 'Answer' }).click();
    await page.locator('#verdict').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
