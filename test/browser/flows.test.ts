// What a reader does in Chromium: search and open a code, pick two codes to compare, switch language,
// and play a whole quiz round with JavaScript and without it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchBrowser, recordedContext, startSite, type Recording, type Site } from './harness.ts';

let site: Site;
let browser: Browser;

/** A fresh page in a recorded context; the test checks the recording at the end. */
async function open(options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; rec: Recording }> {
  const { context, rec } = await recordedContext(browser, options);
  return { page: await context.newPage(), rec };
}

function expectClean(rec: Recording): void {
  expect(rec.consoleErrors).toEqual([]);
  expect(rec.pageErrors).toEqual([]);
  expect(rec.failed).toEqual([]);
  expect(rec.errorResponses).toEqual([]);
}

const path = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** The right answer to the question on the page, from the JSON endpoint (the test then answers right or wrong on purpose). */
async function rightAnswer(page: Page): Promise<{ right: string; wrong: string }> {
  const q = (await page.locator('form.quiz-form input[name="q"]').getAttribute('value')) ?? '';
  const options = await Promise.all((await page.locator('input[name="answer"]').all()).map((o) => o.getAttribute('value')));
  const res = await fetch(`${site.origin}/api/v1/quiz/answer`, {
    method: 'POST',
    body: new URLSearchParams({ q, n: '1', score: '0', answer: options[0] ?? '', lang: 'en' }),
  });
  const { answer } = (await res.json()) as { answer: string };
  return { right: answer, wrong: options.find((o) => o !== answer) ?? '' };
}

browserSuite('reader flows', () => {
  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.app.close();
  });

  it('searches from the header and opens a code page', async () => {
    const { page, rec } = await open();
    await page.goto(`${site.origin}/`);
    await page.locator('#q').fill('gateway timeout');
    await page.locator('#q').press('Enter');
    await page.waitForURL('**/search?q=gateway+timeout');
    await page.locator('.code-list a[href="/codes/504"]').click();
    await page.waitForURL('**/codes/504');
    expect(await page.locator('h1').textContent()).toContain('504');
    expectClean(rec);
  });

  it.each([
    ['/compare', '502', '500', '/compare/500-vs-502'],
    ['/id/compare', '504', '502', '/id/compare/502-vs-504'],
  ])('the picker on %s sends %s and %s to the canonical page', async (picker, a, b, canonical) => {
    const { page, rec } = await open();
    await page.goto(site.origin + picker);
    await page.locator('#a').fill(a);
    await page.locator('#b').fill(b);
    await page.locator('form.picker button[type="submit"]').click();
    await page.waitForURL(`**${canonical}`);
    expect(await page.locator('h1').textContent()).toMatch(/ vs /);
    expectClean(rec);
  });

  it.each([
    ['/codes/502', '/id/codes/502'],
    ['/search?q=timeout', '/id/search?q=timeout'],
    ['/quiz?q=5&n=3&score=1', '/id/quiz?q=5&n=3&score=1'],
    ['/', '/id'],
  ])('the language switch keeps the reader on %s', async (en, id) => {
    const { page, rec } = await open();
    await page.goto(site.origin + en);
    const heading = await page.locator('main h1').textContent();
    await page.locator('a.lang-switch').click();
    await page.waitForURL(`**${id}`);
    expect(path(page)).toBe(id);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.locator('a.lang-switch').click();
    await page.waitForURL(`**${en}`);
    expect(path(page)).toBe(en);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main h1').textContent()).toBe(heading);
    expectClean(rec);
  });

  // With JavaScript the verdict is shown in place (no page load, the focus on it); without, the form posts back to /quiz.
  it.each([
    [true, { reloaded: false, sameUrl: true, path: '/quiz', focus: 'verdict' }],
    [false, { reloaded: true, path: '/quiz' }],
  ])('plays a full quiz round (JavaScript: %s)', async (javaScriptEnabled, answered) => {
    const { page, rec } = await open({ javaScriptEnabled });
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(`${site.origin}/quiz`);
    let score = 0;
    for (let n = 1; n <= 5; n++) {
      expect(await page.locator('.quiz-progress').textContent()).toBe(`Question ${n} of 5 · score ${score}`);
      const { right, wrong } = await rightAnswer(page);
      const answerRight = n % 2 === 1;
      await page.locator(`input[name="answer"][value="${answerRight ? right : wrong}"]`).check();
      const before = { navigations, url: page.url() };
      await page.getByRole('button', { name: 'Answer' }).click();
      await page.locator('#verdict').waitFor();
      const focus = await page.evaluate(() => document.activeElement?.id);
      expect({ reloaded: navigations !== before.navigations, sameUrl: page.url() === before.url, path: new URL(page.url()).pathname, focus }).toMatchObject(answered);
      score += answerRight ? 1 : 0;
      expect(await page.locator('#verdict').getAttribute('class')).toBe(answerRight ? 'right' : 'wrong');
      expect(await page.locator(`li.right input[value="${right}"]`).count()).toBe(1);
      expect(await page.locator('.feedback dd').count()).toBeGreaterThan(0);
      expect(await page.locator('.quiz-score').textContent()).toBe(n < 5 ? `Score so far: ${score} of ${n}.` : 'Round over: 3 of 5 right.');
      await page.locator('a.next').click();
      await page.waitForURL(n < 5 ? `**/quiz?q=*&n=${n + 1}&score=${score}` : /\/quiz\?q=\d+$/);
    }
    expect(await page.locator('.quiz-progress').textContent()).toBe('Question 1 of 5 · score 0');
    const posts = rec.requests.filter((u) => u.endsWith('/api/v1/quiz/answer'));
    expect(posts).toHaveLength(javaScriptEnabled ? 5 : 0);
    expectClean(rec);
  });
});
