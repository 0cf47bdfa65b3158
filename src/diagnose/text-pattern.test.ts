import { describe, expect, it } from 'vitest';
import { textFormOfContains, textFormOfRegex } from './text-pattern.ts';

describe('textFormOfRegex', () => {
  it('keeps the words between literal tags and reads </body> as the end of the text', () => {
    const form = textFormOfRegex('<center><h1>502 Bad Gateway</h1></center>\\n</body>');
    expect(form?.pattern).toEqual(/\s*502 Bad Gateway\s*\s*$/);
  });

  it('leaves out the title: a browser shows it in the tab, not in the copied page', () => {
    expect(textFormOfRegex('<title>Error \\d{3} \\([^)]*\\)!!1</title>')).toBeNull();
    expect(textFormOfRegex('<TITLE>Access Denied</TITLE>\\n<H1>Access Denied</H1>')?.pattern).toEqual(/\s*Access Denied\s*/);
  });

  it.each([
    ['a registry reason phrase', '<h1>502 Bad Gateway</h1>', false],
    ["a component's wording of the reason phrase", '<h1>503 Service Temporarily Unavailable</h1>\\n</body>', false],
    ["nginx's 504 heading", '<h1>504 Gateway Time-out</h1>', false],
    ['a sentence after the heading', '<h1>502 Bad Gateway</h1>\\nThe server returned an invalid or incomplete response.', true],
    ['words after a status that are not its reason phrase', 'Error 522 Ray ID: [0-9a-f]{16}', true],
    ['a whole page of a few words of its own', '^File not found\\.\\n?$', true],
    ['a whole page that is a reason phrase', '^Bad Gateway\\n?$', false],
    ['a few words inside a page', 'File not found\\.', false],
  ])('says whether %s is distinctive', (_case, source, distinctive) => {
    expect(textFormOfRegex(source)?.distinctive).toBe(distinctive);
  });
});

describe('textFormOfContains', () => {
  it('is the visible text, and null for markup only', () => {
    expect(textFormOfContains('<hr><center>cloudflare</center>')).toEqual({ pattern: 'cloudflare', distinctive: true });
    expect(textFormOfContains('<title>502 Proxy Error</title>')).toBeNull();
  });
});
