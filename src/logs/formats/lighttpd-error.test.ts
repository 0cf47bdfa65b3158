import { describe, expect, it } from 'vitest';
import { parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { impliedErrorStatus } from './error-status.ts';
import { KIND } from './line-parser.ts';
import { LighttpdErrorParser } from './lighttpd-error.ts';

describe('LighttpdErrorParser', () => {
  it("reads its backends' failures as events and their notes as other lines (corpus: Pi-hole's error log)", () => {
    const [down, reenabled] = wildLines('lighttpd-error/pihole-5131-all-handlers-down-503.log');
    const p = new LighttpdErrorParser();
    expect(parse(p, down as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'no-live-upstream', time: { ms: Date.UTC(2023, 0, 18, 18, 35, 26), local: true }, client: '' });
    expect(impliedErrorStatus('lighttpd-error', 'no-live-upstream')).toBe(503);
    expect(parse(p, reenabled as string)).toBe(KIND.other);
  });

  it("reads a refused backend under syslog, without a time of its own (corpus: OPNsense's lighttpd)", () => {
    const lines = wildLines('lighttpd-error/opnsense-6134-rfc5424-gw-backend-503.log');
    const refused = (lines.find((l) => l.includes('Connection refused')) as string).replace(/^.*?\] (?=\()/, '');
    const p = new LighttpdErrorParser();
    expect(parse(p, refused)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'refused', upstream: expect.stringMatching(/^unix:\/tmp\/php-fastcgi\.socket/) });
    expect(Number.isNaN(p.errorEvent?.time.ms)).toBe(true);
  });

  it('reads no other format', () => {
    const p = new LighttpdErrorParser();
    expect(parse(p, '2023/01/18 18:35:26 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream')).toBe(KIND.none);
  });
});
