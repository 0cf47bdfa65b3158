import { describe, expect, it } from 'vitest';
import { FileStats } from '../input/index.ts';
import { readWarningOf } from './read-warnings.ts';

/** An input with `parsed` lines read and the given skipped lines. */
function stats(parsed: number, skipped: Array<[Parameters<FileStats['skip']>[0], number]> = [], error: string | null = null): FileStats {
  const s = new FileStats('x.log');
  s.parsed = parsed;
  for (const [reason, count] of skipped) for (let i = 0; i < count; i++) s.skip(reason, i + 1, '');
  s.error = error;
  return s;
}

describe('readWarningOf', () => {
  it('warns about an input that stopped early or was mostly skipped, whether requests were read or not', () => {
    for (const noRequests of [false, true]) {
      expect(readWarningOf(stats(10, [], 'unexpected end of file'), noRequests)).toBe('read-error');
      expect(readWarningOf(stats(4, [['unrecognized', 5]]), noRequests)).toBe('mostly-skipped');
      expect(readWarningOf(stats(0, [['binary', 2], ['invalid-utf8', 1], ['unrecognized', 1]]), noRequests)).toBe('binary');
    }
  });

  it('leaves blank lines out, and says nothing about a readable input when requests were read elsewhere', () => {
    expect(readWarningOf(stats(5, [['unrecognized', 5]]), false)).toBeNull();
    expect(readWarningOf(stats(2, [['empty', 10], ['unrecognized', 1]]), false)).toBeNull();
    expect(readWarningOf(stats(0, [['empty', 3]]), false)).toBeNull();
  });

  it('when no request was read anywhere, says what every input held', () => {
    expect(readWarningOf(stats(0), true)).toBe('empty');
    expect(readWarningOf(stats(0, [['empty', 3]]), true)).toBe('empty');
    expect(readWarningOf(stats(254), true)).toBe('no-requests');
    expect(readWarningOf(stats(2, [['unrecognized', 2]]), true)).toBe('no-requests');
  });
});
