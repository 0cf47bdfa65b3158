import { describe, expect, it } from 'vitest';
import { excerpt, FileStats, headLines } from './file-stats.ts';

function skip(stats: FileStats, bytes: Buffer, final = false): void {
  stats.skipLine(bytes, bytes.toString('latin1'), 0, bytes.length, stats.lines + 1, final);
}

describe('FileStats', () => {
  it('tells empty, binary, invalid UTF-8, cut-short and unrecognised lines apart, with a few examples', () => {
    const stats = new FileStats('x.log');
    skip(stats, Buffer.from('   '));
    skip(stats, Buffer.from([0x00, 0x01, 0x02, 0x41]));
    skip(stats, Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    skip(stats, Buffer.from('10.0.0.1 - - [01/May'), true);
    for (let i = 0; i < 5; i++) skip(stats, Buffer.from(`hello ${i}`));
    expect(Object.fromEntries([...stats.skippedBy].map(([k, v]) => [k, v.count]))).toEqual({ empty: 1, binary: 1, 'invalid-utf8': 1, truncated: 1, unrecognized: 5 });
    expect(stats.skippedBy.get('unrecognized')?.examples).toEqual([
      { line: 5, text: 'hello 0' },
      { line: 6, text: 'hello 1' },
      { line: 7, text: 'hello 2' },
    ]);
    expect([stats.lines, stats.parsed, stats.skipped]).toEqual([9, 0, 9]);
  });

  it('prints control bytes escaped and invalid UTF-8 replaced, cut to 120 chars', () => {
    expect(excerpt(Buffer.from([0x41, 0x00, 0x1b, 0xff, 0x42]), 0, 5)).toBe('A\\x00\\x1b\uFFFDB');
    expect(excerpt(Buffer.from('y'.repeat(500)), 0, 500)).toHaveLength(120);
  });

  it('counts lines with content apart from blank ones, and lines other formats read apart from its own', () => {
    const stats = new FileStats('x.log');
    skip(stats, Buffer.from(''));
    skip(stats, Buffer.from('hello'));
    stats.parsed = 5;
    stats.otherFormats.set('nginx-error', 2);
    expect([stats.lines, stats.contentLines, stats.ownFormatLines]).toEqual([7, 6, 3]);
  });
});

describe('headLines', () => {
  it('gives the first non-empty lines with their line numbers, CR removed, the last one only from a whole input', () => {
    const head = Buffer.from('\n first\r\n\nsecond\n\u0000third\nfourth\nfifth');
    expect(headLines(head, false)).toEqual([
      { line: 2, text: ' first' },
      { line: 4, text: 'second' },
      { line: 5, text: '\\x00third' },
    ]);
    expect(headLines(Buffer.from('one\ncut sh'), false, 5)).toEqual([{ line: 1, text: 'one' }]);
    expect(headLines(Buffer.from('one\nwhole'), true, 5)).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'whole' },
    ]);
    expect(headLines(Buffer.alloc(0), true)).toEqual([]);
  });
});
