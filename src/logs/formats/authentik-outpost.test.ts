import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { AuthentikOutpostParser, isAuthentikOutpostMark } from './authentik-outpost.ts';
import { KIND } from './line-parser.ts';

// goauthentik/authentik#4731: the proxy outpost's "Error proxying to upstream server" warning, then three requests it
// answered 502 in the same second (after the reporter's inline-code backtick); #15663: the LDAP outpost's own records
// under journald. test/fixtures/logs/wild/corpus.tsv has their provenance.
const PROXY = 'authentik-outpost-json/authentik-4731-proxy-502.log';

describe('AuthentikOutpostParser', () => {
  it("is detected by its loggers' names, the proxy's and the LDAP outpost's", () => {
    expect(detectWild(PROXY)).toBe('authentik-outpost');
    expect(detectWild('authentik-outpost-json/authentik-15663-ldap-journald-502.log')).toBe('authentik-outpost');
  });

  it("gives the 502 after the outpost's warning to the outpost, and leaves the next ones undecided", () => {
    const [warning, first, second] = wildLines(PROXY).map((l) => l.replace(/^`/, ''));
    const p = new AuthentikOutpostParser();
    expect(isAuthentikOutpostMark(warning as string)).toBe(true);
    expect(parseLine(p, warning as string)).toBe(KIND.other);
    expect(parseLine(p, first as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, method: 'GET', path: '/', client: '10.10.10.131', timeMs: Date.parse('2023-02-20T17:09:40Z') });
    expect(p.access().signal).toMatchObject({ cause: 'reset', decisive: true, evidence: { kind: 'error-log', detail: 'EOF' } });
    expect(parseLine(p, second as string)).toBe(KIND.access);
    expect(p.access().signal).toBeNull();
  });

  it('mechanics (the fixture\'s records, one edited to 200): a warning counts for the record right after it only', () => {
    const [warning, first, second] = wildLines(PROXY).map((l) => l.replace(/^`/, ''));
    const p = new AuthentikOutpostParser();
    parseLine(p, warning as string);
    parseLine(p, (first as string).replace('"status":502', '"status":200'));
    expect(parseLine(p, second as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, signal: null });
  });

  it('is no JSON record without its logger', () => {
    expect(isAuthentikOutpostMark('{"event":"/","level":"info","method":"GET","status":502}')).toBe(false);
  });
});
