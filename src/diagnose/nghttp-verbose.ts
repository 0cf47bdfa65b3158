/**
 * nghttp's verbose output (nghttp2's command-line client, `nghttp -v`, `-nv`): every header it received is a line of
 * its own, `[  0.546] recv (stream_id=13) :status: 502` then `[  0.546] recv (stream_id=13) content-type: text/plain`,
 * between its frame lines (`recv HEADERS frame <...>`, `; END_HEADERS`). The response's head is rebuilt from the
 * first stream that received a `:status` as `HTTP/2 <status>` and its header lines; the frames go.
 */
const RECEIVED = /^\[\s*[\d.]+\] recv \(stream_id=(\d+)\) (:?[!#$%&'*+.^_`|~0-9A-Za-z-]+): (.*)$/;

export function nghttpVerbose(lines: string[]): string[] {
  const first = lines.findIndex((l) => RECEIVED.exec(l)?.[2] === ':status');
  if (first < 0) return lines;
  const [, stream, , status] = RECEIVED.exec(lines[first] as string) as RegExpExecArray;
  const head = [`HTTP/2 ${status}`];
  for (const line of lines.slice(first + 1)) {
    const m = RECEIVED.exec(line);
    if (m && m[1] === stream && !(m[2] as string).startsWith(':')) head.push(`${m[2]}: ${m[3]}`);
  }
  return [...head, ''];
}
