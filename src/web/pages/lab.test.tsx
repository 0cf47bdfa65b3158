import { fileURLToPath } from 'node:url';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { LAB_ENDPOINTS } from '../../lab/index.ts';
import { pageContext } from '../page-context.ts';
import { renderDocument } from '../render.tsx';
import { LabPage } from './lab.tsx';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SITE = 'http://localhost:3000';
const render = (locale: 'en' | 'id') => renderDocument(<LabPage ctx={pageContext(locale, '/lab', SITE, { cssUrl: '/a.css', jsUrl: '/a.js' })} />);

describe('the lab index page', () => {
  it.each([
    ['en', ''],
    ['id', '/id'],
  ] as const)('in %s, links every example and gives its curl command', (locale, prefix) => {
    const html = render(locale);
    for (const endpoint of LAB_ENDPOINTS) {
      for (const example of endpoint.examples) {
        const url = `${prefix}${example}`.replaceAll('&', '&amp;');
        expect(html).toContain(`<a href="${url}">`);
        expect(html).toContain(`curl ${endpoint.curl} '${SITE}${url}'`);
      }
    }
  });

  it('is in the reader’s language', () => {
    expect(render('en')).toContain('<h1>Lab: a status-code playground</h1>');
    expect(render('id')).toContain('<h1>Lab: tempat mencoba kode status</h1>');
    expect(render('id')).toContain('<th scope="col">Batas</th>');
  });

  it.each(['en', 'id'] as const)('is valid HTML (%s)', async (locale) => {
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(render(locale), `${ROOT}page.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
