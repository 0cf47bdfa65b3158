import { describe, expect, it } from 'vitest';
import { textFormOfContains, textFormOfRegex } from './text-pattern.ts';

/** The text form of a body regex, which must be a regex. */
function regexOf(source: string): RegExp {
  const form = textFormOfRegex(source);
  if (!form || typeof form.pattern === 'string') throw new Error(`no text regex for ${source}`);
  return form.pattern;
}

describe('textFormOfRegex', () => {
  // A status and its phrase say nothing of their own, colon or not: a fingerprint whose shape is its evidence says
  // so in its data (aiohttp.yaml's distinctiveShape, fingerprints-servers.test.ts).
  it('takes a whole page of a status and its phrase as no distinctive form, with or without a colon', () => {
    expect(textFormOfRegex("^\\s*[45]\\d\\d: [A-Z][A-Za-z' -]{1,40}\\s*$")?.distinctive).toBe(false);
    expect(textFormOfRegex("^\\s*[45]\\d\\d [A-Z][A-Za-z' -]{1,40}\\s*$")?.distinctive).toBe(false);
  });

  // data/fingerprints/nextcloud.yaml and kong.yaml: XML a browser shows with its tags has no text form, so an OCS
  // pattern cannot read "failure" in any page's words; one XML alternative beside HTML ones keeps the others' words.
  it('gives XML patterns no text form, and keeps the words of a pattern with one XML alternative', () => {
    expect(textFormOfRegex('<ocs>\\s*<meta>\\s*<status>failure</status>')).toBeNull();
    expect(textFormOfContains('<Error><Message>Access Denied</Message>')).toBeNull();
    expect(regexOf('(?:<p>|<message>)name resolution failed').test('name resolution failed')).toBe(true);
  });

  // data/fingerprints/frp.yaml: frps's 404 page links its footer (`<a href="https://github\.com/fatedier/frp">`, a tag
  // built with escapes) or signs off "Faithfully yours, frp.": the text copied from a browser has the sign-off.
  it('keeps the alternatives that have a text form when another one is a tag built from regex syntax', () => {
    const form = textFormOfRegex('The server is powered by <a href="https://github\\.com/fatedier/frp">frp</a>|Faithfully yours, frp\\.');
    expect(form?.distinctive).toBe(true);
    expect(regexOf('The server is powered by <a href="https://github\\.com/fatedier/frp">frp</a>|Faithfully yours, frp\\.').test('The page you visit not found. Faithfully yours, frp.')).toBe(true);
    expect(textFormOfRegex('<a href="https://x\\.io">x</a>|<b class="a\\.b">')).toBeNull();
  });

  // data/fingerprints/flask.yaml: Werkzeug's heading must not follow "<code>: " (Rocket's heading, whose 422 sentence is
  // Werkzeug's); a lookbehind's `(?<!` is regex syntax, not a tag left over.
  it("reads an optional tag, literal or built with regex syntax, as at most a line break (CherryPy's footer link)", () => {
    const footer = regexOf('Powered by (?:<a [^>]*>)?CherryPy \\d');
    expect(footer.test('Powered by CherryPy 8.1.2')).toBe(true);
    expect(footer.test('Powered by Tornado 6')).toBe(false);
    expect(regexOf('(?:<p>)?Sorry, we could not find it(?:</p>)?').test('Sorry, we could not find it')).toBe(true);
  });

  it('keeps a lookbehind in the text form instead of taking it for a tag', () => {
    const re = regexOf('<h1>(?<!\\d: ?|[A-Za-z] )[A-Z][A-Za-z -]+</h1>\\n\\s*<p>The method is not allowed for the requested URL\\.');
    expect(re.test('Method Not Allowed The method is not allowed for the requested URL.')).toBe(true);
    expect(re.test('405: Method Not Allowed The method is not allowed for the requested URL.')).toBe(false);
  });

  it('counts escaped brackets as the literal text they are, not as a character class (http-proxy-middleware\'s "[HPM]")', () => {
    expect(textFormOfRegex('(?:\\[HPM\\] )?Error occurred while proxying request \\S+ to \\S+ \\[(?:ECONNREFUSED|ETIMEDOUT)\\]')?.distinctive).toBe(true);
  });

  it('keeps the words between literal tags and reads </body> as the end of the text', () => {
    const form = textFormOfRegex('<center><h1>502 Bad Gateway</h1></center>\\n</body>');
    expect(form?.pattern).toEqual(/502 Bad Gateway\s*$/);
  });

  it("drops a line start offered as an alternative: page text joins its lines, so it would match after any word", () => {
    const pattern = regexOf('(?:^|\\n|Code: ?)((DEPLOYMENT_)?NOT_FOUND)\\b');
    expect(pattern.test('NOT_FOUND ID: iad1::abc')).toBe(true);
    expect(pattern.test('404: NOT_FOUND Code: DEPLOYMENT_NOT_FOUND')).toBe(true);
    expect(pattern.test('org.springframework.web.server.ResponseStatusException: 404 NOT_FOUND')).toBe(false);
    expect(regexOf('Bad Gateway\\nnginx').test('Bad Gateway nginx')).toBe(true);
  });

  it('leaves out the title: a browser shows it in the tab, not in the copied page', () => {
    expect(textFormOfRegex('<title>Error \\d{3} \\([^)]*\\)!!1</title>')).toBeNull();
    expect(textFormOfRegex('<TITLE>Access Denied</TITLE>\\n<H1>Access Denied</H1>')?.pattern).toEqual(/Access Denied/);
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

  it("joins the page's lines so that a separator written between them still matches (HAProxy's 503)", () => {
    const form = textFormOfContains('<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.');
    const pattern = form?.pattern as RegExp;
    expect(['503 Service Unavailable No server is available to handle this request.', '503 Service Unavailable - No server is available to handle this request.'].map((t) => pattern.test(t))).toEqual([true, true]);
    expect(pattern.test('503 Service - Unavailable No server is available to handle this request.')).toBe(false);
  });
});

describe('line breaks in text forms', () => {
  const footer = textFormOfRegex('<center><h1>504 Gateway Time-out</h1></center>\\r?\\n<hr><center>openresty(/[\\d.]+)?</center>');
  const reads = (text: string) => footer?.pattern instanceof RegExp && footer.pattern.test(text);

  it.each(['504 Gateway Time-out openresty', '504 Gateway Time-out, openresty/1.15.8.1', '504 Gateway Time-out / openresty', '504 Gateway Time-out | openresty', '504 Gateway Time-out (openresty)', '504 Gateway Time-outopenresty'])(
    'accepts blanks or one separator where a tag was: %j',
    (text) => {
      expect(reads(text)).toBe(true);
    },
  );

  it('reads "blanks and tags" written as a pattern as a line break too', () => {
    const form = textFormOfRegex('Site Not Found(?:\\s|<[^>]+>)*Why am I seeing this\\?');
    expect(form?.pattern).toEqual(/Site Not Found\s*(?:[-–—,/|:·•(]\s*)?Why am I seeing this\?/);
  });

  it('accepts no separator inside a line, nor two of them', () => {
    expect(footer?.pattern).toBeInstanceOf(RegExp);
    expect(reads('504 Gateway - Time-out openresty')).toBe(false);
    expect(reads('504 Gateway Time-out - / openresty')).toBe(false);
  });
});
