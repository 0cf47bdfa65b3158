import { describe, expect, it } from 'vitest';
import { asUtf8, byteOrderMark } from './text-encoding.ts';

async function collect(chunks: Buffer[], encoding: Parameters<typeof asUtf8>[1]): Promise<string> {
  const out: Buffer[] = [];
  for await (const chunk of asUtf8((async function* () { yield* chunks; })(), encoding)) out.push(chunk);
  return Buffer.concat(out).toString('utf8');
}

describe('text encodings with a byte-order mark', () => {
  it('names the encoding by its mark, and none without one', () => {
    expect(byteOrderMark(Buffer.from([0xff, 0xfe, 0x31, 0x00]))).toBe('utf-16le');
    expect(byteOrderMark(Buffer.from([0xfe, 0xff, 0x00, 0x31]))).toBe('utf-16be');
    expect(byteOrderMark(Buffer.from([0xef, 0xbb, 0xbf, 0x31]))).toBe('utf-8');
    expect(byteOrderMark(Buffer.from('127.0.0.1 - -'))).toBeNull();
  });

  it('transcodes UTF-16 to UTF-8 without the mark, a character split between two chunks too', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('GET /é 502\r\n', 'utf16le')]);
    expect(await collect([bytes.subarray(0, 9), bytes.subarray(9)], 'utf-16le')).toBe('GET /é 502\r\n');
    expect(await collect([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a b\n')], 'utf-8')).toBe('a b\n');
  });

  it('keeps the bytes of a UTF-8 input as they are, an invalid sequence too, with only the mark gone', async () => {
    const out: Buffer[] = [];
    const chunks = [Buffer.from([0xef, 0xbb]), Buffer.from([0xbf, 0x61, 0xff, 0x0a])];
    for await (const chunk of asUtf8((async function* () { yield* chunks; })(), 'utf-8')) out.push(chunk);
    expect(Buffer.concat(out)).toEqual(Buffer.from([0x61, 0xff, 0x0a]));
  });
});
