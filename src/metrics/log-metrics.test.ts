import { describe, expect, it } from 'vitest';
import type { LiveCounts, VerdictEvent } from '../logs/index.ts';
import { LogMetrics } from './log-metrics.ts';

function source(over: Partial<LiveCounts> = {}): { counts(): LiveCounts } {
  const byStatus = new Float64Array(1000);
  byStatus[200] = 97;
  byStatus[502] = 2;
  byStatus[9] = 1;
  return { counts: () => ({ byStatus, inputs: [{ name: 'access.log', lines: 101, skippedBy: { unrecognized: 1 }, readable: true }], ...over }) };
}

const verdict = (over: Partial<VerdictEvent>): VerdictEvent => ({
  file: 'access.log',
  status: 502,
  cause: 'refused',
  issuer: 'proxy',
  route: 'GET /orders/:id',
  upstream: '10.0.0.7:8080',
  requestTime: 0.002,
  ...over,
});

/** The sample lines of an exposition, without comments. */
const samples = (body: string) => body.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('LogMetrics', () => {
  it('counts verdicts by issuer, cause and code, and reads requests and lines from the session at scrape time', async () => {
    const metrics = new LogMetrics(source(), { maintenance: () => true });
    metrics.record(verdict({}));
    metrics.record(verdict({ status: 9, cause: 'non-http-reply', upstream: '', requestTime: Number.NaN }));
    const { contentType, body } = await metrics.exposition();
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(samples(body)).toEqual(
      expect.arrayContaining([
        'httpwhy_failures_total{issuer="proxy",cause="refused",code="502"} 1',
        'httpwhy_failures_total{issuer="proxy",cause="non-http-reply",code="009"} 1',
        'httpwhy_failures_by_route_total{issuer="proxy",route="GET /orders/:id"} 2',
        'httpwhy_failures_by_upstream_total{issuer="proxy",upstream="10.0.0.7:8080"} 1',
        'httpwhy_failures_by_upstream_total{issuer="proxy",upstream="-"} 1',
        'httpwhy_failure_duration_seconds_bucket{le="0.005",issuer="proxy",cause="refused"} 1',
        'httpwhy_failure_duration_seconds_count{issuer="proxy",cause="refused"} 1',
        'httpwhy_requests_total{code="009"} 1',
        'httpwhy_requests_total{code="200"} 97',
        'httpwhy_requests_total{code="502"} 2',
        'httpwhy_log_lines_total{file="access.log"} 101',
        'httpwhy_log_lines_skipped_total{file="access.log",reason="unrecognized"} 1',
        'httpwhy_log_file_readable{file="access.log"} 1',
        'httpwhy_maintenance 1',
      ]),
    );
    // A 009 has no duration in the log: nothing observed for it.
    expect(samples(body).filter((l) => l.startsWith('httpwhy_failure_duration_seconds_count'))).toHaveLength(1);
  });

  it('writes OpenMetrics for a scraper that asks for it', async () => {
    const metrics = new LogMetrics(source());
    metrics.record(verdict({}));
    const { contentType, body } = await metrics.exposition(true);
    expect(contentType).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(body).toContain('# TYPE httpwhy_failures counter\n');
    expect(body).toContain('httpwhy_failures_total{issuer="proxy",cause="refused",code="502"} 1\n');
    expect(body.endsWith('# EOF\n')).toBe(true);
    // The Prometheus text format keeps its own names after an OpenMetrics scrape.
    expect((await metrics.exposition(false)).body).toContain('# TYPE httpwhy_failures_total counter\n');
  });

  it('keeps the number of series fixed over 100,000 distinct routes and upstreams', async () => {
    const metrics = new LogMetrics(source());
    for (let i = 0; i < 100_000; i++) {
      metrics.record(verdict({ route: `GET /page-${i.toString(36)}`, upstream: `backend-${i.toString(36)}:80`, issuer: i % 2 === 0 ? 'proxy' : 'app', cause: i % 2 === 0 ? 'refused' : 'app-error' }));
      if (i % 5000 === 0) await metrics.exposition();
    }
    const lines = samples((await metrics.exposition()).body);
    const routeSeries = lines.filter((l) => l.startsWith('httpwhy_failures_by_route_total'));
    const upstreamSeries = lines.filter((l) => l.startsWith('httpwhy_failures_by_upstream_total'));
    // 20 routes with a slot and "other", per issuer.
    expect(routeSeries.length).toBeLessThanOrEqual(2 * 21);
    expect(upstreamSeries.length).toBeLessThanOrEqual(2 * 21);
    expect(routeSeries.some((l) => l.includes('route="other"'))).toBe(true);
    // The counters without route or upstream count every verdict.
    expect(lines.filter((l) => l.startsWith('httpwhy_failures_total')).map((l) => Number(l.split(' ').at(-1)))).toEqual([50_000, 50_000]);
  });
});
