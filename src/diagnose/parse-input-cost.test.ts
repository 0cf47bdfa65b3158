/**
 * The paste-form readers (log prefixes, interceptor lines, client printouts and error messages, string literals, system-call traces)
 * against 1 MB pastes built to make them loop or backtrack: repeated status keys, arrows, quotes, calls and long
 * runs of blanks. A reader that rescans the paste from every line makes the API hang; this fails first.
 */
import { describe, expect, it } from 'vitest';
import { parseInput } from './parse-input.ts';
import { diagnose } from './diagnose.ts';
import { parseLogLines } from './parse-log-lines.ts';

const SIZE = 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const PASTES = [
  fill('status: 502,\n'),
  fill('  headers: {\n    status: 502,\n'),
  fill('<-- 502 Bad Gateway https://a.example/x '),
  fill('2021-03-04 10:11:12.345 1-2/app D/OkHttp: <-- 502 x (1ms)\n'),
  fill(' '),
  fill("'\\n' +\n"),
  fill('writev(3, [{iov_base="HTTP/1.1 502 x\\r\\n", '),
  fill('read(3, "HTTP/1.1 502 x\\r\\n"..., 9) = 9\n'),
  fill('&http.Response{Status:"502 x", StatusCode:502, Header:http.Header{"A":[]string{"'),
  fill('{null=[HTTP/1.1 502 x], A=[b], '),
  fill('<Response [502]>\n{\'A\': \''),
  fill('> HTTP/1.1 502 x\n< '),
  fill('HTTP/1.1 502 x\n'),
  fill('22:43:23 x\n'),
  `<-- 502 ${fill(' ')}(1ms)`,
  // Clients' error messages (parse-client-error.ts): repeated near-misses of each wording, one huge line, bodies.
  fill('502 Server Error: Bad Gateway for url '),
  fill("502, message='Bad Gateway', url=URL('https://a.example/"),
  fill('HttpServerErrorException$BadGateway: 502 Bad Gateway: [<html>\n'),
  `HttpServerErrorException: 503 Service Unavailable: [${fill('<p>]x\n')}`,
  `AxiosError: Request failed with status code 502\n${fill('<html>\n')}`,
  fill('https://a.example/x 503 Service '),
  fill('npm ERR! 502 Bad Gateway - GET '),
  fill('Error from server (ServiceUnavailable '),
  fill('HTTP 502: x (https://a.example/'),
  fill('npm ERR! x\n'),
  // apt's proxy message (parse-apt-proxy.ts) on one long line, and cassettes (parse-cassette.ts) just under the size it
  // still parses: marks of each kind repeated.
  fill('Invalid response from proxy: HTTP/1.1 502 x  A: b '),
  '.reply(502, "x", '.repeat(30_000),
  '- response:\n    status: {code: 502\n'.repeat(12_000),
  '{"response": {"x": 1, "status": {"code": '.repeat(12_000),
  `[${fill('https://a.example/ 503 Service Unavailable x')}`,
  // Members without braces, pages printed as literals or with escaped quotes, curl --fail lines, bracketed log prefixes.
  `"a": ${fill('[{"b": ')}`,
  fill("responseBody: '<html>\\r\\n' +\n"),
  fill('<p class=\\"a\\">\\xE2\\x80\\x93'),
  fill('curl: (22) The requested URL returned error: 502\n<html>\n'),
  fill('29/Jan/2016:15:17:26 +0100 [ERROR 502 /x] dial tcp 127.0.0.1:9000\n'),
  // Access-log lines (parse-log-lines.ts): near-misses of log formats, markdown around them, one huge line.
  fill('1.2.3.4 - - [10/Mar/2022:14:00:56 +0000] "GET / HTTP/1.1" 503 217 "" "" 1 2 "a~" "b" "c" 0 0 -1 -1 3 CC-- 4 1 0 0 0 0 0\n'),
  fill('`**503 UC** '),
  fill('> `a`\n'),
  fill('[2019-04-30T06:23:58.601Z] "GET / HTTP/2" 503 UC 0 57 0 - "'),
  fill('{"status":502,"upstream_status":"'),
  // Objects as Node's util.inspect prints them (printed-object.ts): one huge object of bare keys, and its stand-ins.
  `{${fill(" k: 'v',")} }`,
  `AirtableError {${fill(' a: [Object], b: undefined,')} }`,
  // Apache HttpClient's wire log (wire-log.ts): many chunks, and an unclosed quote on a long line.
  fill('a << "HTTP/1.1 502 x[\\r][\\n]"\n'),
  `x << "${fill('[0x1b]')}`,
];
const BUDGET_MS = 3000;

describe('parseInput on hostile pastes', () => {
  it('reads (or refuses) each 1 MB paste within the budget', () => {
    const slow: string[] = [];
    for (const paste of PASTES) {
      const started = performance.now();
      try {
        parseInput(paste);
      } catch {
        // Refusing is an answer too; only the time counts here.
      }
      const took = performance.now() - started;
      if (took > BUDGET_MS) slow.push(`${JSON.stringify(paste.slice(0, 30))}…: ${Math.round(took)} ms`);
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it('reads each 1 MB paste as access-log lines (or not) within the budget', () => {
    const slow = PASTES.filter((paste) => {
      const started = performance.now();
      parseLogLines(paste);
      return performance.now() - started > BUDGET_MS;
    });
    expect(slow.map((paste) => JSON.stringify(paste.slice(0, 30)))).toEqual([]);
  }, 120_000);

  it('diagnoses (or refuses) each 1 MB paste within the budget, the fallbacks of unread input included', () => {
    const slow = PASTES.filter((paste) => {
      const started = performance.now();
      try {
        diagnose(paste);
      } catch {
        // Refusing is an answer too.
      }
      return performance.now() - started > BUDGET_MS;
    });
    expect(slow.map((paste) => JSON.stringify(paste.slice(0, 30)))).toEqual([]);
  }, 180_000);
});
