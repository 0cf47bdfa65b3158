/** Per-route admission: a bound on requests in progress (shed with 503) and a fixed-window rate limit (429). */

export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

export type Admission = { admitted: true } | { admitted: false; status: 429 | 503; retryAfter: number; message: string };

const ADMITTED: Admission = { admitted: true };

export class RouteLimits {
  readonly #name: string;
  readonly #maxInFlight: number;
  readonly #shedRetryAfter: number;
  readonly #rate: RateLimit | undefined;
  #inFlight = 0;
  /** The first request opens the first window. */
  #windowStart = Number.NEGATIVE_INFINITY;
  #windowCount = 0;

  constructor(name: string, maxInFlight: number, shedRetryAfter: number, rate: RateLimit | undefined) {
    this.#name = name;
    this.#maxInFlight = maxInFlight;
    this.#shedRetryAfter = shedRetryAfter;
    this.#rate = rate;
  }

  /** Admits the request (call `leave()` when it ends) or says why not, with nginx's error-log message. */
  enter(now: number): Admission {
    const rate = this.#rate;
    if (rate) {
      const windowMs = rate.windowSeconds * 1000;
      if (now - this.#windowStart >= windowMs) {
        this.#windowStart = now;
        this.#windowCount = 0;
      }
      this.#windowCount++;
      if (this.#windowCount > rate.requests) {
        const retryAfter = Math.max(1, Math.ceil((this.#windowStart + windowMs - now) / 1000));
        return { admitted: false, status: 429, retryAfter, message: `limiting requests, excess: ${(this.#windowCount - rate.requests).toFixed(3)} by zone "${this.#name}"` };
      }
    }
    if (this.#inFlight >= this.#maxInFlight) {
      return { admitted: false, status: 503, retryAfter: this.#shedRetryAfter, message: `limiting connections by zone "${this.#name}"` };
    }
    this.#inFlight++;
    return ADMITTED;
  }

  leave(): void {
    this.#inFlight--;
  }
}
