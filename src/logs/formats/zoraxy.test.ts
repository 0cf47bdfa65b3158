import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { parseTimeZone } from './time-zone.ts';
import { ZoraxyParser, zoraxySignal } from './zoraxy.ts';

const UTC = parseTimeZone('UTC');
// tobychui/zoraxy#579: Zoraxy 3.1's log, `[client 10.0.0.1]`, two requests the client cancelled, each logged twice
// (408, and the 502 its proxy core returned), once in each order. crowdsecurity/hub's test log: the 2025 form with
// `[client: …] [useragent: …]` after a Go logger's own date.
const CANCELLED = wildLines('zoraxy/zoraxy-579-client-cancel-pairs.log');
const CROWDSEC = wildLines('zoraxy/crowdsec-hub-zoraxy.log');

describe('ZoraxyParser', () => {
  it('is detected from its request lines, in either form', () => {
    expect(detectWild('zoraxy/zoraxy-579-client-cancel-pairs.log')).toBe('zoraxy');
    expect(detectWild('zoraxy/crowdsec-hub-zoraxy.log')).toBe('zoraxy');
  });

  it("reads both forms: wall-clock time, client, method, path; its own system lines carry nothing", () => {
    const p = new ZoraxyParser(UTC);
    expect(parseLine(p, CANCELLED[0] as string)).toBe(KIND.other);
    expect(parseLine(p, CANCELLED[3] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, timeMs: Date.UTC(2025, 2, 12, 20, 50, 46, 560), client: '10.0.0.1', method: 'GET', path: '/icons/www.instagram.com/icon.png', signal: null });
    expect(parseLine(p, CROWDSEC[2] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 444, timeMs: Date.UTC(2025, 4, 1, 12, 47, 44, 638), client: '192.168.1.1', path: '/.git/config' });
  });

  it('counts a failed request once: the 502 logged after its 408 is the same request; a 502 before it cannot be told', () => {
    const p = new ZoraxyParser(UTC);
    const kinds = CANCELLED.map((line) => parseLine(p, line));
    expect(kinds).toEqual([KIND.other, KIND.other, KIND.other, KIND.access, KIND.access, KIND.access, KIND.access, KIND.access, KIND.other]);
    // Line 6, the 502 written before its 408: the upstream's own 502 or the failure's second line.
    const q = new ZoraxyParser(UTC);
    CANCELLED.slice(0, 6).forEach((line) => parseLine(q, line));
    expect(q.access().signal).toMatchObject({ decisive: false, reason: 'ambiguous-upstream-status' });
  });

  it('521 on a proxying router is Zoraxy failing to reach the upstream; other 5xx are the upstream’s; a router that does not proxy answers itself (source, mechanics)', () => {
    expect(zoraxySignal(521, 'host-http', null)).toMatchObject({ cause: 'upstream-failed', confidence: 'high', decisive: true });
    expect(zoraxySignal(500, 'vdir-http', null)).toMatchObject({ cause: 'app-error', decisive: true });
    expect(zoraxySignal(503, 'subdomain-http', null)).toMatchObject({ cause: 'app-overload' });
    expect(zoraxySignal(502, 'root-no_resp', null)).toMatchObject({ cause: 'proxy-config', confidence: 'medium' });
    // Its own 4xx where no upstream was asked (the default site set to No Response), not a proxied route's.
    expect(zoraxySignal(444, 'root-no_resp', null)).toMatchObject({ cause: 'proxy-config', decisive: true });
    expect(zoraxySignal(404, 'host-http', null)).toBeNull();
    expect(zoraxySignal(200, 'root-no_resp', null)).toBeNull();
    const p = new ZoraxyParser(UTC);
    const failed = '[2026-01-18 13:17:57.000001] [router:host-http] [origin:cloud.example] [client: 192.168.1.200] [useragent: curl/8.0] GET /status.php';
    expect(parseLine(p, `${failed} 521`)).toBe(KIND.access);
    expect(parseLine(p, `${failed} 502`)).toBe(KIND.other);
  });
});
