import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { ApacheErrorParser } from './apache-error.ts';

/** Kind per line, and the cause, phase, client and upstream of each event. */
function readAll(lines: string[]): Array<string | [string, string, string, string]> {
  const p = new ApacheErrorParser();
  return lines.map((line) => {
    const kind = parse(p, line);
    if (kind !== KIND.proxyError) return kind === KIND.other ? 'other' : 'none';
    const e = p.errorEvent;
    return [e?.cause ?? '', e?.phase ?? '', e?.client ?? '', e?.upstream ?? ''];
  });
}

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

  it('reads a line pasted without its time, by its module, level and pid (corpus: apache-error/pix-248-ah01102-reset.log)', () => {
    const [line] = wildLines('apache-error/pix-248-ah01102-reset.log');
    const p = new ApacheErrorParser();
    expect(parse(p, line as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ time: { ms: Number.NaN }, cause: 'reset', phase: 'header', client: '189.46.56.5', upstream: 'dict-h.pi.rsfn.net.br:16522' });
    // The module and level alone, without the pid, are any program's brackets.
    expect(parse(new ApacheErrorParser(), (line as string).replace(/ \[pid \d+\]/, ''))).toBe(KIND.none);
  });

  it('reads 2.2 lines by their text and ignores lines about other things', () => {
    const p = new ApacheErrorParser();
    expect(parse(p, '[Wed Oct 11 14:32:52 2000] [error] [client 127.0.0.1] (111)Connection refused: proxy: HTTP: attempt to connect to 127.0.0.1:8080 (*) failed')).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('refused');
    expect(parse(p, '[Wed Oct 11 14:32:52 2000] [notice] Apache/2.2.22 configured -- resuming normal operations')).toBe(KIND.other);
    // The "typical log message" of the httpd manual (apache/httpd@f4c1e18ead5d642698034b831121cbb82b55f60e:docs/manual/logs.xml), on one line.
    expect(parse(p, '[Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] File does not exist: /usr/local/apache2/htdocs/favicon.ico')).toBe(
      KIND.other,
    );
  });

  // The wild corpus: each refused request wrote AH00957 (no client, the errno) then AH01114 (the client, a 503).
  it('counts a refused request once, with the connect attempt’s errno and address', () => {
    const lines = readFileSync(new URL('../../../test/fixtures/logs/wild/apache-error/freedombox-895-ah01114.log', import.meta.url), 'utf8').trimEnd().split('\n');
    expect(readAll(lines)).toEqual([
      'other',
      'other',
      'other',
      ['refused', 'header', '10.0.2.2', '127.0.0.1:8000'],
      'other',
      ['refused', 'header', '10.0.2.2', '127.0.0.1:8000'],
    ]);
  });
});

// Synthetic lines, for the mechanics: the messages are mod_proxy's format strings (apache-proxy-codes.ts) filled in,
// in the default 2.4 ErrorLogFormat; the same [pid:tid] marks the lines of one request.
const at = (s: string, module: string, thread: string) => `[Wed May 01 10:00:0${s}.000100 2024] [${module}:error] [pid 7:tid ${thread}] `;

describe('ApacheErrorParser and mod_proxy’s codes', () => {
  it('takes the cause from the errno for backend-side codes, not for the client’s body', () => {
    expect(
      readAll([
        `${at('0', 'proxy', '1')}(110)Connection timed out: AH00957: HTTP: attempt to connect to 10.0.0.5:80 (app) failed`,
        `${at('0', 'proxy', '1')}AH00959: ap_proxy_connect_backend disabling worker for (app:80) for 60s`,
        `${at('0', 'proxy_http', '1')}[client 10.0.0.1:5000] AH01114: HTTP: failed to make connection to backend: app`,
        `${at('1', 'proxy', '2')}(70007)The timeout specified has expired: [client 10.0.0.2:5000] AH01084: pass request body failed to 10.0.0.5:80 (app)`,
        `${at('1', 'proxy_http', '2')}[client 10.0.0.2:5000] AH01097: pass request body failed to 10.0.0.5:80 (app) from 10.0.0.2 ()`,
        `${at('2', 'proxy', '3')}(70007)The timeout specified has expired: [client 10.0.0.3:5000] AH01095: prefetch request body failed to 10.0.0.5:80 (app) from 10.0.0.3 ()`,
        `${at('3', 'proxy_http', '4')}(104)Connection reset by peer: [client 10.0.0.4:5000] AH01110: error reading response`,
      ]),
    ).toEqual([
      'other',
      'other',
      ['timeout', 'header', '10.0.0.1', '10.0.0.5:80'],
      ['timeout', 'header', '10.0.0.2', '10.0.0.5:80'],
      'other',
      ['client-closed', 'header', '10.0.0.3', '10.0.0.5:80'],
      ['reset', 'body', '10.0.0.4', ''],
    ]);
  });

  it('counts AH00898 only when no line of its request came before, by what its text names', () => {
    expect(
      readAll([
        `${at('0', 'proxy_http', '1')}(104)Connection reset by peer: [client 10.0.0.1:5000] AH01102: error reading status line from remote server app:80`,
        `${at('0', 'proxy', '1')}[client 10.0.0.1:5000] AH00898: Error reading from remote server returned by /api`,
        `${at('2', 'proxy', '2')}(-3)Temporary failure in name resolution: [client 10.0.0.2:5000] AH00898: DNS lookup failure for: app returned by /api`,
        `${at('3', 'proxy', '3')}[client 10.0.0.3:5000] AH00898: Corrupt status line returned by remote server: OK returned by /api`,
      ]),
    ).toEqual([['reset', 'header', '10.0.0.1', 'app:80'], 'other', ['dns', 'header', '10.0.0.2', ''], ['invalid-response', 'header', '10.0.0.3', '']]);
  });

  it('reads a worker in error state, a full pool and a balancer with no worker left as the proxy’s own 503', () => {
    expect(
      readAll([
        `${at('0', 'proxy', '1')}AH00940: HTTP: disabled connection for (app:80)`,
        `${at('1', 'proxy', '2')}(70007)The timeout specified has expired: AH00941: HTTP: failed to acquire connection for (app:80)`,
        `${at('2', 'proxy_balancer', '3')}[client 10.0.0.1:5000] AH01170: balancer://mycluster: All workers are in error state`,
      ]),
    ).toEqual([
      ['no-live-upstream', 'header', '', 'app:80'],
      ['load-shed', 'header', '', 'app:80'],
      ['no-live-upstream', 'header', '10.0.0.1', ''],
    ]);
  });

  it('does not count a connect attempt no request claimed (a health check)', () => {
    expect(readAll([`${at('0', 'proxy', '1')}(111)Connection refused: AH00957: HCOH: attempt to connect to 10.0.0.5:80 (app) failed`])).toEqual(['other']);
  });

  it("reads a custom ErrorLogFormat's lines, `[%{cu}t] [%-m:%l] %-a %-L` (corpus: the netnea tutorial's ModSecurity warnings, no request failure in them)", () => {
    const p = new ApacheErrorParser();
    const lines = wildLines('apache-error/netnea-labor07-modsecurity-error-1108-2388.log').slice(0, 20);
    expect(lines.map((line) => parse(p, line))).toEqual(lines.map(() => KIND.other));
  });

  it("reads a custom ErrorLogFormat's time in the access log's form, with its zone (corpus: apache-error/vrl-parse-apache-log-proxy-error)", () => {
    const p = new ApacheErrorParser();
    const [line] = wildLines('apache-error/vrl-parse-apache-log-proxy-error.log');
    // AH00957 is the connect attempt: it waits for the request's own line, so it is read, not yet an event.
    expect(parse(p, line as string)).toBe(KIND.other);
    expect(parse(p, '[01/Mar/2021:12:00:19 +0100] [proxy_http:error] [pid 23964] [client 10.0.0.9:5000] AH01114: HTTP: failed to make connection to backend: 10.1.0.244')).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'unreachable', time: { ms: Date.UTC(2021, 2, 1, 11, 0, 19), local: false } });
  });
});
