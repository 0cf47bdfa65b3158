/**
 * What a browser shows of an HTML page, as plain text: the same words a user copies from the window. Error pages
 * are matched both as HTML (a pasted response) and as this text (a pasted page), so fingerprints are written once,
 * in HTML, and their visible-text form is derived here.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content the browser does not show in the page. */
const HIDDEN = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'svg']);
/** Elements that start a new line in rendered text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tr', 'ul', 'body', 'html',
]);

/** Whitespace runs become one space, as a page's text reads and as users paste it (line breaks vary). */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The visible text of an HTML document or fragment, one entry per rendered line, whitespace normalized. */
export function visibleLines(html: string): string[] {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden += 1;
        if (BLOCK.has(name)) parts.push('\n');
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        if (BLOCK.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').split('\n').map(normalizeSpace).filter((line) => line !== '');
}

/** The visible text of an HTML document or fragment, whitespace normalized. */
export function visibleText(html: string): string {
  return visibleLines(html).join(' ');
}

/** The title of an HTML page, if it has one: browsers show it in the tab, and error pages put the status there. */
export function pageTitle(html: string): string | null {
  let inTitle = false;
  let title: string | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        inTitle = name === 'title' && title === null;
        if (inTitle) title = '';
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
      ontext(text) {
        if (inTitle) title += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return title === null ? null : normalizeSpace(title);
}

/**
 * Does the text look like HTML source (tags a page would have), rather than the words of a page? Closing tags alone
 * count too: a page whose opening tags a renderer ate on the way into an issue ("Method Not Allowed</h1>").
 */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(!doctype html|html|head|body|title|h1|h2|p|div|center|hr|pre|table)\b[^>]*>/i.test(text);
}
