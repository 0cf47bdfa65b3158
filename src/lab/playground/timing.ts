/**
 * Waiting on behalf of a client without leaking: a pause ends early when the client goes away, and a timed
 * body stream cancels its timer when it is destroyed (Fastify destroys it when the client disconnects).
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** Resolves true after `ms`, or false as soon as the response is closed (the client left); no timer survives. */
export function pause(ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (ms === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

/**
 * A stream of `count` chunks, `chunkAt(i)` each, the first after `firstMs` and the others `intervalMs` apart.
 * It produces only when read, so a slow client slows it instead of filling memory.
 */
export function timedStream(count: number, firstMs: number, intervalMs: number, chunkAt: (i: number) => string): Readable {
  let index = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Readable({
    read() {
      if (index >= count) {
        this.push(null);
        return;
      }
      timer = setTimeout(
        () => {
          timer = undefined;
          this.push(chunkAt(index++));
        },
        index === 0 ? firstMs : intervalMs,
      );
    },
    destroy(error, callback) {
      clearTimeout(timer);
      callback(error);
    },
  });
}
