import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, Timeline } from './timeline.ts';

const T0 = Date.UTC(2024, 4, 1, 10);

describe('Timeline', () => {
  it('counts per second at first, column by column', () => {
    const t = new Timeline(2);
    t.add(T0);
    t.add(T0 + 500);
    t.add(T0 + 2000, 1, 3);
    expect(t.series()).toEqual({
      start: T0,
      bucketMs: 1000,
      columns: [
        [2, 0, 0],
        [0, 0, 3],
      ],
    });
    expect(t.range).toEqual({ from: T0, to: T0 + 2000 });
  });

  it('widens buckets through round sizes as the span grows, losing no count', () => {
    const t = new Timeline(1);
    const hours = 30;
    for (let m = 0; m < hours * 60; m++) t.add(T0 + m * 60_000);
    const s = t.series();
    expect(s?.bucketMs).toBe(300_000);
    expect(s?.columns[0]?.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(s?.columns[0]?.reduce((a, b) => a + b, 0)).toBe(hours * 60);
    expect(s?.columns[0]?.[0]).toBe(5);
    expect(t.totalBetween(T0, T0 + 3_599_999)).toBe(60);
  });

  it('stays bounded for far-apart times', () => {
    const t = new Timeline(1);
    t.add(T0);
    t.add(T0 + 400 * 86_400_000);
    const s = t.series();
    expect(s?.columns[0]?.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(s?.columns[0]?.reduce((a, b) => a + b, 0)).toBe(2);
    expect(new Timeline(1).series()).toBeNull();
  });
});
