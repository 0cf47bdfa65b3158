/** A one-line progress bar on stderr, redrawn at most ten times a second; only for terminals. */
import type { OutputStream } from './io.ts';

export interface Progress {
  update(done: number, problems: number): void;
  /** Erases the line so other output can be printed; the next update redraws it. */
  clear(): void;
}

const WIDTH = 24;

export function createProgress(stream: OutputStream, total: number | null): Progress {
  const started = performance.now();
  let drawnAt = 0;
  let shown = false;
  return {
    update(done, problems) {
      const now = performance.now();
      if (now - drawnAt < 100 && done !== total) return;
      drawnAt = now;
      const rate = Math.round(done / Math.max((now - started) / 1000, 0.001));
      const filled = total ? Math.round((WIDTH * done) / Math.max(total, 1)) : 0;
      const bar = total ? `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total}` : `${done}`;
      stream.write(`\r\u001b[K${bar} · ✗ ${problems} · ${rate}/s`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
