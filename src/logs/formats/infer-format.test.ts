import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferLogFormat } from './infer-format.ts';

describe('inferLogFormat', () => {
  it('maps well-known keys to the nginx variables they hold', () => {
    expect(inferLogFormat('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 502 157 "-" "curl/8.0" rt=0.002 us=502 uht=- request_id=abc')).toBe(
      '$remote_addr $remote_ident $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time us=$upstream_status uht=$upstream_header_time request_id=$request_id',
    );
  });

  it("reads a key right after the user agent's closing quote, as the upstream_time format of nginx's blog writes it (corpus: nginx-custom/todo-aspnet-api-timing.log)", () => {
    const line = readFileSync(new URL('../../../test/fixtures/logs/wild/nginx-custom/todo-aspnet-api-timing.log', import.meta.url), 'utf8').split('\n').find((l) => l.includes('" 500 ')) as string;
    // The blog's format ends '"$http_referer" "$http_user_agent"' 'rt=$request_time uct="$upstream_connect_time"
    // uht="$upstream_header_time" urt="$upstream_response_time"': two strings joined with no blank between them.
    expect(inferLogFormat(line)).toMatch(/ "\$http_referer" "\$http_user_agent"rt=\$request_time uct="\$upstream_connect_time" uht="\$upstream_header_time" urt="\$upstream_response_time"$/);
    // Only a key may follow a quote with no blank: two quoted strings run together are no two fields.
    expect(inferLogFormat('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "curl/8.0""x"')).toBeNull();
  });

  it('names unknown fields and keeps brackets, quotes and repeated keys distinct', () => {
    expect(inferLogFormat('10.0.0.1 [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1 [web-80] 17 foo="a b" rt=1 rt=2')).toBe(
      '$remote_addr [$time_local] "$request" $status $body_bytes_sent [$field_0] $field_1 foo="$field_2" rt=$request_time rt=$field_3',
    );
  });

  it('reads the virtual host first and bare fields between the time and the request (Apache `%v %h %l %u %t (%T s) "%r"`, corpus: a Nextcloud host\'s log)', () => {
    const nextcloud = readFileSync(new URL('../../../test/fixtures/logs/wild/apache-vhost-combined/pastebin-cqsfADqY-nextcloud.log', import.meta.url), 'utf8').split('\n')[0] as string;
    expect(inferLogFormat(nextcloud)).toBe(
      '$host $remote_addr $remote_ident $remote_user [$time_local] $field_0 $field_1 "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
    );
    expect(inferLogFormat('10.0.0.1 - - [05/Nov/2019:19:41:03 +0000] 12 "GET / HTTP/1.1" 200 1')).toBe('$remote_addr $remote_ident $remote_user [$time_local] $field_0 "$request" $status $body_bytes_sent');
  });

  it("reads an ISO time in the brackets after `%h %l %u` (Apache's `%{%Y-%m-%d %H:%M:%S}t`, corpus: the netnea tutorial's log), not after a wrapper's one field", () => {
    const netnea = readFileSync(new URL('../../../test/fixtures/logs/wild/apache-custom/netnea-labor07-extended-proxy-2801-4800.log', import.meta.url), 'utf8').split('\n')[0] as string;
    expect(inferLogFormat(netnea)?.startsWith('$remote_addr $remote_ident $remote_user [$time_iso8601] "$request" $status')).toBe(true);
    expect(inferLogFormat('10.0.0.1 [2024-05-01T10:00:00.000Z] "GET / HTTP/1.1" 200 1 7')?.startsWith('$remote_addr [$time_local]')).toBe(true);
  });

  it('leaves a virtual host with nothing before the request to the vhost presets, and a wrapper\'s time is no host', () => {
    expect(inferLogFormat('example.org 10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "curl/8.0" "10.0.0.9:80"')).toBeNull();
    expect(inferLogFormat('2023-01-05T14:41:29.405127661Z 10.0.0.1 - - [05/Jan/2023:14:41:29 +0000] "GET / HTTP/1.1" 504 562 "-" "curl/8.0" "-"')).toBeNull();
  });

  it('returns null for lines without the CLF start or with nothing after it', () => {
    expect(inferLogFormat('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1')).toBeNull();
    expect(inferLogFormat('{"msg":"json"}')).toBeNull();
    expect(inferLogFormat('2024/05/01 10:00:00 [error] 1#1: *1 boom')).toBeNull();
  });
});
