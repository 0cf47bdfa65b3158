// XSS payloads through every reflected input (search query, compare parameters, 404 path, quiz answer, a pasted
// response on /diagnose, the URL on /check): in
// Chromium none executes, no dialog opens, no element is injected, and the payload shows as plain text.
// The pages load with CSP bypassed, so escaping alone has to stop them (the CSP is a second, separate guard).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchBrowser, recordedContext, startSite, type Recording, type Site } from './harness.ts';

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
  'javascript:window.__xss=1',
  '</title><script>window.__xss=1</script><title>',
];

type Delivery = (page: Page, origin: string, payload: string) => Promise<unknown>;
const visit = (url: (p: string) => string): Delivery => (page, origin, payload) => page.goto(origin + url(encodeURIComponent(payload)));

const VECTORS: Record<string, Delivery> = {
  'search query': visit((p) => `/search?q=${p}`),
  'first compare parameter': visit((p) => `/compare?a=${p}&b=502`),
  'second compare parameter': visit((p) => `/id/compare?a=502&b=${p}`),
  '404 path': visit((p) => `/${p}`),
  // The posted answer is not one of the options: the 400 page quotes it. The client script posts it as JSON
  // first, gets a 400 problem, and falls back to the plain form post.
  'quiz answer': async (page, origin, payload) => {
    await page.goto(`${origin}/quiz?q=1`);
    const option = page.locator('input[name="answer"]').first();
    await option.evaluate((input, value) => ((input as HTMLInputElement).value = value), payload);
    await option.check();
    await Promise.all([page.waitForURL(`${origin}/quiz`), page.getByRole('button', { name: 'Answer' }).click()]);
  },
  // A pasted response is hostile input: its headers and body are shown back in the evidence and the excerpt.
  'diagnosed response': async (page, origin, payload) => {
    await page.goto(`${origin}/diagnose`);
    await page.fill('#input', `HTTP/1.1 502 Bad Gateway\nX-Upstream: ${payload}\nContent-Type: text/html\n\n${payload}`);
    await Promise.all([page.waitForURL(`${origin}/diagnose`), page.click('.diagnose-form button[type="submit"]')]);
  },
  // The URL field is posted back into the form and quoted in the error (form validation off, as an attacker would).
  'checked URL': async (page, origin, payload) => {
    await page.goto(`${origin}/id/check`);
    await page.evaluate((value) => {
      const form = document.querySelector('main form') as HTMLFormElement;
      form.noValidate = true;
      (document.getElementById('url') as HTMLInputElement).value = value;
    }, payload);
    await Promise.all([page.waitForURL(`${origin}/id/check`), page.click('main form button[type="submit"]')]);
  },
};

/** Where each vector shows the payload back: as page text, or only as the value of a form field. */
const SHOWN_IN_FIELD: Record<string, string> = { 'checked URL': '#url' };

browserSuite('reflected input is escaped', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let rec: Recording;
  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
    ({ context, rec } = await recordedContext(browser, { bypassCSP: true }));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.app.close();
  });

  /** Delivers the payload and checks that nothing ran or was injected; the caller checks where it shows. */
  async function delivered(vector: string, payload: string): Promise<Page> {
    const page = await context.newPage();
    rec.dialogs.length = 0;
    await (VECTORS[vector] as Delivery)(page, site.origin, payload);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => Object.hasOwn(window, '__xss'))).toBe(false);
    expect(rec.dialogs).toEqual([]);
    expect(await page.locator('main img, main svg, main script, a[href^="javascript:"]').count()).toBe(0);
    return page;
  }

  const cases = (vectors: string[]) => vectors.flatMap((vector) => PAYLOADS.map((payload) => ({ vector, payload, field: SHOWN_IN_FIELD[vector] ?? '' })));
  const vectors = Object.keys(VECTORS);

  it.each(cases(vectors.filter((v) => !(v in SHOWN_IN_FIELD))))('$vector: $payload', async ({ vector, payload }) => {
    const page = await delivered(vector, payload);
    expect(await page.locator('main').innerText()).toContain(payload);
    await page.close();
  });

  it.each(cases(vectors.filter((v) => v in SHOWN_IN_FIELD)))('$vector: $payload (in $field)', async ({ vector, payload, field }) => {
    const page = await delivered(vector, payload);
    expect(await page.inputValue(field)).toBe(payload);
    await page.close();
  });
});
