/**
 * Follow mode (`-f`): after the first pass, keeps reading stdin and what is appended to regular files (across
 * rotation and truncation, see followed-file.ts), and hands out a fresh report every interval. Entries waiting for the app log are classified once the logs
 * have moved `settleMs` past them, so memory stays bounded while the app log catches up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LogReport } from './report/index.ts';
import type { LogSession } from './session.ts';

export interface FollowOptions {
  intervalMs: number;
  signal: AbortSignal;
  onSnapshot: (report: LogReport) => void;
  /** How long an entry may wait for its app line, in log time (default 30 s). */
  settleMs?: number;
}

function stopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Returns the final report once `signal` aborts. */
export async function followLogs(session: LogSession, options: FollowOptions): Promise<LogReport> {
  const settleMs = options.settleMs ?? 30_000;
  const snapshot = (): void => {
    const latest = session.analysis.timeline.range?.to;
    if (latest !== undefined) session.analysis.settle(latest - settleMs);
    options.onSnapshot(session.report());
  };
  const timer = setInterval(snapshot, options.intervalMs);
  try {
    await Promise.race([session.read(true), stopped(options.signal)]);
    while (!options.signal.aborted) {
      await sleep(options.intervalMs, undefined, { signal: options.signal }).catch(() => undefined);
      await session.readAppended();
    }
  } finally {
    clearInterval(timer);
  }
  await session.close();
  session.analysis.settle();
  return session.report();
}
