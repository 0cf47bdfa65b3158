import { describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../../errors.ts';
import { compileHaproxyFormat, HAPROXY_PRESETS, isHaproxyFormat } from './haproxy-log-format.ts';

function codeOf(format: string): string {
  try {
    compileHaproxyFormat(format);
    return 'ok';
  } catch (error) {
    return isHttpwhyError(error) ? error.code : 'other';
  }
}

// Format strings from the HAProxy configuration manual (haproxy/haproxy@50872daa6a857e82afc40b1c5161924aef4172d7:
// doc/configuration.txt §8.2.3, §8.2.4, §8.2.6), as written there.
const MANUAL_HTTPLOG = `log-format "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC \\
                %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r"`;

describe('compileHaproxyFormat', () => {
  it('reads the string as written in haproxy.cfg: the keyword, quotes, escapes and the manual’s line breaks', () => {
    const f = compileHaproxyFormat(MANUAL_HTTPLOG);
    expect(f.source).toBe('%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r');
    expect(compileHaproxyFormat('log-format "${HAPROXY_HTTP_LOG_FMT}"').source).toBe(f.source);
    expect(compileHaproxyFormat('%ci:%cp\\ [%t]\\ %ST').source).toBe('%ci:%cp [%t] %ST');
  });

  it('gives each item a capture group, a quoted one also read unquoted', () => {
    const f = compileHaproxyFormat('%{+Q}o %{-Q}ci [%trg] %r %ST %tsc %b');
    expect(f.groups).toEqual(['ci', 'trg', 'r', 'r', 'ST', 'tsc', 'b', 'b']);
    expect(f.pattern?.exec('x: 10.0.0.1 [06/Feb/2009:12:14:14 +0100] "GET / HTTP/1.1" 503 SC-- "be"')?.slice(1).filter((v) => v !== undefined)).toEqual([
      '10.0.0.1',
      '06/Feb/2009:12:14:14 +0100',
      'GET / HTTP/1.1',
      '503',
      'SC--',
      'be',
    ]);
  });

  it('names sample fetches by the alias they stand for (§8.2.6 alias table) and keeps others as expressions', () => {
    expect(compileHaproxyFormat('%[txn.status] %[unique-id] %[capture.req.hdr(0),lower] %[src]').groups).toEqual(['ST', 'ID', '[capture.req.hdr(0),lower]', 'ci']);
  });

  it('reads %{+json}o formats by their item names, the manual’s example included', () => {
    const f = compileHaproxyFormat('log-format "%{+json}o %(client_ip)ci %(status)ST %(term)tsc %(request)r %(custom_expr)[str(custom)]"');
    expect(f.pattern).toBeNull();
    expect([...(f.keys ?? [])]).toEqual([
      ['client_ip', 'ci'],
      ['status', 'ST'],
      ['term', 'tsc'],
      ['request', 'r'],
      ['custom_expr', '[str(custom)]'],
    ]);
    expect(codeOf('log-format "%{+json}o %(request)r %(custom_expr)[str(custom)]"')).toBe('HW_ERR_LOGS_BAD_LOG_FORMAT');
  });

  it('refuses formats without a status, CBOR, and a lone %', () => {
    expect(codeOf('%ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts')).toBe('HW_ERR_LOGS_BAD_LOG_FORMAT');
    expect(codeOf('%{+cbor}o %(status)ST')).toBe('HW_ERR_LOGS_BAD_LOG_FORMAT');
    expect(codeOf('%ST 100% done')).toBe('HW_ERR_LOGS_BAD_LOG_FORMAT');
    expect(codeOf('%ST 100%% done')).toBe('ok');
  });

  it('reads the keys of a text format written as an object', () => {
    expect([...(compileHaproxyFormat('{"status":"%ST","state":"%ts","srv":%s}').keys ?? [])]).toEqual([
      ['status', 'ST'],
      ['state', 'ts'],
      ['srv', 's'],
    ]);
  });
});

describe('the presets and --format values', () => {
  it('are option httplog (extended) and option httplog clf', () => {
    expect(HAPROXY_PRESETS.map((p) => p.source)).toEqual([
      '%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r',
      '%{+Q}o %{-Q}ci - - [%trg] %r %ST %B "" "" %cp %ms %ft %b %s %TR %Tw %Tc %Tr %Ta %tsc %ac %fc %bc %sc %rc %sq %bq %CC %CS %hrl %hsl',
    ]);
  });

  it('tells HAProxy log-formats from nginx log_formats', () => {
    expect(isHaproxyFormat(MANUAL_HTTPLOG)).toBe(true);
    expect(isHaproxyFormat('%{+json}o %(status)ST')).toBe(true);
    expect(isHaproxyFormat('log-format "${HAPROXY_HTTPS_LOG_FMT} %ID"')).toBe(true);
    expect(isHaproxyFormat('$remote_addr [$time_local] "$request" $status')).toBe(false);
    expect(isHaproxyFormat('combined')).toBe(false);
  });
});
