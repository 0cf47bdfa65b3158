import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { FastlyParser, fastlySignal } from './fastly.ts';
import { KIND } from './line-parser.ts';

// crowdsecurity/hub's Fastly test log: four records in the default JSON format (response_state, fastly_server…),
// each behind the RFC 3339 time and host rsyslog wrote for a message that came with no tag.
const SYSLOG = wildLines('fastly/crowdsec-hub-fastly-syslog.log');
const bare = (line: string) => line.slice(line.indexOf('{'));

describe('FastlyParser', () => {
  it('is detected inside its syslog header', () => {
    expect(detectWild('fastly/crowdsec-hub-fastly-syslog.log')).toBe('fastly');
  });

  it('reads a record: time, client, method, URL, status; a 404 gets no verdict', () => {
    const p = new FastlyParser();
    expect(parseLine(p, bare(SYSLOG[0] as string))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, timeMs: Date.UTC(2021, 10, 12, 16, 59, 45), client: '1.2.3.4', method: 'GET', path: '/zVnC16Tl.exe', signal: null });
    expect(parseLine(p, '{"level":"info","status":200,"msg":"done"}')).toBe(KIND.none);
  });

  it('an ERROR state is a response Fastly made, its reason naming why; MISS or PASS is the backend’s (docs, mechanics)', () => {
    expect(fastlySignal(503, 'ERROR', 'first byte timeout')).toMatchObject({ cause: 'timeout', confidence: 'high', decisive: true });
    expect(fastlySignal(503, 'ERROR-CLUSTER', 'Backend is unhealthy')).toMatchObject({ cause: 'no-live-upstream' });
    expect(fastlySignal(503, 'ERROR', '')).toMatchObject({ cause: 'upstream-failed' });
    expect(fastlySignal(500, 'MISS-CLUSTER', 'Internal Server Error')).toMatchObject({ cause: 'app-error', confidence: 'high' });
    expect(fastlySignal(503, 'HIT-STALE', '')).toMatchObject({ cause: 'app-overload', confidence: 'medium' });
    expect(fastlySignal(500, 'HIT-SYNTH', '')).toMatchObject({ cause: 'proxy-config' });
    expect(fastlySignal(502, '', '')).toBeNull();
    expect(fastlySignal(404, 'ERROR', '')).toBeNull();
  });
});
