import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND, parsersFor } from '../formats/index.ts';
import { Analysis } from './analysis.ts';

describe('Analysis', () => {
  it('counts every TCP session as a line read but explains only the one that failed', () => {
    // Two TCP sessions that ended well (istio/istio#29109, after their `kubectl logs --timestamps` prefix) and one
    // whose upstream connection failed (elastic/beats envoyproxy test, UF,URX).
    const [, ...passthrough] = wildLines('envoy-text/istio-29109-kubectl-timestamps.log').map((line) => line.slice(line.indexOf(' ') + 1));
    const [failed] = wildLines('envoy-text/beats-envoy.log');
    const analysis = new Analysis('none', 60_000);
    const p = parsersFor('envoy', 'access', { appFields: {} }).primary;
    for (const [i, line] of [...passthrough, failed as string].entries()) {
      parseLine(p, line);
      analysis.access(p, 'envoy.log', i + 1);
    }
    analysis.settle();
    expect(analysis.requests).toBe(3);
    expect(analysis.byStatus[0]).toBe(3);
    expect(analysis.findings.summaries(5).map((s) => [s.cause, s.count, s.examples[0]?.line])).toEqual([['refused', 1, 3]]);
  });
});

// Caddy 2.6.2 in front of the lab's faulty upstreams, access and error lines in separate files, captured
// (test/fixtures/logs/README.md): each failed request has its error line and its access line.
const lab = (name: string): string[] => readFileSync(new URL(`../../../test/fixtures/logs/caddy/${name}`, import.meta.url), 'utf8').trim().split('\n');

function read(analysis: Analysis, file: string, lines: readonly string[]): void {
  const p = parsersFor('caddy', 'access', { appFields: {} }).primary;
  for (const [i, line] of lines.entries()) {
    const kind = parseLine(p, line);
    if (kind === KIND.access) analysis.access(p, file, i + 1);
    if (kind === KIND.proxyError && p.errorEvent) analysis.proxyError(p.errorEvent, { file, line: i + 1 }, p.format);
  }
}

const byStatus = (analysis: Analysis): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const s of analysis.findings.summaries(5)) for (const [status, n] of Object.entries(s.byStatus)) counts[status] = (counts[status] ?? 0) + n;
  return counts;
};

describe('Analysis of Caddy error lines (the response when no access line claims it)', () => {
  it('counts an error line alone as its response, with its status and the cause its message gives', () => {
    const analysis = new Analysis('none', 60_000);
    read(analysis, 'error.log', lab('error.log'));
    analysis.settle();
    expect(analysis.requests).toBe(0);
    expect(byStatus(analysis)).toEqual({ '502': 5, '504': 2 });
    expect(analysis.findings.summaries(5).map((s) => [s.cause, s.class, s.count])).toEqual([
      ['reset', 'proxy', 2],
      ['timeout', 'proxy', 2],
      ['invalid-response', 'proxy', 2],
      ['refused', 'proxy', 1],
    ]);
    expect(analysis.findings.correlation.errorLog).toBe(0);
  });

  it('counts a request once when its access line follows its error line', () => {
    const analysis = new Analysis('none', 60_000);
    read(analysis, 'error.log', lab('error.log'));
    read(analysis, 'access.log', lab('access.log'));
    analysis.settle();
    expect(byStatus(analysis)).toEqual({ '500': 1, '502': 5, '503': 1, '504': 2 });
    expect(analysis.errors.linked).toBe(7);
  });

  it('waits in follow mode until the log has moved past the error line', () => {
    const analysis = new Analysis('none', 60_000);
    const [first] = lab('error.log');
    read(analysis, 'error.log', [first as string]);
    analysis.settle(0);
    expect(analysis.findings.summaries(5)).toEqual([]);
    analysis.settle();
    analysis.settle();
    expect(byStatus(analysis)).toEqual({ '502': 1 });
  });
});
