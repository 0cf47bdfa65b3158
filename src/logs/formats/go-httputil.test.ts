import { describe, expect, it } from 'vitest';
import { detectWild, parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { GoHttputilParser } from './go-httputil.ts';
import { KIND } from './line-parser.ts';

describe('GoHttputilParser', () => {
  it("reads Go's reverse proxy's error lines among a program's other output as its own 502s (corpus: go-httputil-proxy-error/app-tailscale-489)", () => {
    const file = 'go-httputil-proxy-error/app-tailscale-489-serve-banner-and-proxy-errors.log';
    expect(detectWild(file)).toBe('go-httputil');
    const p = new GoHttputilParser();
    const kinds = wildLines(file).map((line) => parse(p, line));
    expect(kinds.filter((kind) => kind === KIND.proxyError)).toHaveLength(4);
    expect(kinds.slice(0, 4)).toEqual([KIND.none, KIND.none, KIND.none, KIND.none]);
    expect(p.errorEvent).toMatchObject({ cause: 'refused', status: 502, upstream: '127.0.0.1:8123', time: { ms: Date.UTC(2025, 3, 1, 16, 9, 1), local: true } });
  });

  it('mechanics (lines in the layout of httputil\'s defaultErrorHandler): no status for a client that went away, and the line read without the logger\'s time', () => {
    const p = new GoHttputilParser();
    expect(parse(p, 'http: proxy error: context canceled')).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('client-closed');
    expect(p.errorEvent?.status).toBeUndefined();
    expect(parse(p, '2025/04/01 16:08:55 serve: creating a new proxy handler')).toBe(KIND.none);
  });
});
