/**
 * The example log lines of log-only codes (444, 499, 009, 460) are read back by httpwhy's own log analyzer: every
 * line parses, and the access line counts under the code's own status. A typo in a hand-written line fails here.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeLogs } from '../../src/logs/index.ts';
import { listCodes } from '../../src/codes/index.ts';

const withLogs = listCodes({}).filter((e) => e.example.log !== undefined);

describe('example logs', () => {
  it('exist for the codes that live in logs', () => {
    expect(withLogs.map((e) => e.id).toSorted()).toEqual(['009-nginx', '444-nginx', '460-aws-elb', '499-nginx']);
  });

  it.each(withLogs.map((e) => [e.id, e] as const))('%s: every line is read, and the access line counts as its status', async (_id, entry) => {
    const lines = (entry.example.log ?? []).map((l) => l.line);
    const report = await analyzeLogs({ files: ['-'], cwd: '.', stdin: Readable.from([`${lines.join('\n')}\n`]) });
    expect(report.totals).toMatchObject({ lines: lines.length, parsed: lines.length, skipped: 0, requests: 1 });
    expect(Object.keys(report.totals.byStatus).map(Number)).toEqual([entry.code]);
  });
});
