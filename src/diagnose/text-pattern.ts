/**
 * The visible-text form of a fingerprint's body pattern, so that a page copied from a browser (words only, no tags,
 * line breaks changed) matches the same fingerprint as the HTML response. A `contains` string becomes its visible
 * text; a regex loses its literal tags and comments, which the browser never shows, `</body>` / `</html>` become
 * the end of the text ("nothing follows"), and `[^<]*` (the rest of an element) is bounded. A pattern whose tags
 * carry regex syntax, or that is nothing but markup, has no text form; nor has XML (most tags no HTML element), which
 * a browser shows with its tags, so its text is the markup itself. A `<title>` is shown in the browser's tab,
 * not in the page, so its words are no part of the text.
 *
 * A text form is `distinctive` when its words say more than a status and a reason phrase: "502 Bad Gateway" is on
 * many components' pages, "nginx" or "The server is temporarily unable to service your" is not. A status followed by
 * capitalised words is a reason phrase as some component words it ("503 Service Temporarily Unavailable", "504
 * Gateway Time-out"), no more distinctive than the registry's. A form that is the whole page (`^...$`) needs fewer
 * words of its own ("File not found." alone is PHP-FPM's answer), and a status with a sub-status ("HTTP Error 500.19")
 * is IIS's however common its words. A fingerprint matches page text only through at least one distinctive form.
 *
 * Where the page breaks a line (a tag between words), people who copy or retype it often write a separator instead:
 * "503 Service Unavailable - No server is available", "502 Bad Gateway / openresty", "504 Gateway Time-out,
 * openresty/1.15.8.1", "502 Bad Gateway (nginx)", a table pasted as markdown ("URL: | http://..."). A text form accepts one such mark there.
 */
import { listCodes } from '../codes/index.ts';
import { STATUS_WORDS } from './status-in-page.ts';
import { visibleLines } from './visible-text.ts';

export interface TextForm {
  /** What to look for in the page's normalized text. */
  pattern: RegExp | string;
  distinctive: boolean;
}

/** A tag or comment written literally in a regex (no regex syntax inside). */
const LITERAL_MARKUP = /<!--(?:(?!-->)[^\\()[\]{}|*+?])*-->|<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\\()[\]{}|*+?]*)?\/?>/g;
/**
 * An optional group of nothing but tags, literal or written with regex syntax (`(?:<a [^>]*>)?`, `(?:</p>)?`): in the
 * text a tag is at most a line break, present or not.
 */
const OPTIONAL_TAGS = /\(\?:(?:<(?:\[\^>\][*+]|[^<>()|[\]])+>)+\)\?/g;
/** "Blanks and tags" as patterns write it, `(?:\s|<[^>]+>)*` (an entity may be among them): a line break in the text. */
const BLANKS_AND_TAGS = /\(\?:\\s\|<\[\^>\][*+]>(?:\|&nbsp;)?\)\*/g;
/**
 * What is left of a tag after the literal ones are gone: a tag built with regex syntax, which cannot be converted. A
 * lookbehind's `(?<!` or `(?<=` is no tag.
 */
const TAG_LEFT = /(?<!\(\?)<\/?[A-Za-z!]/;
/** A literal tag's name. */
const TAG_NAME = /<\/?([A-Za-z][A-Za-z0-9]*)/g;
/** The HTML elements error pages use; a pattern with any other tag is XML, which a browser shows with its tags. */
const HTML_ELEMENTS = new Set(
  ('a abbr address article aside b base big blockquote body br button caption center code col dd details div dl dt em ' +
    'figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input label li link main meta nav ' +
    'noscript ol option p path pre s script section small span strong style sub summary sup svg table tbody td ' +
    'textarea tfoot th thead title tr tt u ul').split(' '),
);
/**
 * Is the pattern XML (an error body such as `<ocs><meta><status>failure`, `<Error><Code>`): most of its literal tags
 * no HTML element? One XML alternative among HTML ones (`<p>|<message>`) leaves the others their text form.
 */
function isXml(source: string): boolean {
  const names = [...source.matchAll(TAG_NAME)].map((m) => (m[1] as string).toLowerCase());
  return names.filter((name) => !HTML_ELEMENTS.has(name)).length * 2 > names.length;
}
const END_OF_PAGE = /<\/(?:body|html)>/gi;
const TITLE_ELEMENT = /<title>(?:(?!<\/title>)[\s\S])*<\/title>/gi;
/** A status and the capitalised words after it: a reason phrase in a component's own wording, when it has the registry's words. */
const STATUS_HEADING = /\b(\d{3})((?:\s+[A-Z][\w'’-]*)+)/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(nbsp|amp|lt|gt|quot|apos|#39));/g;
const NAMED: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const END_TOKEN = '\u0000END\u0000';
const BREAK_TOKEN = '\u0000BREAK\u0000';
/**
 * Where a tag was: blanks, or one separator mark with blanks around it. The optional group starts with a mark, never a
 * blank, so a run of blanks is read one way only.
 */
const LINE_BREAK = '\\s*(?:[-–—,/|:·•(]\\s*)?';
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MIN_DISTINCTIVE_LETTERS = 5;
/** A status with a sub-status ("500.19", "502.3"): only IIS and its modules write one on a page. */
const SUB_STATUS = /\b[45]\d\d\.\d{1,3}\b/;
const MIN_WHOLE_PAGE_LETTERS = 3;
/**
 * `[^<]*` is "the rest of this element" in HTML; page text has no tags, so there it is bounded to what one element
 * holds, or a pattern such as `\d{3} [^<]*nginx` would scan the whole text from every number (seconds on 64 KB).
 */
const MAX_ELEMENT_TEXT = 300;

function decodeEntity(_m: string, dec: string | undefined, hex: string | undefined, named: string | undefined): string {
  const char = dec !== undefined ? String.fromCodePoint(Number(dec)) : hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[named ?? ''] ?? '');
  return escapeRegex(char === '\u00a0' ? ' ' : char);
}

let reasonWords: RegExp | undefined;
let reasonsOfCode: Map<number, string[][]> | undefined;

const wordList = (phrase: string) => phrase.toLowerCase().split(/\s+/).map((w) => w.replace(/[^a-z]/g, '')).filter(Boolean);

/** Are the words of `reason` in `words`, in order ("service unavailable" in "Service Temporarily Unavailable")? */
function hasInOrder(words: readonly string[], reason: readonly string[]): boolean {
  let at = 0;
  for (const word of words) if (word === reason[at]) at += 1;
  return at === reason.length;
}

/** "503 Service Temporarily Unavailable", "504 Gateway Time-out": a status heading, which names no component. */
function withoutStatusHeadings(text: string): string {
  if (!reasonsOfCode) {
    reasonsOfCode = new Map();
    for (const e of listCodes({ vendor: 'none' })) reasonsOfCode.set(e.code, [...(reasonsOfCode.get(e.code) ?? []), wordList(e.reason)]);
  }
  const known = reasonsOfCode;
  return text.replace(STATUS_HEADING, (whole, code: string, words: string) =>
    (known.get(Number(code)) ?? []).some((reason) => reason.length > 0 && hasInOrder(wordList(words), reason)) ? ' ' : whole,
  );
}

/** Letters (of any script) left once status codes, registry reason phrases and generic words are taken out. */
function distinctiveLetters(literal: string): number {
  reasonWords ??= new RegExp(
    `\\b(?:${[...new Set(listCodes({ vendor: 'none' }).map((e) => e.reason.toLowerCase()))].map(escapeRegex).toSorted((a, b) => b.length - a.length).join('|')}|${STATUS_WORDS.join('|')})\\b`,
    'g',
  );
  return withoutStatusHeadings(literal).toLowerCase().replace(/\b\d{3}\b/g, ' ').replace(reasonWords, ' ').replace(/[^\p{L}]/gu, '').length;
}

/** The literal characters a regex source asks for, roughly: escapes, classes and syntax taken out. */
function literalOf(source: string): string {
  // A class is an unescaped `[`: `\[HPM\]` is the literal text "[HPM]".
  return source.replace(/(?<!\\)\[(?:\\.|[^\]])*\]/g, ' ').replace(/\\[a-zA-Z]/g, ' ').replace(/\\(.)/g, '$1').replace(/[(){}?*+|^$.]/g, ' ');
}

/** `contains` → the words it shows (its lines joined where the page breaks them), or null when it is markup only. */
export function textFormOfContains(html: string): TextForm | null {
  if (isXml(html)) return null;
  const lines = visibleLines(html);
  if (lines.length === 0) return null;
  const distinctive = distinctiveLetters(lines.join(' ')) >= MIN_DISTINCTIVE_LETTERS || SUB_STATUS.test(lines.join(' '));
  return { pattern: lines.length === 1 ? (lines[0] ?? '') : new RegExp(lines.map(escapeRegex).join(LINE_BREAK)), distinctive };
}

/** Every run of tags and blanks that holds a tag, as one line break; none at either end. */
function markBreaks(text: string): string {
  const breaks = new RegExp(`(?:\\\\s\\*|${BREAK_TOKEN})*${BREAK_TOKEN}(?:\\\\s\\*|${BREAK_TOKEN})*`, 'g');
  return text
    .replace(breaks, BREAK_TOKEN)
    .replace(new RegExp(`^${BREAK_TOKEN}|${BREAK_TOKEN}(?=${END_TOKEN}|$)`, 'g'), '')
    .replaceAll(BREAK_TOKEN, LINE_BREAK);
}

/** A regex source's alternatives at its top level (`a|b(c|d)` → `a`, `b(c|d)`), outside groups and classes. */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let [depth, inClass, start] = [0, false, 0];
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, source.slice(start)];
}

/**
 * One top-level alternative with a tag built from regex syntax (a link's escaped URL) leaves the others their text
 * form: "a page's footer link, or its sign-off" matches the copied text by the sign-off. The form is distinctive only
 * if every kept alternative is, since each matches alone.
 */
function textFormOfAlternatives(source: string): TextForm | null {
  const alternatives = topLevelAlternatives(source);
  if (alternatives.length < 2) return null;
  const forms = alternatives.map(textFormOfRegex).filter((form): form is TextForm => form !== null);
  if (forms.length === 0) return null;
  const sources = forms.map((form) => (typeof form.pattern === 'string' ? escapeRegex(form.pattern) : form.pattern.source));
  return { pattern: new RegExp(sources.map((alt) => `(?:${alt})`).join('|')), distinctive: forms.every((form) => form.distinctive) };
}

/** A body regex → a regex over normalized visible text, or null when it cannot be converted or shows nothing. */
export function textFormOfRegex(source: string): TextForm | null {
  if (isXml(source)) return null;
  let text = source.replace(OPTIONAL_TAGS, BREAK_TOKEN).replace(TITLE_ELEMENT, '').replace(END_OF_PAGE, END_TOKEN).replace(BLANKS_AND_TAGS, BREAK_TOKEN).replace(LITERAL_MARKUP, BREAK_TOKEN);
  if (TAG_LEFT.test(text)) return textFormOfAlternatives(source);
  text = text
    .replace(/\[\^<\]([*+])/g, (_m, q: string) => `[^<]{${q === '+' ? 1 : 0},${MAX_ELEMENT_TEXT}}`)
    // Any other open-ended class ("[A-Z][A-Za-z -]+", a heading's words) was bounded by its tags; the text has none.
    .replace(/(\[(?:\\.|[^\]\\])*\])([*+])(?![?{])/g, (_m, cls: string, q: string) => `${cls}{${q === '+' ? 1 : 0},${MAX_ELEMENT_TEXT}}`)
    // A line start as one alternative (`(?:^|\n)X`: X begins a line) cannot be seen in page text, whose lines are
    // joined: as a blank it would let X match after any word ("Exception: 404 NOT_FOUND"). X counts only where the
    // other alternatives hold there.
    .replace(/\|\\n(?=[|)])|(?<=\(\?:)\\n\|/g, '')
    // A line break between tokens is any blank in the text; inside a class (`[^<\n]`) it stays, and matches nothing there.
    .replace(/\[(?:\\.|[^\]\\])*\]|\\r\?\\n|\\r\\n|\\n|\\r/g, (m) => (m.startsWith('[') ? m : '\\s*'))
    .replace(ENTITY, decodeEntity)
    .replace(/(?:\\s\*){2,}/g, '\\s*');
  const literal = literalOf(text.replaceAll(END_TOKEN, ' ').replaceAll(BREAK_TOKEN, ' '));
  text = markBreaks(text);
  text = text.replace(new RegExp(`${END_TOKEN}[\\s\\S]*$`), '\\s*$').replaceAll(END_TOKEN, '');
  let pattern: RegExp;
  try {
    pattern = new RegExp(text);
  } catch {
    return null;
  }
  // A form that matches nothing in particular (empty, or only optional parts) would match every page.
  if (pattern.test('')) return null;
  const wholePage = source.startsWith('^') && source.endsWith('$');
  return { pattern, distinctive: distinctiveLetters(literal) >= (wholePage ? MIN_WHOLE_PAGE_LETTERS : MIN_DISTINCTIVE_LETTERS) || SUB_STATUS.test(source.replaceAll('\\.', '.')) };
}
