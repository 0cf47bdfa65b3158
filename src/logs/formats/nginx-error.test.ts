import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { NginxErrorParser } from './nginx-error.ts';

describe('NginxErrorParser', () => {
  it("reads a line pasted without its date, by nginx's level and PID#TID, with no time (corpus: nginx-error/nginx-proxy-2126-no-live-upstreams.log)", () => {
    const [line] = wildLines('nginx-error/nginx-proxy-2126-no-live-upstreams.log');
    const p = new NginxErrorParser();
    expect(parse(p, line as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'no-live-upstream', time: { ms: Number.NaN } });
    expect(parse(new NginxErrorParser(), '[error] something else')).toBe(KIND.none);
  });

  it("reads a line pasted from its message on, by the context nginx appends (corpus: nginx-error/nginxproxy-1048-host-unreachable.log)", () => {
    const [line] = wildLines('nginx-error/nginxproxy-1048-host-unreachable.log');
    const p = new NginxErrorParser();
    expect(parse(p, line as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'unreachable', request: 'GET /feed/', upstream: 'http://172.17.0.7:2368/feed/', time: { ms: Number.NaN } });
    // Without a failure nginx names, the same context proves nothing: another program's line.
    expect(parse(new NginxErrorParser(), (line as string).replace(/^connect\(\) failed \(113: Host is unreachable\)/, 'all good'))).toBe(KIND.none);
  });

  it("reads OpenSSL's message pasted alone, capital first (corpus: test/fixtures/diagnose/wild/apisix/upstream-ssl-handshake-failure.log)", () => {
    const text = readFileSync(new URL('../../../test/fixtures/diagnose/wild/apisix/upstream-ssl-handshake-failure.log', import.meta.url), 'utf8');
    const p = new NginxErrorParser();
    expect(parse(p, text.split('\n')[0] as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'tls', request: 'PUT /accounts/v1/ids' });
  });

  it("reads no failure in a debug line's words, \"eof=0\" among them (corpus: test/fixtures/diagnose/wild/envoy/ngx-dynamic-hc-http10-426.log)", () => {
    const text = readFileSync(new URL('../../../test/fixtures/diagnose/wild/envoy/ngx-dynamic-hc-http10-426.log', import.meta.url), 'utf8');
    const line = text.split('\n').find((l) => l.includes('eof=0')) as string;
    expect(parse(new NginxErrorParser(), line)).toBe(KIND.other);
  });

  it("keeps info lines (mechanics: nginx logs a client's early close at info, which explains its 499s)", () => {
    const p = new NginxErrorParser();
    expect(parse(p, '2026/11/21 21:43:08 [info] 17010#17010: *9 client prematurely closed connection while reading upstream, client: 127.0.0.1, server: lab, request: "GET /slow HTTP/1.1"')).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'client-closed' });
  });

  it('reads an upstream failure with its context', () => {
    const p = new NginxErrorParser();
    const line =
      '2026/11/21 21:43:08 [error] 17010#17010: *2 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: lab, request: "GET /connection-refused HTTP/1.1", upstream: "http://127.0.0.1:51136/connection-refused", host: "127.0.0.1:35365"';
    expect(parse(p, line)).toBe(KIND.proxyError);
    expect(p.errorEvent).toEqual({
      time: { ms: Date.UTC(2026, 10, 21, 21, 43, 8), local: true },
      cause: 'refused',
      phase: 'header',
      message: 'connect() failed (111: Connection refused) while connecting to upstream',
      client: '127.0.0.1',
      request: 'GET /connection-refused',
      connection: '2',
      upstream: 'http://127.0.0.1:51136/connection-refused',
      appMessage: '',
    });
  });

  it('keeps the PHP message FastCGI relayed', () => {
    const p = new NginxErrorParser();
    const line =
      '2024/05/01 10:00:00 [error] 7#7: *9 FastCGI sent in stderr: "PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function foo()" while reading response header from upstream, client: 10.0.0.1, server: app, request: "POST /index.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "app"';
    expect(parse(p, line)).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('app-error');
    expect(p.errorEvent?.appMessage).toBe('PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function foo()');
  });

  it('counts start-up notices as read lines without events, and rejects other formats', () => {
    const p = new NginxErrorParser();
    expect(parse(p, '2024/05/01 10:00:00 [notice] 1#1: start worker process 29')).toBe(KIND.other);
    expect(parse(p, '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-"')).toBe(KIND.none);
  });
});
