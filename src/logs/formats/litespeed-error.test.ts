import { describe, expect, it } from 'vitest';
import { parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { LitespeedErrorParser } from './litespeed-error.ts';

describe('LitespeedErrorParser', () => {
  it("reads OpenLiteSpeed's own 503 as an event standing for the response (corpus: LSCache's issue)", () => {
    const [oops] = wildLines('litespeed-error/lscache-wp-216-ols-oops-503.log');
    const p = new LitespeedErrorParser();
    expect(parse(p, oops as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 503, cause: 'upstream-failed', time: { ms: Date.UTC(2020, 3, 27, 19, 56, 12, 75), local: true } });
  });

  it('reads an external app timing out, with the process id before the session (corpus: the WebAdmin console)', () => {
    const lines = wildLines('litespeed-error/lsws1clk-2-webadmin-extconn-timeout.log');
    const p = new LitespeedErrorParser();
    const kinds = lines.map((line) => [parse(p, line), p.errorEvent?.cause] as const);
    expect(kinds.some(([kind, cause]) => kind === KIND.proxyError && cause === 'timeout')).toBe(true);
    expect(kinds.every(([kind]) => kind !== KIND.none)).toBe(true);
  });
});
