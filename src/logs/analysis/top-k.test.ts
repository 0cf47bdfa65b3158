import { array, assert, property, stringMatching } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeOf, TopK } from './top-k.ts';

describe('TopK', () => {
  it('ranks by count, then by key', () => {
    const t = new TopK();
    for (const k of ['b', 'a', 'b', 'c', 'a', 'b']) t.add(k);
    expect(t.top(2)).toEqual([
      { key: 'b', count: 3 },
      { key: 'a', count: 2 },
    ]);
    expect(t.approximate).toBe(false);
  });

  it('keeps at most its cap of keys, the frequent ones surviving', () => {
    const t = new TopK(10);
    t.add('hot', 1000);
    for (let i = 0; i < 100; i++) t.add(`cold-${i}`);
    expect(t.top(1)).toEqual([{ key: 'hot', count: 1000 }]);
    expect(t.top(100).length).toBeLessThanOrEqual(10);
    expect(t.approximate).toBe(true);
  });
});

describe('routeOf', () => {
  it.each([
    ['GET', '/users/123/orders?page=2', 'GET /users/:id/orders'],
    ['POST', '/items/5c1a7b1e-5f1b-4d33-9b5b-6a3a2b7a1f00', 'POST /items/:id'],
    ['GET', '/files/7f3a9c2b5e1d4f6a', 'GET /files/:id'],
    ['GET', '/blog/hello-world', 'GET /blog/hello-world'],
    ['GET', '/v2/api', 'GET /v2/api'],
    ['', '/x/42', '/x/:id'],
    ['GET', '', 'GET /'],
    ['GET', '/12/34/', 'GET /:id/:id/'],
    ['GET', '/order-12ab34cd/x', 'GET /:id/x'],
    ['GET', '/a1b2/v10', 'GET /a1b2/v10'],
    ['GET', '/#frag/1', 'GET /'],
  ])('%s %s → %s', (method, path, route) => expect(routeOf(method, path)).toBe(route));

  it('replaces exactly the segments that are ids as a whole (against a segment-by-segment reading)', () => {
    const whole = /^(?:\d+|[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[\w-]*\d[\w-]*\d[\w-]{6,})$/i;
    const bySegment = (path: string) => path.split('/').map((s) => (whole.test(s) ? ':id' : s)).join('/') || '/';
    const segment = stringMatching(/^[0-9a-fA-Fxyz_-]{0,20}$/);
    assert(property(array(segment, { maxLength: 6 }), (segments) => {
      const path = segments.join('/');
      expect(routeOf('', path)).toBe(bySegment(path));
    }), { numRuns: 2000 });
  });
});
