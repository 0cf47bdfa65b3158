import { describe, expect, it } from 'vitest';
import { dechunk } from './dechunk.ts';

describe('dechunk', () => {
  it.each([
    ['CRLF framing', '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n', 'hello world', true],
    ['chunk extensions', '5;name=x\r\nhello\r\n0\r\n\r\n', 'hello', true],
    ['upper-case hex sizes', 'A\r\n0123456789\r\n0\r\n\r\n', '0123456789', true],
    ['CRs lost in the paste: a data LF stood for CRLF', '6\nab\ncd\n0\n\n', 'ab\ncd', true],
    ['CRs lost, data LF was a bare LF', '5\nab\ncd\n0\n\n', 'ab\ncd', true],
    ['multi-byte characters count as their UTF-8 bytes', '6\r\nnaïve\r\n0\r\n\r\n', 'naïve', true],
    ['a dump that stops before the last chunk', '5\r\nhello\r\n6\r\n wor', 'hello wor', false],
  ])('%s', (_name, body, expected, complete) => {
    expect(dechunk(body)).toEqual({ body: expected, complete });
  });

  it.each([
    ['an already de-chunked body (curl -i)', '<html><body>502</body></html>'],
    ['a body that starts like hex but is no framing', 'cafe au lait\nis a drink'],
    ['an empty body', ''],
  ])('leaves %s alone', (_name, body) => {
    expect(dechunk(body)).toBeNull();
  });
});
