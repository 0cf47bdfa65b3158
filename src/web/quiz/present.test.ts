import { describe, expect, it } from 'vitest';
import { getEntry, type CodeEntry } from '../../codes/index.ts';
import { pageContext } from '../page-context.ts';
import type { CodeQuestion } from './generate.ts';
import { judge, maskGiveaways, presentQuestion, responseExhibit } from './present.ts';

const ctx = (locale: 'en' | 'id') => pageContext(locale, '/quiz', 'http://localhost:3000', { cssUrl: '/a.css', jsUrl: '/a.js' });
const entry = (id: string) => getEntry(id) as CodeEntry;
const question = (kind: CodeQuestion['kind'], id: string, options: string[], answer: string): CodeQuestion => ({ seed: 1, kind, entry: entry(id), options, answer });

describe('maskGiveaways', () => {
  it('blanks the number and the names, in any case, but not inside other words or numbers', () => {
    expect(maskGiveaways('A 502 Bad Gateway is a bad gateway answer, not 5021 or Bad Gateways.', ['502', 'Bad Gateway'])).toBe(
      'A … … is a … answer, not 5021 or Bad Gateways.',
    );
  });
});

describe('responseExhibit', () => {
  it('keeps the status line, the telling headers and the start of the body', () => {
    const raw = 'HTTP/1.1 502 Bad Gateway\nServer: nginx\nDate: Tue, 11 Mar 2025 09:14:26 GMT\nContent-Length: 157\nConnection: close\n\n<html>\n\n1\n2\n3\n4\n5\n6\n7\n8\n';
    expect(responseExhibit(raw)).toBe('HTTP/1.1 502 Bad Gateway\nServer: nginx\n\n<html>\n1\n2\n3\n4\n5\n6\n7');
  });
});

describe('presentQuestion', () => {
  it('asks about retrying with the code in the prompt and the retry labels as options', () => {
    const p = presentQuestion(ctx('en'), question('retry', '502', ['never', 'blindly', 'conditional', 'always'], 'conditional'));
    expect(p.prompt).toBe('A client got 502 Bad Gateway. Should it retry the request?');
    expect(p.exhibit).toBeNull();
    expect(p.options.map((o) => o.label)).toEqual(['no', 'yes, any request, immediately', 'conditionally', 'yes (idempotent requests)']);
  });

  it('shows the response and offers issuer labels, in Indonesian too', () => {
    const p = presentQuestion(ctx('id'), question('response', '502', ['cdn', 'origin-app', 'web-server', 'reverse-proxy'], 'reverse-proxy'));
    expect(p.prompt).toBe('Komponen mana yang mengeluarkan respons ini?');
    expect(p.exhibit?.kind).toBe('response');
    expect(p.exhibit?.text.startsWith('HTTP/1.1 502 Bad Gateway\n')).toBe(true);
    expect(p.options.map((o) => o.label)).toEqual(['CDN', 'aplikasi origin', 'web server', 'reverse proxy']);
  });

  it('quotes the summary without the code and names vendor codes by status, title and vendor', () => {
    const p = presentQuestion(ctx('en'), question('symptom', '499-nginx', ['502', '499-nginx', '504', '500'], '499-nginx'));
    expect(p.exhibit?.kind).toBe('quote');
    expect(p.exhibit?.text).not.toMatch(/\b499\b/);
    expect(p.options[1]?.label).toBe(`499 ${entry('499-nginx').text.en.title} (nginx)`);
  });
});

describe('judge', () => {
  it('says right, and links to the code page', () => {
    const f = judge(ctx('id'), question('retry', '502', ['never', 'blindly', 'conditional', 'always'], 'conditional'), 'conditional');
    expect(f.correct).toBe(true);
    expect(f.verdict).toBe('Benar!');
    expect(f.explanation).toEqual([{ label: 'Boleh diulang', text: `dengan syarat: ${entry('502').text.id.retry}` }]);
    expect(f.more.href).toBe('/id/codes/502');
  });

  it('says wrong with the right answer, and links to the meaning on a shared number', () => {
    const f = judge(ctx('en'), question('response', '499-nginx', ['cdn', 'reverse-proxy', 'origin-app', 'load-balancer'], 'reverse-proxy'), 'cdn');
    expect(f.correct).toBe(false);
    expect(f.chosen).toBe('cdn');
    expect(f.verdict).toBe('Not quite: the answer is reverse proxy.');
    expect(f.explanation.map((e) => e.label)).toEqual(['Who failed', 'Issued by']);
    expect(f.more.href).toBe('/codes/499#499-nginx');
  });
});
