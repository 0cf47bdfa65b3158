import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPastedLogLines } from './pasted-lines.ts';

// Real published logs from the analyzer's corpus (test/fixtures/logs/wild/corpus.tsv has each one's provenance).
const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/logs/wild/${path}`, import.meta.url), 'utf8');

describe('readPastedLogLines', () => {
  it("judges each error line as the analyzer's verdict table does, numbered as in the text; a 4xx is unknown", () => {
    const entries = readPastedLogLines(`\n${wild('haproxy-http/cerebro-syslog-504-sH.log')}`);
    expect(entries.map((e) => [e.line, e.format, e.status, e.issuer, e.cause])).toEqual([
      [2, 'haproxy', 504, 'proxy', 'timeout'],
      [3, 'haproxy', 409, 'unknown', 'unknown'],
    ]);
  });

  it('stands an error-log line with no access line for the response its proxy made: the status it answers for that failure', () => {
    const entries = readPastedLogLines(wild('apache-error/freedombox-895-ah01114.log'));
    expect(entries[0]).toMatchObject({ format: 'apache-error', status: 503, statusImplied: true, issuer: 'proxy', errorFormat: null });
  });

  it("reads nothing from an app's own log: it does not say who answered the client", () => {
    expect(readPastedLogLines('2024-01-01T10:00:00Z ERROR status=502 request failed')).toEqual([]);
  });

  it('leaves out requests without an error status', () => {
    const ok = wild('aws-alb/beats-application-lb-http.log').split('\n').filter((l) => / 200 200 /.test(l)).join('\n');
    expect(ok).not.toBe('');
    expect(readPastedLogLines(ok)).toEqual([]);
  });
});
