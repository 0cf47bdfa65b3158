/** nginx JSON access logs (`nginx-json`): given as a log_format with --format, or inferred from the first line. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { detectFormat, sampleLines } from './detect.ts';
import { KIND } from './line-parser.ts';
import { ROLE } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';
import { createParser, PROXY_FORMATS, resolveFormat } from './registry.ts';

const options = { appFields: {} };

// ingress-nginx's documented JSON `log-format-upstream` (kubernetes/ingress-nginx@01c4cd8b78b20cc5c40b19c9da23e27b286171ad:
// docs/user-guide/nginx-configuration/configmap.md, "log-format-upstream"), as YAML folds it onto one line.
const INGRESS_JSON =
  '{"time": "$time_iso8601", "remote_addr": "$proxy_protocol_addr", "x_forwarded_for": "$proxy_add_x_forwarded_for", "request_id": "$req_id", ' +
  '"remote_user": "$remote_user", "bytes_sent": $bytes_sent, "request_time": $request_time, "status": $status, "vhost": "$host", "request_proto": "$server_protocol", ' +
  '"path": "$uri", "request_query": "$args", "request_length": $request_length, "duration": $request_time,"method": "$request_method", "http_referrer": "$http_referer", ' +
  '"http_user_agent": "$http_user_agent" }';

describe('nginx JSON access logs given with --format', () => {
  it('takes a log_format that writes JSON as nginx-json, with escape=json and the log_format name', () => {
    const { format, custom } = resolveFormat(`log_format upstreaminfo escape=json '${INGRESS_JSON}';`);
    expect(format).toBe('nginx-json');
    expect(custom?.source).toBe(INGRESS_JSON);
    const variable = (role: number) => custom?.variables[custom.byRole[role] as number];
    expect([variable(ROLE.status), variable(ROLE.uri), variable(ROLE.method), variable(ROLE.requestId), variable(ROLE.timeIso)]).toEqual([
      'status',
      'uri',
      'request_method',
      'req_id',
      'time_iso8601',
    ]);
    expect(resolveFormat('$remote_addr [$time_local] "$request" $status').format).toBe('nginx-custom');
  });

  // A synthetic line in that format, for the mechanics: a JSON-escaped quote in a value, the status unquoted.
  it('reads its lines with the generated scanner', () => {
    const { custom } = resolveFormat(INGRESS_JSON);
    const p = createParser('nginx-json', { ...options, custom });
    const line =
      '{"time": "2024-05-01T10:00:00+07:00", "remote_addr": "", "x_forwarded_for": "10.0.0.1", "request_id": "7f3a9c2b5e1d4f6a", "remote_user": "", ' +
      '"bytes_sent": 345, "request_time": 0.012, "status": 503, "vhost": "a.example", "request_proto": "HTTP/1.1", "path": "/q\\"x", "request_query": "", ' +
      '"request_length": 80, "duration": 0.012,"method": "GET", "http_referrer": "", "http_user_agent": "curl/8.0" }';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.status).toBe(503);
    expect(p.timeMs).toBe(Date.UTC(2024, 4, 1, 3));
    expect(p.access()).toMatchObject({ method: 'GET', path: '/q"x', requestId: '7f3a9c2b5e1d4f6a', requestTime: 0.012, signal: null });
  });

  // Synthetic lines, for the mechanics: the upstream variables go through the same rules as the text formats'.
  it("reads the upstream variables with nginx's signal rules", () => {
    const { custom } = resolveFormat(
      '{"status":$status,"request":"$request","upstream_status":"$upstream_status","upstream_addr":"$upstream_addr","upstream_connect_time":"$upstream_connect_time","upstream_header_time":"$upstream_header_time"}',
    );
    const p = createParser('nginx-json', { ...options, custom });
    const read = (line: string) => (parseLine(p, line) === KIND.access ? p.access().signal : undefined);
    const refused = read('{"status":502,"request":"GET / HTTP/1.1","upstream_status":"502","upstream_addr":"10.0.0.2:80","upstream_connect_time":"-","upstream_header_time":"-"}');
    expect(refused).toMatchObject({ cause: 'refused', evidence: { kind: 'upstream-fields' } });
    const app = read('{"status":500,"request":"GET / HTTP/1.1","upstream_status":"500","upstream_addr":"10.0.0.2:80","upstream_connect_time":"0.001","upstream_header_time":"0.020"}');
    expect(app?.cause).toBe('app-error');
    const group = read('{"status":502,"request":"GET / HTTP/1.1","upstream_status":"502","upstream_addr":"backend","upstream_connect_time":"-","upstream_header_time":"-"}');
    expect(group?.cause).toBe('no-live-upstream');
  });

  it('is no format detection tries on its own (it needs a log_format)', () => {
    expect(PROXY_FORMATS).not.toContain('nginx-json');
    expect(() => createParser('nginx-json', options)).toThrow(expect.objectContaining({ code: 'HW_ERR_LOGS_BAD_LOG_FORMAT' }));
  });
});

describe('nginx JSON access logs detected without --format', () => {
  const proxy = [...PROXY_FORMATS, 'app-json' as const];
  const detect = (text: string) => detectFormat(sampleLines(Buffer.from(text), true), proxy, options, true);

  it('infers the format of the wild-corpus line (goaccess#2492) and reads it before app JSON would', () => {
    const text = readFileSync(new URL('../../../test/fixtures/logs/wild/nginx-json/goaccess-2492-log-json.log', import.meta.url), 'utf8');
    const d = detect(text);
    expect(d?.format).toBe('nginx-json');
    expect(d?.matched).toBe(1);
    const p = new NginxFormatParser('nginx-json', d?.custom as NonNullable<typeof d>['custom'] & object);
    expect(parseLine(p, text.trimEnd())).toBe(KIND.access);
    expect(p.status).toBe(200);
    expect(p.timeMs).toBe(Date.UTC(2023, 2, 13, 3, 4, 2));
    expect(p.access()).toMatchObject({ client: '113.24.224.111', method: 'GET', requestTime: 0 });
  });

  // Captured from nginx 1.22.1 (test/fixtures/logs/README.md): an escape=json format, quotes escaped in the values.
  it('reads a real nginx capture without being told its format, upstream fields and escapes included', () => {
    const text = readFileSync(new URL('../../../test/fixtures/logs/nginx-json/access.log', import.meta.url), 'utf8');
    const d = detect(text);
    expect([d?.format, d?.matched]).toEqual(['nginx-json', 6]);
    const p = new NginxFormatParser('nginx-json', d?.custom as NonNullable<typeof d>['custom'] & object);
    const read = text
      .trimEnd()
      .split('\n')
      .map((line) => (parseLine(p, line) === KIND.access ? [p.status, p.access().path, p.access().signal?.cause] : null));
    expect(read).toEqual([
      [200, '/', undefined],
      [500, '/boom', 'app-error'],
      [502, '/dead', 'refused'],
      [200, '/q?x="a"', undefined],
      [502, '/grp', 'refused'],
      [502, '/grp', 'refused'],
    ]);
    expect(p.tzOffsetMin).toBe(0);
  });

  it('leaves JSON without nginx fields to app JSON', () => {
    expect(detect('{"time":"2024-05-01T10:00:00Z","status":500,"method":"GET","url":"/x","msg":"boom"}\n')?.format).toBe('app-json');
  });
});
