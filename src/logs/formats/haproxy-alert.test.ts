import { describe, expect, it } from 'vitest';
import { parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { impliedErrorStatus } from './error-status.ts';
import { HaproxyAlertParser } from './haproxy-alert.ts';
import { KIND } from './line-parser.ts';

/** A compose line without its `service | ` prefix (the wrapper's job). */
const unprefixed = (line: string) => line.replace(/^\S+ \| /, '');

describe('HaproxyAlertParser', () => {
  it("reads a server taken out, a backend with no server, and a server back up (corpus: openBalena's HAProxy under compose)", () => {
    const lines = wildLines('haproxy-alert/open-balena-37-compose-alert-no-server.log').map(unprefixed);
    const p = new HaproxyAlertParser();
    expect(parse(p, lines[0] as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'no-live-upstream', upstream: 'backend_api' });
    expect(impliedErrorStatus('haproxy-alert', 'no-live-upstream')).toBe(503);
    expect(parse(p, lines[1] as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'refused', upstream: 'vpn-tunnel/balena_vpn' });
    expect(impliedErrorStatus('haproxy-alert', 'refused')).toBeNull();
    expect(parse(p, lines[3] as string)).toBe(KIND.other);
  });

  it('reads a failed check under syslog, where the message stands alone, and its reason (corpus: haproxy/haproxy#1234)', () => {
    const lines = wildLines('haproxy-alert/haproxy-1234-syslog-health-analyze-down.log');
    const alone = (lines[1] as string).replace(/^.*?haproxy\[\d+\]: /, '');
    const p = new HaproxyAlertParser();
    expect(parse(p, alone)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'connect-failed', upstream: 'Backend-Web/http1_6' });
    expect(Number.isNaN(p.errorEvent?.time.ms)).toBe(true);
  });

  it("reads 2.3's prefix without a time, and reads no request line", () => {
    const [down] = wildLines('haproxy-alert/kubernetes-ingress-479-stderr-server-down-no-server.log');
    const p = new HaproxyAlertParser();
    expect(parse(p, down as string)).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('refused');
    expect(parse(p, '10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1"')).toBe(KIND.none);
  });
});
