/**
 * Bulk checking with bounded memory: input is pulled only when a slot is free (plus a small look-ahead
 * for URLs whose host is at its limit), rows are yielded as checks finish, and nothing grows with the
 * length of the list. A 429 or 503 with Retry-After pauses that host and is retried (bounded wait).
 */
import { isHttpwhyError } from '../errors.ts';
import { parseRetryAfter } from './retry-after.ts';
import { boundedInt, resolveSettings } from './settings.ts';
import type { BulkOptions, BulkRow, CheckOptions, CheckResult } from './types.ts';

export type CheckFunction = (url: string, options: CheckOptions) => Promise<CheckResult>;

interface Item {
  index: number;
  input: string;
  /** Host name the per-host limit counts; '' for input that is not a URL (it fails at once). */
  host: string;
}

/** A list line that holds a URL to check: not blank, not a # comment. */
export function isUrlLine(line: string): boolean {
  const text = line.trim();
  return text !== '' && !text.startsWith('#');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function hostOf(input: string): string {
  try {
    return new URL(input).hostname;
  } catch {
    return '';
  }
}

export async function* runBulk(inputs: Iterable<string> | AsyncIterable<string>, options: BulkOptions, check: CheckFunction): AsyncGenerator<BulkRow> {
  const concurrency = boundedInt(options.concurrency, 'concurrency', 1, 256, 16);
  const perHost = boundedInt(options.perHost, 'perHost', 1, 64, 4);
  const retries = boundedInt(options.retries, 'retries', 0, 5, 1);
  const maxRetryWait = boundedInt(options.maxRetryWait, 'maxRetryWait', 0, 600_000, 30_000);
  resolveSettings(options); // a bad check option fails the run once, not every row

  const active = new Map<string, number>();
  const pausedUntil = new Map<string, number>();
  const waiting: Item[] = [];
  const finished: BulkRow[] = [];
  // Written by finishing checks, read by the loop below.
  const state: { running: number; fatal: { error: unknown } | null; wake: (() => void) | null } = { running: 0, fatal: null, wake: null };

  /** Waits out a Retry-After pause of the host, then runs the check, retrying a 429/503 that asks for it. */
  async function attempt(item: Item): Promise<BulkRow> {
    for (let attempts = 1; ; attempts++) {
      const pause = (pausedUntil.get(item.host) ?? 0) - Date.now();
      if (pause > 0) await sleep(pause);
      let result: CheckResult;
      try {
        result = await check(item.input, options);
      } catch (error) {
        if (!isHttpwhyError(error)) throw error;
        return { index: item.index, input: item.input, attempts, result: null, error: { code: error.code, message: error.message } };
      }
      const delay = (result.status === 429 || result.status === 503) && result.retryAfter !== null ? parseRetryAfter(result.retryAfter) : null;
      if (delay === null || delay > maxRetryWait || attempts > retries) return { index: item.index, input: item.input, attempts, result, error: null };
      pausedUntil.set(item.host, Math.max(pausedUntil.get(item.host) ?? 0, Date.now() + delay));
    }
  }

  function start(item: Item): void {
    state.running++;
    active.set(item.host, (active.get(item.host) ?? 0) + 1);
    attempt(item).then(
      (row) => {
        state.running--;
        const left = (active.get(item.host) ?? 1) - 1;
        if (left > 0) active.set(item.host, left);
        else {
          active.delete(item.host);
          if ((pausedUntil.get(item.host) ?? 0) <= Date.now()) pausedUntil.delete(item.host);
        }
        finished.push(row);
        state.wake?.();
      },
      (error: unknown) => {
        state.fatal = { error };
        state.wake?.();
      },
    );
  }

  const canRun = (item: Item) => (active.get(item.host) ?? 0) < perHost;
  const source = (async function* () {
    yield* inputs;
  })();
  let index = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (state.running < concurrency) {
        const ready = waiting.findIndex(canRun);
        if (ready >= 0) {
          start(waiting.splice(ready, 1)[0] as Item);
          continue;
        }
        // Hand out finished rows before waiting on slow input (stdin typed by hand).
        if (exhausted || waiting.length >= concurrency * 8 || finished.length > 0) break;
        const next = await source.next();
        if (next.done) exhausted = true;
        else {
          index++;
          if (!isUrlLine(next.value)) continue;
          const input = next.value.trim();
          const item = { index, input, host: hostOf(input) };
          if (canRun(item)) start(item);
          else waiting.push(item);
        }
      }
      if (state.fatal) throw state.fatal.error;
      if (finished.length === 0) {
        // Nothing running means every waiting host is free, so the loop above would have started it: done.
        if (state.running === 0) return;
        await new Promise<void>((resolve) => (state.wake = resolve));
        state.wake = null;
        continue;
      }
      yield finished.shift() as BulkRow;
    }
  } finally {
    await source.return(undefined);
  }
}
