import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from './progress.ts';

describe('progress', () => {
  it('shows share, lines and lines per second', () => {
    expect(progressLine({ bytes: 50, totalBytes: 100, lines: 1_500_000, elapsedMs: 1000 })).toBe('[############------------]  50%  1.5M lines  1.5M lines/s');
    expect(progressLine({ bytes: 0, totalBytes: 0, lines: 2500, elapsedMs: 500 })).toBe('3k lines  5k lines/s');
  });

  it('redraws in place on a terminal and writes nothing elsewhere', () => {
    let tty = '';
    const bar = progressBar({ write: (s: string) => (tty += s), isTTY: true });
    bar.update({ bytes: 1, totalBytes: 4, lines: 10, elapsedMs: 1000 });
    bar.clear();
    expect(tty).toBe('\r\u001b[2K[######------------------]  25%  10 lines  10 lines/s\r\u001b[2K');
    let piped = '';
    const off = progressBar({ write: (s: string) => (piped += s), isTTY: false });
    off.update({ bytes: 1, totalBytes: 4, lines: 10, elapsedMs: 1000 });
    off.clear();
    expect(piped).toBe('');
  });
});
