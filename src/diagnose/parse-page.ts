/**
 * Reads a page pasted without its status line and headers: the HTML source ("view source", a saved page) or the
 * words copied from the browser window. The status comes from the page's own words; the headers are unknown.
 * Markup that is no HTML page (an XML error document: S3, Azure Storage) is a body alone, matched as it is.
 */
import { statusInLinks, statusInPage } from './status-in-page.ts';
import type { ParsedInput, ParsedResponse } from './types.ts';
import { looksLikeHtml, pageTitle, visibleLines } from './visible-text.ts';
import { RESPONSE_LABEL } from './observation-label.ts';

/**
 * The inline HTML a comment renders as emphasis around copied words (`<b>400 Bad Request` ... `</b>`): no page's
 * markup (a page would look like HTML, parse-input.ts), so the words are what the page showed.
 */
const EMPHASIS_TAGS = 'b|strong|i|em|u|code|kbd|tt|mark';
const HTML_EMPHASIS = new RegExp(`</?(?:${EMPHASIS_TAGS})>`, 'gi');
/** A paste opening with an emphasis tag, in HTML's lower or upper case; `<Code>` in mixed case is an XML error's element (S3, GCS). */
const LEADING_EMPHASIS = new RegExp(`^<(?:${EMPHASIS_TAGS}|${EMPHASIS_TAGS.toUpperCase()})>`);

/** An XML document pasted alone, or null. Its status is unknown: XML error documents name codes, not statuses. */
export function parseBodyText(text: string): ParsedInput | null {
  const trimmed = text.trim();
  if (!/^<(?:\?xml\b|[A-Za-z][\w:-]*>)/.test(trimmed) || looksLikeHtml(trimmed) || LEADING_EMPHASIS.test(trimmed)) return null;
  const response: ParsedResponse = { httpVersion: null, status: null, reason: '', headers: [], body: trimmed, truncated: false, form: 'body', bodyNote: null };
  return { format: 'body', observations: [{ label: RESPONSE_LABEL, response, failure: null, hops: [] }] };
}

/**
 * An error page names its status near its start; reading only that much keeps a hostile paste cheap (an HTML
 * parser's stack of unclosed tags grows with the input). The same bound as the fingerprints' (match-fingerprint.ts).
 */
export const MAX_PAGE_READ = 64 * 1024;

/**
 * Page text copied out of a rendered issue or chat keeps some markdown: a link (`Visit [cloudflare.com](https://...)
 * for more information`), a heading, bold words. The page showed the words only.
 */
const MARKDOWN_LINK = /\[([^[\]\n]{1,200})\]\(https?:\/\/[^()\s]{1,2000}\)/g;
/** A heading's `#`s at a line's start, and bold or italic markers around words (`**Type** Status Report`). */
const MARKDOWN_HEADING = /^#{1,6}[ \t]+/gm;
const MARKDOWN_EMPHASIS = /(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1/g;
/** A line set as inline code (`` `502 Bad Gateway` `` then `` `nginx/1.4.6 (Ubuntu)` ``): the page's words. */
const INLINE_CODE_LINE = /^[ \t]*`([^`\n]{1,300})`[ \t]*$/gm;

/** The words a rendered issue showed, for page text pasted with its markdown. */
function withoutMarkdown(text: string): string {
  return text.replace(MARKDOWN_LINK, '$1').replace(MARKDOWN_HEADING, '').replace(MARKDOWN_EMPHASIS, '$2').replace(INLINE_CODE_LINE, '$1').replace(HTML_EMPHASIS, '');
}

export function parsePage(raw: string): ParsedInput {
  const form = looksLikeHtml(raw) ? 'page-source' : 'page-text';
  const text = form === 'page-text' ? withoutMarkdown(raw) : raw;
  const start = text.slice(0, MAX_PAGE_READ);
  const lines = form === 'page-source' ? [pageTitle(start) ?? '', ...visibleLines(start)] : start.split(/\r?\n/);
  const found = statusInPage(lines) ?? statusInLinks(start);
  const response: ParsedResponse = { httpVersion: null, status: found?.status ?? null, reason: found?.reason ?? '', headers: [], body: text, truncated: false, form, bodyNote: null };
  return { format: form, observations: [{ label: RESPONSE_LABEL, response, failure: null, hops: [] }] };
}
