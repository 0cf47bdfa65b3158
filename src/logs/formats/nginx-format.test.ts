import { describe, expect, it } from 'vitest';
import { detectWild, parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { compileLogFormat, PRESET_FORMATS } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';

function parserFor(format: string, strict = false): NginxFormatParser {
  const p = new NginxFormatParser('nginx-custom', compileLogFormat(format));
  p.strict = strict;
  return p;
}

const COMBINED_LINE =
  '203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif?x=1 HTTP/1.0" 502 2326 "http://example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"';

describe('NginxFormatParser', () => {
  it('reads combined lines: status, time with its zone, and the record on demand', () => {
    const p = new NginxFormatParser('combined', compileLogFormat(PRESET_FORMATS.combined));
    expect(parse(p, COMBINED_LINE)).toBe(KIND.access);
    expect(p.status).toBe(502);
    expect(p.timeMs).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
    expect(p.tzOffsetMin).toBe(-420);
    const r = p.access();
    expect([r.client, r.method, r.path, r.requestId, r.upstream, r.signal]).toEqual(['203.0.113.9', 'GET', '/apache_pb.gif?x=1', '', '', null]);
  });

  it("reads Elastic Beanstalk's enhanced health log: the time in seconds with milliseconds, the path, the status", () => {
    // A whole hourly file committed with an instance's logs (wild corpus): four 502s while the app did not start.
    expect(detectWild('aws-eb-healthd/ebs-dep-healthd-2026-06-23-06.log')).toBe('aws-eb-healthd');
    const [line] = wildLines('aws-eb-healthd/ebs-dep-healthd-2026-06-23-06.log');
    const p = new NginxFormatParser('aws-eb-healthd', compileLogFormat(PRESET_FORMATS['aws-eb-healthd']));
    expect(parse(p, line as string)).toBe(KIND.access);
    expect(p.status).toBe(502);
    expect(p.timeMs).toBe(1782195463290);
    expect(p.access()).toMatchObject({ path: '/', upstream: '' });
    expect(parse(p, '1782195463.290 "/" 502')).toBe(KIND.none);
  });

  it("reads morgan's `-` status (a request the app never answered) as a request that logged no status", () => {
    // An Express app's committed morgan `combined` log (wild corpus): 8 of its 462 lines have `-` for status and size.
    const line = wildLines('morgan-combined/node-restful-api-dash-status.log')[239] as string;
    expect(line).toContain('"GET /api/users HTTP/1.1" - - "-"');
    const p = new NginxFormatParser('combined', compileLogFormat(PRESET_FORMATS.combined));
    expect(parse(p, line)).toBe(KIND.access);
    expect(p.status).toBe(0);
    expect(p.access()).toMatchObject({ status: 0, tcp: true, path: '/api/users', signal: null });
    // Only with its size also `-`: a lone `-` where the status goes is some other format's field.
    for (const other of ['" -- - "', '" - 512 "']) expect(parse(p, line.replace('" - - "', other))).toBe(KIND.none);
  });

  it("reads a line whose time the paste blanked out (`[-----]`) without a time, and its upstream fields all the same (wild corpus)", () => {
    const [line] = wildLines('ingress-nginx/go-gin-marshalling-k3d-502-retries-redacted-time.log');
    const p = new NginxFormatParser('ingress-nginx', compileLogFormat(PRESET_FORMATS['ingress-nginx']));
    expect(parse(p, line as string)).toBe(KIND.access);
    expect([p.status, Number.isNaN(p.timeMs)]).toEqual([502, true]);
    expect(p.access().signal).toMatchObject({ decisive: true });
    expect(p.access().signal?.cause).not.toMatch(/^app-/);
    // Not any text in the brackets: a word there is no blanked time.
    expect(parse(p, (line as string).replace('[-----]', '[yesterday]'))).toBe(KIND.none);
  });

  it('rejects lines that do not fit, and only strict mode checks fields after the last one used', () => {
    const lax = new NginxFormatParser('combined', compileLogFormat(PRESET_FORMATS.combined));
    expect(parse(lax, '203.0.113.9 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 20 1 "-" "-"')).toBe(KIND.none);
    expect(parse(lax, '203.0.113.9 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-" "ua')).toBe(KIND.none);
    expect(parse(lax, '203.0.113.9 - - [not a time] "GET / HTTP/1.0" 200 1 "-" "-"')).toBe(KIND.none);
    expect(parse(lax, '203.0.113.9 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-"x"-"')).toBe(KIND.access);
    const strict = new NginxFormatParser('combined', compileLogFormat(PRESET_FORMATS.combined));
    strict.strict = true;
    expect(parse(strict, '203.0.113.9 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-"x"-"')).toBe(KIND.none);
    expect(parse(strict, `${COMBINED_LINE} "extra"`)).toBe(KIND.access);
    expect(strict.trailing).toBe(' "extra"'.length);
  });

  it("in strict mode, reads no blank in an address, a user or a host and no word in a port (other formats' fields run together)", () => {
    // nginx-proxy's vhost line (wild corpus, under forego's prefix): nginx-main would read "host address" as $remote_addr.
    const [wrapped] = wildLines('nginx-proxy/acme-companion-1040-forego-upstream-addr.log');
    const line = (wrapped as string).replace(/^nginx\.1 +\| /, '');
    expect(parse(parserFor(PRESET_FORMATS['nginx-main'], true), line)).toBe(KIND.none);
    expect(parse(parserFor(PRESET_FORMATS['nginx-main']), line)).toBe(KIND.access);
    expect(parse(parserFor(PRESET_FORMATS['nginx-proxy'], true), line)).toBe(KIND.access);
    // A container runtime's time and stream read as Apache's virtual host, port, address and user.
    const cri = `2022-01-28T16:04:05.413656027Z stdout F ${COMBINED_LINE}`;
    expect(parse(parserFor(PRESET_FORMATS['apache-vhost-combined'], true), cri)).toBe(KIND.none);
    expect(parse(parserFor(PRESET_FORMATS.combined, true), cri)).toBe(KIND.none);
  });

  it("reads BunkerWeb's default format, its request id before the user, which nginx-proxy's strict preset refuses (CrowdSec hub's test log)", () => {
    const [line] = wildLines('bunkerweb-access/crowdsec-hub-bunkerweb-sensitive-files.log');
    const p = parserFor(PRESET_FORMATS.bunkerweb, true);
    expect(parse(p, line as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, client: '127.0.0.1', requestId: 'req001', path: '/.bash_history' });
    expect(parse(parserFor(PRESET_FORMATS['nginx-proxy'], true), line as string)).toBe(KIND.none);
  });

  it("reads Atlassian's access log, before and after the forwarded-for field, each preset refusing the other's line (plaso's test files)", () => {
    const [before] = wildLines('tomcat-access/plaso-jira-access.log');
    const [after] = wildLines('tomcat-access/plaso-jira-access-post94.log');
    const old = parserFor(PRESET_FORMATS['atlassian-access'], true);
    expect(parse(old, before as string)).toBe(KIND.access);
    expect(old.access()).toMatchObject({ status: 200, method: 'GET', path: '/secure/Dashboard.jspa', client: '192.168.1.10' });
    const xff = parserFor(PRESET_FORMATS['atlassian-access-xff'], true);
    expect(parse(xff, after as string)).toBe(KIND.access);
    expect(xff.access()).toMatchObject({ status: 200, path: '/secure/Dashboard.jspa', client: '192.168.1.10' });
    expect(parse(parserFor(PRESET_FORMATS['atlassian-access'], true), after as string)).toBe(KIND.none);
    expect(parse(parserFor(PRESET_FORMATS['atlassian-access-xff'], true), before as string)).toBe(KIND.none);
  });

  it('reads 009, an Apache-escaped quote and a request line that is not HTTP', () => {
    const p = parserFor(PRESET_FORMATS.combined, true);
    expect(parse(p, '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET /a\\"b HTTP/1.1" 009 76 "-" "curl"')).toBe(KIND.access);
    expect(p.status).toBe(9);
    expect(p.access().path).toBe('/a\\"b');
    expect(parse(p, '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "\\x16\\x03\\x01" 400 157 "-" "-"')).toBe(KIND.access);
    expect([p.access().method, p.access().path]).toEqual(['', '\\x16\\x03\\x01']);
  });

  it('keeps multi-valued upstream fields whole even when they are not quoted', () => {
    const p = parserFor('$remote_addr [$time_local] "$request" $status us=$upstream_status ua=$upstream_addr uht=$upstream_header_time rid=$request_id');
    const line = '10.0.0.1 [01/May/2024:10:00:00 +0000] "GET /x HTTP/1.1" 504 us=502, 502 : 504 ua=10.0.0.2:80, 10.0.0.3:80 : 10.0.0.4:80 uht=-, -, - rid=abc123';
    expect(parse(p, line)).toBe(KIND.access);
    const r = p.access();
    expect(r.requestId).toBe('abc123');
    expect(r.upstream).toBe('10.0.0.2:80, 10.0.0.3:80 : 10.0.0.4:80');
    expect(r.signal?.cause).toBe('timeout');
  });

  it('reads $time_iso8601 and $msec, and method and uri from their own variables', () => {
    const iso = parserFor('$time_iso8601 $request_method $request_uri $status');
    expect(parse(iso, '2024-05-01T10:00:00+02:00 POST /login 500')).toBe(KIND.access);
    expect(iso.timeMs).toBe(Date.UTC(2024, 4, 1, 8));
    expect([iso.access().method, iso.access().path]).toEqual(['POST', '/login']);
    const msec = parserFor('$msec $status');
    expect(parse(msec, '1714557600.250 200')).toBe(KIND.access);
    expect(msec.timeMs).toBe(1714557600250);
  });

  it('reads the ingress-nginx default format', () => {
    const p = new NginxFormatParser('ingress-nginx', compileLogFormat(PRESET_FORMATS['ingress-nginx']));
    p.strict = true;
    const line =
      '192.168.1.5 - - [01/May/2024:10:00:00 +0000] "GET /api HTTP/1.1" 504 160 "-" "curl/8.0" 81 60.001 [default-api-80] [] 10.1.2.3:8080 0 60.000 504 7f3a9c2b5e1d4f6a8b9c0d1e2f3a4b5c';
    expect(parse(p, line)).toBe(KIND.access);
    expect(p.trailing).toBe(0);
    const r = p.access();
    expect([r.requestId, r.upstream, r.requestTime]).toEqual(['7f3a9c2b5e1d4f6a8b9c0d1e2f3a4b5c', '10.1.2.3:8080', 60.001]);
    // $upstream_response_length 0 on a 504 attempt: nothing came back, the 504 is nginx's own timeout.
    expect(r.signal).toMatchObject({ cause: 'timeout', decisive: true, confidence: 'medium' });
  });

  it("reads Nginx Proxy Manager's proxy-host format, and detects it", () => {
    // hassio-addons/app-nginx-proxy-manager#350: a proxy-host line, the reporter's addresses redacted.
    const [line] = wildLines('nginx-proxy-manager/hassio-350-alexa.log');
    const p = new NginxFormatParser('nginx-proxy-manager', compileLogFormat(PRESET_FORMATS['nginx-proxy-manager']));
    p.strict = true;
    expect(parse(p, line as string)).toBe(KIND.access);
    expect(p.trailing).toBe(0);
    expect(p.access()).toMatchObject({ status: 200, method: 'POST', path: '/api/alexa/smart_home', client: '34.244.xxx.xxx', signal: null });
    expect(p.timeMs).toBe(Date.UTC(2022, 7, 16, 19, 0, 40));
    expect(detectWild('nginx-proxy-manager/hassio-350-alexa.log')).toBe('nginx-proxy-manager');
  });

  it("reads nginx-proxy's vhost format, blanks after the line's last field included (kept as published)", () => {
    // x3rus/training: nginx-proxy's access line under docker compose and forego prefixes, trailing blanks kept.
    const [published] = wildLines('compose/x3rus-nginx-proxy-access.log');
    const line = (published as string).slice((published as string).lastIndexOf('| ') + 2);
    expect(line).toMatch(/^demo2\.x3rus\.com 172\.23\.0\.1 .*" +$/);
    const p = new NginxFormatParser('nginx-proxy', compileLogFormat(PRESET_FORMATS['nginx-proxy']));
    expect(parse(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, client: '172.23.0.1', path: '/favicon.ico' });
  });

  it('decodes kept fields as UTF-8 while scanning latin1 text', () => {
    const p = parserFor(PRESET_FORMATS.combined);
    expect(parse(p, '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET /café HTTP/1.1" 500 1 "-" "-"')).toBe(KIND.access);
    expect(p.access().path).toBe('/café');
  });
});

describe('guessed value lengths (format-scanner.ts)', () => {
  const format = '$remote_addr $remote_user [$time_local] "$request" $status';

  it('takes a lone char as the value only when it is not where the literal starts', () => {
    const p = parserFor(format, true);
    expect(parse(p, '1.2.3.4  [01/May/2024:10:00:00 +0000] "GET /empty-user HTTP/1.1" 502')).toBe(KIND.access);
    expect([p.access().client, p.access().path, p.trailing]).toEqual(['1.2.3.4', '/empty-user', 0]);
    expect(parse(p, '1.2.3.4 - [01/May/2024:10:00:00 +0000] "\\" x" 502')).toBe(KIND.access);
    expect([p.access().method, p.access().path]).toEqual(['\\"', 'x']);
    const upstream = parserFor('$status $upstream_status $request_id');
    expect(parse(upstream, '504 - : 504 abc')).toBe(KIND.access);
    expect(upstream.access().requestId).toBe('abc');
  });

  it('never reads past the end of the line, into the next one', () => {
    const p = parserFor(format);
    const text = '1.2.3.4 -\n [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200\n';
    const buf = Buffer.from(text);
    expect(p.parse(buf, buf.toString('latin1'), 0, text.indexOf('\n'))).toBe(KIND.none);
  });

  it('searches again when a guessed time turns out not to be one', () => {
    // 26 chars after `[` end in `] "`, but they are a zone-less time and the start of the request.
    const p = parserFor(format);
    expect(parse(p, '1.2.3.4 - [01/May/2024:10:00:00] "abc] "GET / HTTP/1.1" 502')).toBe(KIND.access);
    expect([p.timeMs, p.access().method]).toEqual([Date.UTC(2024, 4, 1, 10), 'abc]']);
  });

  it('handles literals as data, whatever characters they hold', () => {
    const p = parserFor('$remote_addr `); "\\" */ ${status}');
    expect(parse(p, '1.2.3.4 `); "\\" */ 503')).toBe(KIND.access);
    expect([p.status, p.access().client]).toEqual([503, '1.2.3.4']);
  });
});

/** The same format with every guess off: the scanner then only searches, as the parser did before guessing. */
function searchOnly(format: string): NginxFormatParser {
  const compiled = compileLogFormat(format);
  return new NginxFormatParser('nginx-custom', { ...compiled, guesses: new Uint8Array(compiled.guesses.length) });
}

function outcome(p: NginxFormatParser, line: string): unknown {
  const kind = parse(p, line);
  return kind === KIND.access ? [kind, p.status, p.timeMs, p.tzOffsetMin, p.trailing, p.access()] : [kind];
}

/** Seeded edits that hit the guesses' edges: the chars literals start with, `-`, backslashes, digits. */
function mutations(line: string, count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const chars = [' ', '"', '-', '[', ']', '\\', '0', '5', ':', ',', '+', 'x'];
  return Array.from({ length: count }, () => {
    let text = line;
    for (let edits = 1 + next(3); edits > 0; edits--) {
      const at = next(text.length + 1);
      const op = next(3);
      const ch = chars[next(chars.length)] as string;
      text = op === 0 ? text.slice(0, at) + ch + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at + 1);
    }
    return text;
  });
}

describe('guessing never changes what a line reads as', () => {
  it.each([
    ['combined', PRESET_FORMATS.combined, '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 502 7 "-" "curl/8"'],
    ['upstream lists', '$remote_addr - [$time_local] "$request" $status $upstream_status $upstream_addr $request_id', '10.0.0.1 - [01/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 504 - : 504 10.0.0.2:80 abc'],
  ])('%s: 4,000 mutated lines read the same with and without guesses, lax and strict', (_name, format, line) => {
    for (const strict of [false, true]) {
      const guessing = parserFor(format, strict);
      const searching = searchOnly(format);
      searching.strict = strict;
      const lines = mutations(line, 2000, strict ? 7 : 11);
      const differ = lines.filter((l) => JSON.stringify(outcome(guessing, l)) !== JSON.stringify(outcome(searching, l)));
      expect(differ).toEqual([]);
      // The mutations must reach both outcomes, or the comparison proves little.
      const read = lines.filter((l) => parse(guessing, l) === KIND.access).length;
      expect(read).toBeGreaterThan(100);
      expect(read).toBeLessThan(lines.length - 100);
    }
  });
});
