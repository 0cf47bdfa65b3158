import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { parsersFor } from '../formats/index.ts';
import { Analysis } from './analysis.ts';

describe('Analysis', () => {
  it('counts every TCP session as a line read but explains only the one that failed', () => {
    // Two TCP sessions that ended well (istio/istio#29109, after their `kubectl logs --timestamps` prefix) and one
    // whose upstream connection failed (elastic/beats envoyproxy test, UF,URX).
    const [, ...passthrough] = wildLines('envoy-text/istio-29109-kubectl-timestamps.log').map((line) => line.slice(line.indexOf(' ') + 1));
    const [failed] = wildLines('envoy-text/beats-envoy.log');
    const analysis = new Analysis(false, 60_000);
    const p = parsersFor('envoy', 'access', { appFields: {} }).primary;
    for (const [i, line] of [...passthrough, failed as string].entries()) {
      parseLine(p, line);
      analysis.access(p, 'envoy.log', i + 1);
    }
    expect(analysis.requests).toBe(3);
    expect(analysis.byStatus[0]).toBe(3);
    expect(analysis.findings.summaries(5).map((s) => [s.cause, s.count, s.examples[0]?.line])).toEqual([['refused', 1, 3]]);
  });
});
