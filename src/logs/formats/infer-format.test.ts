import { describe, expect, it } from 'vitest';
import { inferLogFormat } from './infer-format.ts';

describe('inferLogFormat', () => {
  it('maps well-known keys to the nginx variables they hold', () => {
    expect(inferLogFormat('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 502 157 "-" "curl/8.0" rt=0.002 us=502 uht=- request_id=abc')).toBe(
      '$remote_addr $remote_ident $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time us=$upstream_status uht=$upstream_header_time request_id=$request_id',
    );
  });

  it('names unknown fields and keeps brackets, quotes and repeated keys distinct', () => {
    expect(inferLogFormat('10.0.0.1 [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1 [web-80] 17 foo="a b" rt=1 rt=2')).toBe(
      '$remote_addr [$time_local] "$request" $status $body_bytes_sent [$field_0] $field_1 foo="$field_2" rt=$request_time rt=$field_3',
    );
  });

  it('returns null for lines without the CLF start or with nothing after it', () => {
    expect(inferLogFormat('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1')).toBeNull();
    expect(inferLogFormat('{"msg":"json"}')).toBeNull();
    expect(inferLogFormat('2024/05/01 10:00:00 [error] 1#1: *1 boom')).toBeNull();
  });
});
