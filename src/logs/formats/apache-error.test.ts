import { describe, expect, it } from 'vitest';
import { parseLine as parse } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { ApacheErrorParser } from './apache-error.ts';

describe('ApacheErrorParser', () => {
  it('reads 2.4 lines with the errno prefix and the client', () => {
    const p = new ApacheErrorParser();
    const line =
      '[Wed Oct 11 14:32:52.123456 2000] [proxy_http:error] [pid 1234:tid 5678] (70007)The timeout specified has expired: [client 10.0.0.1:51234] AH01102: error reading status line from remote server 127.0.0.1:8080';
    expect(parse(p, line)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({
      time: { ms: Date.UTC(2000, 9, 11, 14, 32, 52, 123), local: true },
      cause: 'timeout',
      phase: 'header',
      client: '10.0.0.1',
      request: '',
      upstream: '127.0.0.1:8080',
    });
  });

  it('reads 2.2 lines and ignores lines about other things', () => {
    const p = new ApacheErrorParser();
    expect(parse(p, '[Wed Oct 11 14:32:52 2000] [error] [client 127.0.0.1] (111)Connection refused: proxy: HTTP: attempt to connect to 127.0.0.1:8080 (*) failed')).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('refused');
    expect(parse(p, '[Wed Oct 11 14:32:52 2000] [notice] Apache/2.2.22 configured -- resuming normal operations')).toBe(KIND.other);
  });
});
