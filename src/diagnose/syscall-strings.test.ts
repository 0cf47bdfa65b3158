import { describe, expect, it } from 'vitest';
import { syscallPayload } from './syscall-strings.ts';

describe('syscallPayload', () => {
  it("joins a writev's iov_base literals", () => {
    const trace = 'writev(7, [{iov_base="HTTP/1.1 502 Bad Gateway\\r\\nServer: nginx\\r\\n\\r\\n", iov_len=45}, {iov_base="<html>\\r\\n</html>\\r\\n", iov_len=17}], 2) = 62';
    expect(syscallPayload(trace)).toBe('HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html>\r\n</html>\r\n');
  });

  it('follows the calls on the same descriptor and in the same direction, up to the next response', () => {
    const trace = [
      '[pid  42] 10:11:12.000001 sendto(5, "GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n", 29, MSG_NOSIGNAL, NULL, 0) = 29',
      '[pid  42] 10:11:12.100000 recvfrom(5, "HTTP/1.1 503 Service Unavailable\\r\\nContent-Length: 19\\r\\n\\r\\n", 65536, 0, NULL, NULL) = 56',
      '[pid  42] 10:11:12.100100 sendto(6, "ping", 4, 0, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("10.0.0.1")}, 16) = 4',
      '[pid  42] 10:11:12.100200 recvfrom(5, "no healthy upstream"..., 65536, 0, NULL, NULL) = 19',
      '[pid  42] 10:11:13.000000 recvfrom(5, "HTTP/1.1 200 OK\\r\\n\\r\\n", 65536, 0, NULL, NULL) = 19',
    ].join('\n');
    expect(syscallPayload(trace)).toBe('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 19\r\n\r\nno healthy upstream');
  });

  it('decodes octal and hex escapes (strace -x, -xx)', () => {
    expect(syscallPayload('read(3, "HTTP/1.1 500 Oops\\r\\n\\r\\ncaf\\303\\251 \\x21", 4096) = 27')).toBe('HTTP/1.1 500 Oops\r\n\r\ncaf\u00c3\u00a9 !');
  });

  it('is null when no call carries a status line', () => {
    expect(syscallPayload('read(3, "\\177ELF\\2\\1\\1", 832) = 832\nwrite(1, "HTTP/1.1 is a protocol\\n", 23) = 23')).toBeNull();
    expect(syscallPayload('HTTP/1.1 502 Bad Gateway\nServer: nginx')).toBeNull();
  });
});
