import { describe, expect, it } from 'vitest';
import { parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { FlyProxyParser } from './fly-proxy.ts';
import { KIND } from './line-parser.ts';

/** A `fly logs` line without its `<time> source[machine] region [level]` prefix (the fly wrapper's job). */
const unprefixed = (line: string) => line.replace(/^\S+ \S+ [a-z]{3} \[[a-z]+\] ?/, '');

describe('FlyProxyParser', () => {
  const clio = wildLines('fly-logs/clio-voice-server-log-pu02-crash-loop.log').map(unprefixed);

  it('reads a coded line by its code: PU02, a request the Machine did not complete (corpus: clio-voice)', () => {
    const p = new FlyProxyParser();
    expect(parse(p, clio[12] as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'reset', message: expect.stringMatching(/^\[PU02\] could not complete HTTP request/) });
    expect(p.errorEvent?.status).toBeUndefined();
  });

  it("takes a routing failure's cause from the last error it names (PR03 after PC01: refused)", () => {
    const line = clio.find((l) => l.startsWith('[PR03]')) as string;
    const p = new FlyProxyParser();
    expect(parse(p, line)).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('refused');
  });

  it('reads the uncoded message of older releases (corpus: actualbudget/actual-server#139)', () => {
    const line = wildLines('fly-logs/actual-server-139-proxy-refused.log').at(-1) as string;
    const p = new FlyProxyParser();
    expect(parse(p, unprefixed(line))).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('refused');
  });

  it("reads none of the app's lines beside them", () => {
    const p = new FlyProxyParser();
    for (const line of [clio[0], clio[1], clio[8]]) expect(parse(p, line as string)).toBe(KIND.none);
  });
});
