/** A phase that ran out of time, so the classifier can say which one (DNS, TCP connect, TLS handshake). */
import type { Phase } from './types.ts';

export class PhaseTimeoutError extends Error {
  override readonly name = 'PhaseTimeoutError';
  readonly code = 'ETIMEDOUT';
  readonly phase: Phase;

  constructor(phase: Phase, ms: number) {
    super(`${phase} did not finish within ${ms} ms`);
    this.phase = phase;
  }
}

/** Settles like `promise`, or rejects with PhaseTimeoutError after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, phase: Phase): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new PhaseTimeoutError(phase, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
