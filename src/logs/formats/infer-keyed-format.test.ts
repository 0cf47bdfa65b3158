import { describe, expect, it } from 'vitest';
import { wildLines } from '../../../test/logs/helpers.ts';
import { inferKeyedLogFormat } from './infer-keyed-format.ts';
import { compileLogFormat } from './log-format.ts';

describe('inferKeyedLogFormat', () => {
  it('maps the keys of the nginx blog\'s "apm" format and a quoted CLF time to their variables', () => {
    // A line in the shape of `log_format apm` (blog.nginx.org, "Using NGINX Logging for Application Performance Monitoring").
    const line =
      '"08/Nov/2010:14:16:18 -0600" client=10.0.0.1 method=GET request="GET / HTTP/1.1" request_length=80 status=502 bytes_sent=10 body_bytes_sent=0 referer=- user_agent="curl/8.0" upstream_addr=10.0.0.2:80 upstream_status=502 request_time=0.001 upstream_response_time=0.000 upstream_connect_time=- upstream_header_time=-';
    const format = inferKeyedLogFormat(line) as string;
    expect(format).toBe(
      '"$time_local" client=$remote_addr method=$request_method request="$request" request_length=$field_request_length status=$status bytes_sent=$bytes_sent body_bytes_sent=$body_bytes_sent referer=$field_referer user_agent="$field_user_agent" upstream_addr=$upstream_addr upstream_status=$upstream_status request_time=$request_time upstream_response_time=$upstream_response_time upstream_connect_time=$upstream_connect_time upstream_header_time=$upstream_header_time',
    );
    expect(() => compileLogFormat(format)).not.toThrow();
  });

  it('reads abbreviated keys, an ISO time, a bracketed time and an upstream list', () => {
    expect(inferKeyedLogFormat('2024-05-14T10:00:00+00:00 s=502 upstat=502, 502 urt=0.001, 0.002 uct=- path=/x')).toBe(
      '$time_iso8601 s=$status upstat=$upstream_status urt=$upstream_response_time uct=$upstream_connect_time path=$request_uri',
    );
    expect(inferKeyedLogFormat('[14/May/2024:10:00:00 +0000] status=200 us=200 rt=0.1')).toBe('[$time_local] status=$status us=$upstream_status rt=$request_time');
    // Synthetic (parser mechanics): the upstream's response length, nginx's evidence that nothing came back.
    expect(inferKeyedLogFormat('[14/May/2024:10:00:00 +0000] status=502 upstream_status=502 upstream_response_length=0')).toBe(
      '[$time_local] status=$status upstream_status=$upstream_status upstream_response_length=$upstream_response_length',
    );
  });

  it('takes a time from any key whose value has the shape of one', () => {
    expect(inferKeyedLogFormat('time_ngx:14/May/2024:10:00:00 +0000\tstatus:502\tupstream_status:502')).toBe('time_ngx:$time_local\tstatus:$status\tupstream_status:$upstream_status');
  });

  it('reads LTSV with its own labels', () => {
    expect(inferKeyedLogFormat('time:[14/May/2024:10:00:00 +0000]\thost:10.0.0.1\treq:GET / HTTP/1.1\tstatus:200\tsize:5\treqtime:0.001\tapptime:0.001')).toBe(
      'time:[$time_local]\thost:$remote_addr\treq:$request\tstatus:$status\tsize:$field_size\treqtime:$request_time\tapptime:$upstream_response_time',
    );
  });

  it('leaves app logger lines and lines without a status or a request field alone', () => {
    expect(inferKeyedLogFormat('time=2026-07-09T02:42:09Z level=INFO msg=request method=GET path=/api status=502')).toBeNull();
    expect(inferKeyedLogFormat('rt=0.010 urt=- us=- u="-"')).toBeNull();
    expect(inferKeyedLogFormat('status=200 bytes=5 rt=0.1')).toBeNull();
  });

  it("reads labels joined by '|' as LTSV's, each key to its variable (corpus: nginx-custom/hng13-bluegreen-pipe-kv)", () => {
    const [line] = wildLines('nginx-custom/hng13-bluegreen-pipe-kv-upstream-retry-access-whole.log');
    const format = inferKeyedLogFormat(line as string);
    expect(format).toBe('time:$time_iso8601|remote_addr:$remote_addr|method:$request_method|uri:$request_uri|status:$status|body_bytes_sent:$body_bytes_sent|request_time:$request_time|upstream_addr:$upstream_addr|upstream_status:$upstream_status|upstream_response_time:$upstream_response_time|pool:$field_pool|release:$field_release');
    expect(inferKeyedLogFormat('level:info|msg:started')).toBeNull();
  });
});
