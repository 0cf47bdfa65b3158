/**
 * Reads a page pasted without its status line and headers: the HTML source ("view source", a saved page) or the
 * words copied from the browser window. The status comes from the page's own words; the headers are unknown.
 */
import { statusInPage } from './status-in-page.ts';
import type { ParsedInput, ParsedResponse } from './types.ts';
import { looksLikeHtml, pageTitle, visibleLines } from './visible-text.ts';
import { RESPONSE_LABEL } from './observation-label.ts';

export function parsePage(text: string): ParsedInput {
  const form = looksLikeHtml(text) ? 'page-source' : 'page-text';
  const lines = form === 'page-source' ? [pageTitle(text) ?? '', ...visibleLines(text)] : text.split(/\r?\n/);
  const found = statusInPage(lines);
  const response: ParsedResponse = { httpVersion: null, status: found?.status ?? null, reason: found?.reason ?? '', headers: [], body: text, truncated: false, form, bodyNote: null };
  return { format: form, observations: [{ label: RESPONSE_LABEL, response, failure: null, hops: [] }] };
}
