import { describe, expect, it } from 'vitest';
import { splitFields, splitRequestLine, withoutPort } from './split-fields.ts';

describe('splitFields', () => {
  it('keeps quoted, bracketed and braced groups whole', () => {
    expect(splitFields('a  "b c" [d e] {f|g} "h \\" i" -')).toEqual(['a', 'b c', 'd e', 'f|g', 'h \\" i', '-']);
    expect(splitFields('"unterminated rest')).toEqual(['unterminated rest']);
    expect(splitFields('')).toEqual([]);
  });

  it('keeps an IPv6 address with its port as one field, brackets included', () => {
    expect(splitFields('https [2001:db8::1]:54321 10.0.0.4:80 [d e]')).toEqual(['https', '[2001:db8::1]:54321', '10.0.0.4:80', 'd e']);
  });
});

describe('splitRequestLine', () => {
  it.each([
    ['GET /a?b=1 HTTP/1.1', 'GET', '/a?b=1'],
    ['GET https://example.com:443/x HTTP/2.0', 'GET', '/x'],
    ['GET http://example.com HTTP/1.1', 'GET', '/'],
    ['GET /no-protocol', 'GET', '/no-protocol'],
    ['-', '', '-'],
  ])('%s', (line, method, path) => expect(splitRequestLine(line)).toEqual({ method, path }));
});

describe('withoutPort', () => {
  it.each([
    ['10.0.0.1:443', '10.0.0.1'],
    ['[2001:db8::1]:54321', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['10.0.0.1', '10.0.0.1'],
  ])('%s', (address, host) => expect(withoutPort(address)).toBe(host));
});
