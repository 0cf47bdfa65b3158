import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogSession, type VerdictEvent } from './index.ts';

const FIXTURES = new URL('../../test/fixtures/logs/', import.meta.url).pathname;

describe('what a follow session hands to metrics', () => {
  it('every verdict as it is made, and the requests and lines read so far', async () => {
    const session = await LogSession.open({ files: ['haproxy/access.log'], timeZone: 'UTC', cwd: FIXTURES, stdin: Readable.from([]) });
    const verdicts: VerdictEvent[] = [];
    session.onVerdict((v) => verdicts.push(v));
    expect(session.counts().inputs).toEqual([{ name: 'haproxy/access.log', lines: 0, skippedBy: {}, readable: true }]);
    await session.read();
    session.analysis.settle();
    expect(verdicts).toHaveLength(10);
    expect(verdicts[0]).toEqual({ file: 'haproxy/access.log', status: 503, cause: 'refused', issuer: 'proxy', route: 'GET /connection-refused', upstream: 'be_0/app', requestTime: 3.003 });
    expect(verdicts.find((v) => v.issuer === 'app')).toMatchObject({ status: 500, cause: 'app-error', route: 'GET /app-exception' });
    const counts = session.counts();
    expect([counts.byStatus[200], counts.byStatus[502], counts.byStatus[503]]).toEqual([1, 5, 2]);
    expect(counts.inputs).toEqual([{ name: 'haproxy/access.log', lines: 11, skippedBy: {}, readable: true }]);
  });
});
