import { describe, expect, it } from 'vitest';
import { RouteLimits } from './limits.ts';

describe('RouteLimits', () => {
  it('sheds beyond the requests in progress, and admits again when one leaves', () => {
    const limits = new RouteLimits('app', 2, 5, undefined);
    expect([limits.enter(0), limits.enter(0)]).toEqual([{ admitted: true }, { admitted: true }]);
    expect(limits.enter(0)).toEqual({ admitted: false, status: 503, retryAfter: 5, message: 'limiting connections by zone "app"' });
    limits.leave();
    expect(limits.enter(0).admitted).toBe(true);
  });

  it('answers 429 beyond the rate, with the seconds left in the window, and starts a new window after it', () => {
    const limits = new RouteLimits('api', 100, 5, { requests: 2, windowSeconds: 10 });
    expect([limits.enter(1_000).admitted, limits.enter(2_000).admitted]).toEqual([true, true]);
    expect(limits.enter(3_500)).toEqual({ admitted: false, status: 429, retryAfter: 8, message: 'limiting requests, excess: 1.000 by zone "api"' });
    expect(limits.enter(4_000)).toMatchObject({ status: 429, message: 'limiting requests, excess: 2.000 by zone "api"' });
    expect(limits.enter(11_000).admitted).toBe(true);
  });
});
