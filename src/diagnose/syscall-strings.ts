/**
 * A response as strace (or ltrace on `SSL_read`/`SSL_write`) shows it: the bytes of `read`, `recvfrom`, `writev`,
 * `sendto`... as C string literals, one call per line, a `writev` split over `iov_base` entries, each literal possibly
 * cut with `...` (strace's `-s` limit). The literals of the call that starts with a status line, and of the calls
 * that follow it on the same file descriptor in the same direction (calls on other descriptors interleave), are the
 * response's bytes.
 */
import { literalAt } from './string-literal.ts';

/** `[pid 123] 10:11:12.345 recvfrom(7, "HTTP/1.1 502 ...", 65536, 0, NULL, NULL) = 317`. */
const SYSCALL = /^\s*(?:\[pid\s+\d+\]\s+)?(?:\d+\s+)?(?:\d[\d:.]*\s+)?(read|readv|recv|recvfrom|recvmsg|write|writev|send|sendto|sendmsg|SSL_read|SSL_write)\((\d+|0x[0-9a-f]+),\s?/;
const WRITES = /^(?:write|writev|send|sendto|sendmsg|SSL_write)$/;

/**
 * The data a call carried, decoded: its first argument's literal, or each `iov_base` literal of a vector call (the
 * other literals of a call, such as `inet_addr("10.0.0.1")`, are no data).
 */
function dataOf(line: string, from: number): string {
  const vector = line.includes('iov_base=');
  let data = '';
  for (let at = line.indexOf(vector ? 'iov_base="' : '"', from); at >= 0; ) {
    const literal = literalAt(line, vector ? at + 'iov_base='.length : at);
    if (!literal) break;
    data += literal.value;
    if (!vector) break;
    at = line.indexOf('iov_base="', literal.end);
  }
  return data;
}

const startsResponse = (data: string) => /^HTTP\/\d(?:\.\d)? \d{3}\b/.test(data);

/** The response's text when the paste is a trace of system calls that carry one; else null. */
export function syscallPayload(text: string): string | null {
  const calls = text.split('\n').flatMap((line) => {
    const m = SYSCALL.exec(line);
    return m ? [{ writes: WRITES.test(m[1] ?? ''), fd: m[2] ?? '', data: dataOf(line, m[0].length) }] : [];
  });
  const first = calls.findIndex((c) => startsResponse(c.data));
  const start = calls[first];
  if (!start) return null;
  let payload = start.data;
  // The calls after it on the same descriptor (others interleave), until it turns round or a next response starts.
  for (const call of calls.slice(first + 1)) {
    if (call.fd !== start.fd) continue;
    if (call.writes !== start.writes || startsResponse(call.data)) break;
    payload += call.data;
  }
  return payload;
}
