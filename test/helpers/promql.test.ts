import { describe, expect, it } from 'vitest';
import { seriesNamesIn } from './promql.ts';

describe('seriesNamesIn', () => {
  it.each([
    ['sum by (issuer) (rate(a_total{job=~"$job", code=~"5.."}[$__rate_interval]))', ['a_total']],
    ['x:y:rate5m / on (job, instance) group_left z:rate5m', ['x:y:rate5m', 'z:rate5m']],
    ['histogram_quantile(0.9, sum by (le, cause) (rate(d_bucket[5m])))', ['d_bucket']],
    ['count(r{f="a b"} == 0) or vector(0)', ['r']],
    ['rate(a[5m]) unless on (job) (m == 1)', ['a', 'm']],
  ])('%s', (expr, names) => {
    expect(seriesNamesIn(expr)).toEqual(names);
  });
});
