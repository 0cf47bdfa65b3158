import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferJsonLogFormat } from './infer-json-format.ts';

const wild = (path: string) => readFileSync(new URL(`../../../test/fixtures/logs/wild/${path}`, import.meta.url), 'utf8').split('\n')[0] as string;

describe('inferJsonLogFormat', () => {
  // goaccess#2492's log_json line (wild corpus): camelCase keys, numbers unquoted, the time in ISO 8601.
  it('maps the usual key names of a published nginx JSON line to the variables they hold', () => {
    expect(inferJsonLogFormat(wild('nginx-json/goaccess-2492-log-json.log'))).toBe(
      '{"accessIpList":"$field_0","clientIp":"$remote_addr","cookie":"$field_1","httpHost":"$http_host","timestamp":"$time_iso8601",' +
        '"method":"$request_method","url":"$request_uri","status":$status,"httpReferer":"$http_referer","bodyBytesSent":$body_bytes_sent,' +
        '"requestTime":"$request_time","ua":"$field_2","totalBytesSent":$field_3,"serverIp":"$field_4"}',
    );
  });

  // ingress-nginx#8252 (wild corpus): the request's fields in an httpRequest object, as Google Cloud Logging names them.
  it("names the fields of Google's httpRequest object inside the line", () => {
    const format = inferJsonLogFormat(wild('nginx-json/ingress-nginx-8252-default-backend.log')) ?? '';
    expect(format).toContain('"httpRequest":{"requestMethod":"$request_method","requestUrl":"$request_uri","status":"$status"');
    expect(format).toContain('"upstreamStatus":"$upstream_status","upstreamAddr":"$upstream_addr"');
  });

  // ingress-nginx#10847 (wild corpus): the same fields under a "request" object, beside ingress-nginx's own keys.
  it('names the fields of a request object inside the line', () => {
    const format = inferJsonLogFormat(wild('nginx-json/ingress-nginx-10847-499.log')) ?? '';
    expect(format).toContain('"request":{"requestMethod":"$request_method","requestUrl":"$request_uri","status":"$status"');
    expect(format).toContain('"proxyUpstreamName":"$proxy_upstream_name"');
  });

  // Synthetic lines, for the mechanics: spacing kept, values nginx left unquoted (`-`, a list of upstream tries).
  it('keeps the spacing and reads unquoted values up to the next key', () => {
    const line =
      '{ "time_local": "01/May/2024:10:00:00 +0000", "request": "GET /a HTTP/1.1", "status": "502", "bytes_sent": 0, "request_time": 0.004, ' +
      '"upstream_status": 502, 502, "upstream_header_time": -, "upstream": "10.0.0.2:80, 10.0.0.3:80" }';
    expect(inferJsonLogFormat(line)).toBe(
      '{ "time_local": "$time_local", "request": "$request", "status": "$status", "bytes_sent": $bytes_sent, "request_time": $request_time, ' +
        '"upstream_status": $upstream_status, "upstream_header_time": $upstream_header_time, "upstream": "$upstream_addr" }',
    );
  });

  it("prefers a key that is the variable's own name to a usual alias, and reads the time by its shape", () => {
    const line = '{"time":1714557600.123,"client_ip":"198.51.100.7","remote_addr":"10.0.0.1","uri":"/a","status":200,"body_bytes_sent":1,"request_time":0.001}';
    expect(inferJsonLogFormat(line)).toBe(
      '{"time":$msec,"client_ip":"$field_0","remote_addr":"$remote_addr","uri":"$uri","status":$status,"body_bytes_sent":$body_bytes_sent,"request_time":$request_time}',
    );
  });

  // Apache's LogFormat written as JSON (held-out set 142): `%t` keeps its brackets inside the quotes.
  it("reads Apache's bracketed time inside a JSON value as the time (corpus: apache-json/izaan-api_access.log)", () => {
    expect(inferJsonLogFormat(wild('apache-json/izaan-api_access.log'))).toBe(
      '{"time":"[$time_local]", "remoteIP":"$remote_addr", "host":"$host", "request":"$request", "status":"$status", "userAgent":"$field_0"}',
    );
  });

  it('leaves app JSON, nested access records and arrays alone', () => {
    expect(inferJsonLogFormat('{"level":30,"time":1714557600000,"msg":"request completed","res":{"statusCode":500},"responseTime":3}')).toBeNull();
    expect(inferJsonLogFormat('{"time":"2024-05-01T10:00:00Z","status":500,"method":"GET","url":"/x","duration":12}')).toBeNull();
    expect(inferJsonLogFormat('{"nginx":{"status":502,"request":"GET / HTTP/1.1","body_bytes_sent":0,"request_time":0.1}}')).toBeNull();
    expect(inferJsonLogFormat('{"status":502,"request":"GET / HTTP/1.1","body_bytes_sent":0,"request_time":0.1,"hops":["a"]}')).toBeNull();
    expect(inferJsonLogFormat('{"status":"-","request":"GET / HTTP/1.1","body_bytes_sent":0,"request_time":0.1}')).toBeNull();
    expect(inferJsonLogFormat('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1')).toBeNull();
  });
});
