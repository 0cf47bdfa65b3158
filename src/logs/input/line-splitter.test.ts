import { describe, expect, it } from 'vitest';
import { LineSplitter, type LineSink } from './line-splitter.ts';

interface Seen {
  lines: Array<{ text: string; no: number; final: boolean }>;
  overlong: Array<{ head: string; bytes: number; no: number }>;
}

function split(chunks: Array<string | Buffer>, max?: number): Seen {
  const seen: Seen = { lines: [], overlong: [] };
  const sink: LineSink = {
    line: (buf, text, start, end, no, final) => {
      expect(text.slice(start, end)).toBe(buf.toString('latin1', start, end));
      seen.lines.push({ text: buf.toString('utf8', start, end), no, final });
    },
    overlong: (head, bytes, no) => seen.overlong.push({ head: head.toString(), bytes, no }),
  };
  const splitter = new LineSplitter(sink, max);
  for (const c of chunks) splitter.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  splitter.end();
  return seen;
}

describe('LineSplitter', () => {
  it('splits LF and CRLF lines and keeps empty ones', () => {
    const { lines } = split(['a\r\nb\n\nc\n']);
    expect(lines.map((l) => l.text)).toEqual(['a', 'b', '', 'c']);
    expect(lines.map((l) => l.no)).toEqual([1, 2, 3, 4]);
  });

  it('gives the same lines whatever the chunk boundaries', () => {
    const input = 'first line\r\nsecond ünïcode line\nthird\n\nlast without newline';
    const whole = split([input]).lines.map((l) => l.text);
    const bytes = Buffer.from(input);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(split([bytes.subarray(0, cut), bytes.subarray(cut)]).lines.map((l) => l.text)).toEqual(whole);
    }
    expect(split([...bytes].map((b) => Buffer.from([b]))).lines.map((l) => l.text)).toEqual(whole);
    expect(whole).toEqual(['first line', 'second ünïcode line', 'third', '', 'last without newline']);
  });

  it('marks only a last line without a terminator as final', () => {
    expect(split(['a\nb']).lines.map((l) => l.final)).toEqual([false, true]);
    expect(split(['a\nb\n']).lines.map((l) => l.final)).toEqual([false, false]);
    expect(split([]).lines).toEqual([]);
  });

  it('reports lines over the cap without buffering them, inside a chunk or across chunks', () => {
    const long = 'x'.repeat(50);
    const inChunk = split([`ok\n${long}\nafter\n`], 20);
    expect(inChunk.lines.map((l) => l.text)).toEqual(['ok', 'after']);
    expect(inChunk.overlong).toEqual([{ head: long, bytes: 50, no: 2 }]);
    const across = split(['ok\n', 'y'.repeat(15), 'y'.repeat(15), 'y'.repeat(15), '\nafter'], 20);
    // The head is what was buffered when the cap was crossed (two pieces here), at most 160 bytes.
    expect(across.overlong).toEqual([{ head: 'y'.repeat(30), bytes: 45, no: 2 }]);
    expect(across.lines.map((l) => [l.text, l.no])).toEqual([
      ['ok', 1],
      ['after', 3],
    ]);
  });

  it('parses a 1 MB line in full under the default cap', () => {
    const big = 'z'.repeat(1_000_000);
    const { lines, overlong } = split([`${big.slice(0, 300_000)}`, `${big.slice(300_000)}\nnext\n`]);
    expect(overlong).toEqual([]);
    expect(lines[0]?.text.length).toBe(1_000_000);
    expect(lines[1]?.text).toBe('next');
  });
});
