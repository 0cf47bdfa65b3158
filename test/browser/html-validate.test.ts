// html-validate (recommended rules, plus .htmlvalidate.json at the repo root) on the HTML of every page type in
// both languages, fetched from the running server like a browser would, and on the quiz answer page.
import { fileURLToPath } from 'node:url';
import { FileSystemConfigLoader, HtmlValidate, type Report } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './harness.ts';
import { LOCALIZED_PAGES } from './pages.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const validator = new HtmlValidate(new FileSystemConfigLoader());

function problems(report: Report): string[] {
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message} [${m.selector ?? ''}]`));
}

/** The file name at the repo root makes html-validate pick up .htmlvalidate.mjs. */
const validate = async (html: string) => problems(await validator.validateString(html, `${ROOT}page.html`));

describe('html-validate', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => site?.app.close());

  it.each(LOCALIZED_PAGES)('$name: $url', async ({ url, status }) => {
    const res = await fetch(site.origin + url);
    expect(res.status).toBe(status);
    expect(await validate(await res.text())).toEqual([]);
  });

  it.each(['/quiz', '/id/quiz'])('the answer page of %s', async (url) => {
    const question = await (await fetch(`${site.origin}${url}?q=1`)).text();
    const answer = /name="answer" value="([^"]+)"/.exec(question)?.[1] ?? '';
    const res = await fetch(site.origin + url, { method: 'POST', body: new URLSearchParams({ q: '1', n: '1', score: '0', answer }) });
    expect(res.status).toBe(200);
    expect(await validate(await res.text())).toEqual([]);
  });
});
