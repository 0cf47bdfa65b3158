import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeLogs } from '../index.ts';

const FIXTURES = new URL('../../../test/fixtures/logs/', import.meta.url).pathname;

describe('the JSON report', () => {
  it('has a stable shape', async () => {
    const report = JSON.parse(JSON.stringify(await analyzeLogs({ files: ['haproxy/access.log'], appFiles: ['haproxy/app.log'], timeZone: 'UTC', cwd: FIXTURES, stdin: Readable.from([]) })));
    expect(Object.keys(report)).toEqual([
      'schema',
      'files',
      'totals',
      'timeRange',
      'classes',
      'causes',
      'unknownReasons',
      'appMessages',
      'hidden',
      'errorLog',
      'correlation',
      'confidence',
      'timeline',
      'biggestCause',
    ]);
    expect(report.schema).toBe('httpwhy.logs.report/1');
    expect(Object.keys(report.files[0])).toEqual(['name', 'format', 'logFormat', 'role', 'detected', 'sample', 'gzip', 'document', 'lines', 'parsed', 'continued', 'rejoined', 'skipped', 'skippedBy', 'otherFormats', 'invalidUtf8', 'error', 'wrappers']);
    expect(Object.keys(report.causes[0])).toEqual(['cause', 'class', 'count', 'byStatus', 'topRoutes', 'topUpstreams', 'examples', 'approximate']);
    expect(Object.keys(report.causes[0].examples[0])).toEqual(['time', 'status', 'method', 'path', 'client', 'requestId', 'upstream', 'file', 'line', 'confidence', 'evidence', 'appMessage', 'appStack']);
    expect(report.timeRange).toEqual({ from: '2026-11-21T21:43:08.778Z', to: '2026-11-21T21:43:08.779Z' });
    expect(report.timeline).toMatchObject({ start: '2026-11-21T21:43:08.000Z', bucketSeconds: 1, total: [11] });
    expect(report.timeline.byCause).toEqual({ 'app-error': [1], 'app-overload': [1], refused: [1], reset: [2], timeout: [2], 'invalid-response': [3] });
    expect(report.confidence).toEqual({ high: 10, medium: 0, low: 0 });
    expect(report.biggestCause).toBe('invalid-response');
  });

  it('marks a report that read no request, and gives every file its warning', async () => {
    const report = JSON.parse(JSON.stringify(await analyzeLogs({ files: ['nginx/error.log', 'nginx/app.log'], cwd: FIXTURES, stdin: Readable.from([]) })));
    expect(report.noRequests).toBe(true);
    expect(Object.keys(report).at(-1)).toBe('noRequests');
    expect(report.files.map((f: { warning: string }) => f.warning)).toEqual(['no-requests', 'no-requests']);
    expect(report.files[0].firstLines[0]).toEqual({ line: 1, text: expect.stringMatching(/^2026\/11\/21 21:43:08 \[error\] 17010#17010: \*2 connect\(\) failed/) });
    expect(report.errorLog).toMatchObject({ events: 9, linked: 0 });
  });
});
