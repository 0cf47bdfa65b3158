import { describe, expect, it } from 'vitest';
import { concatenatedAt, decodeEscapes, literalAt } from './string-literal.ts';

describe('decodeEscapes', () => {
  it.each([
    ['HTTP/1.1 502 Bad Gateway\\r\\nServer: nginx\\r\\n', 'HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n'],
    ["it\\'s", "it's"],
    ['\\x3C/script>', '</script>'],
    ['caf\\u00e9 \\U0001F600', 'café 😀'],
    ['\\303\\251', '\u00c3\u00a9'],
    ['a\\\\n', 'a\\n'],
    ['tab\\there', 'tab\there'],
  ])('%j → %j', (inner, text) => {
    expect(decodeEscapes(inner)).toBe(text);
  });
});

describe('literalAt', () => {
  it('reads single, double and backtick quotes, and Python prefixes', () => {
    expect(literalAt("x = 'a\\nb', y", 4)).toEqual({ value: 'a\nb', end: 10 });
    expect(literalAt('"say \\"hi\\""', 0)?.value).toBe('say "hi"');
    expect(literalAt("b'HTTP/1.1 500\\r\\n'", 0)?.value).toBe('HTTP/1.1 500\r\n');
    expect(literalAt("r'\\n'", 0)?.value).toBe('\\n');
    expect(literalAt('`a\nb`', 0)?.value).toBe('a\nb');
  });

  it("reads a bytes literal's \\x runs as UTF-8, and a text literal's as code points", () => {
    expect(literalAt("b'405 \\xe2\\x80\\x93 Method'", 0)?.value).toBe('405 \u2013 Method');
    expect(literalAt("'\\xe2'", 0)?.value).toBe('\u00e2');
    expect(literalAt("b'a\\x5cn'", 0)?.value).toBe('a\\n');
  });

  it('is null where no literal starts, or when one is not closed on its line', () => {
    expect(literalAt('status: 502', 0)).toBeNull();
    expect(literalAt("'open\nnext'", 0)).toBeNull();
    expect(literalAt("'never closed", 0)).toBeNull();
  });
});

describe('concatenatedAt', () => {
  it("joins the literals Node prints across lines with '+'", () => {
    const text = "data: '<html>\\r\\n' +\n      '<head></head>\\r\\n' +\n      '</html>',\n    next: 1";
    const literal = concatenatedAt(text, 6);
    expect(literal?.value).toBe('<html>\r\n<head></head>\r\n</html>');
    expect(text.slice(literal?.end)).toBe(',\n    next: 1');
  });
});
