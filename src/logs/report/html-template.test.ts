import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html-template.ts';

describe('html', () => {
  it('escapes interpolated text and attributes, never nested html', () => {
    const evil = `"><script>alert('x')</script>&`;
    const inner = html`<b>${evil}</b>`;
    expect(html`<p title="${evil}">${inner}${[1, ' & ', null, false, undefined]}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"><b>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</b>1 &amp; </p>',
    );
    expect(escapeHtml('<&>')).toBe('&lt;&amp;&gt;');
  });
});
