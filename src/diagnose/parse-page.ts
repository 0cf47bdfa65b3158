/**
 * Reads a page pasted without its status line and headers: the HTML source ("view source", a saved page) or the
 * words copied from the browser window. The status comes from the page's own words; the headers are unknown.
 * Markup that is no HTML page (an XML error document: S3, Azure Storage) is a body alone, matched as it is.
 */
import { statusInLinks, statusInPage } from './status-in-page.ts';
import type { ParsedInput, ParsedResponse } from './types.ts';
import { looksLikeHtml, pageTitle, visibleLines } from './visible-text.ts';
import { RESPONSE_LABEL } from './observation-label.ts';
import { literalAt } from './string-literal.ts';

/**
 * The inline HTML a comment renders as emphasis around copied words (`<b>400 Bad Request` ... `</b>`): no page's
 * markup (a page would look like HTML, parse-input.ts), so the words are what the page showed.
 */
const EMPHASIS_TAGS = 'b|strong|i|em|u|code|kbd|tt|mark';
const HTML_EMPHASIS = new RegExp(`</?(?:${EMPHASIS_TAGS})>`, 'gi');
/** A paste opening with an emphasis tag, in HTML's lower or upper case; `<Code>` in mixed case is an XML error's element (S3, GCS). */
const LEADING_EMPHASIS = new RegExp(`^<(?:${EMPHASIS_TAGS}|${EMPHASIS_TAGS.toUpperCase()})>`);

/** An XML document pasted alone (its root element with or without attributes), or null. Its status is unknown: XML error documents name codes, not statuses. */
export function parseBodyText(text: string): ParsedInput | null {
  const trimmed = text.trim();
  if (!/^<(?:\?xml\b|[A-Za-z][\w:-]*(?:\s[^<>]*)?>)/.test(trimmed) || looksLikeHtml(trimmed) || LEADING_EMPHASIS.test(trimmed)) return null;
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

/** A page's opening quote, where a program printed the page as a string literal. */
const QUOTED_PAGE = /"(?=<(?:!DOCTYPE\s+html|html)\b)/i;

/**
 * A page a program printed as a string literal among its own words (`body: "<html>\r\n<head>..."`, Elixir's inspect,
 * Go's %q): decoded, it is the page as sent; null when there is none or it has no escaped line breaks to undo.
 */
function quotedPage(text: string): string | null {
  const open = QUOTED_PAGE.exec(text);
  // Only among a program's words: a quote inside a page's own markup (a script's string) is the page's.
  const literal = open && !text.slice(0, open.index).includes('<') ? literalAt(text, open.index) : null;
  return literal && literal.value.includes('\n') ? literal.value : null;
}

export function parsePage(raw: string): ParsedInput {
  const quoted = quotedPage(raw.slice(0, MAX_PAGE_READ));
  if (quoted !== null) return pageSource(quoted, 'unquoted');
  const form = looksLikeHtml(raw) ? 'page-source' : 'page-text';
  if (form === 'page-source') return pageSource(raw, null);
  const text = withoutMarkdown(raw);
  return pageRead(text, text.slice(0, MAX_PAGE_READ).split(/\r?\n/), 'page-text', null);
}

function pageSource(page: string, bodyNote: ParsedResponse['bodyNote']): ParsedInput {
  const start = page.slice(0, MAX_PAGE_READ);
  return pageRead(page, [pageTitle(start) ?? '', ...visibleLines(start)], 'page-source', bodyNote);
}

function pageRead(body: string, lines: readonly string[], form: 'page-source' | 'page-text', bodyNote: ParsedResponse['bodyNote']): ParsedInput {
  const found = statusInPage(lines) ?? statusInLinks(body.slice(0, MAX_PAGE_READ));
  const response: ParsedResponse = { httpVersion: null, status: found?.status ?? null, reason: found?.reason ?? '', headers: [], body, truncated: false, form, bodyNote };
  return { format: form, observations: [{ label: RESPONSE_LABEL, response, failure: null, hops: [] }] };
}
