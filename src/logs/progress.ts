/** A one-line progress bar with lines/s, redrawn in place on a terminal (stderr), never written elsewhere. */
import type { Progress } from './session.ts';

const WIDTH = 24;

function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  return n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n));
}

export function progressLine(p: Progress): string {
  const rate = p.elapsedMs > 0 ? (p.lines * 1000) / p.elapsedMs : 0;
  const tail = `${compact(p.lines)} lines  ${compact(rate)} lines/s`;
  if (p.totalBytes <= 0) return tail;
  const share = Math.min(1, p.bytes / p.totalBytes);
  const filled = Math.round(share * WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${tail}`;
}

export interface ProgressTarget {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Returns the progress callback and a function that clears the line; both do nothing off a TTY. */
export function progressBar(stream: ProgressTarget): { update: (p: Progress) => void; clear: () => void } {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let drawn = false;
  return {
    update: (p) => {
      stream.write(`\r\u001b[2K${progressLine(p)}`);
      drawn = true;
    },
    clear: () => {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
