/**
 * CRI / containerd container logs (`/var/log/pods/…`, `/var/log/containers/…`), as the kubelet's CRI logging
 * design defines them (kubernetes/design-proposals-archive, node/kubelet-cri-logging.md, "Proposed solution"):
 * `2016-10-06T00:17:09.669794202Z stdout F The content of the log entry 1`. The first tag is `F` (full) or `P`
 * (partial: the entry continues in the next line, as the runtime splits long lines); more tags may follow, `:`-separated.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

/** `stdout ` / `stderr ` at `at`: the stream, or '' when neither. */
function streamAt(bytes: Uint8Array, at: number): '' | 'stdout' | 'stderr' {
  if (bytes[at] !== 115 || bytes[at + 1] !== 116 || bytes[at + 2] !== 100 || bytes[at + 6] !== 32) return '';
  if (bytes[at + 3] === 111 && bytes[at + 4] === 117 && bytes[at + 5] === 116) return 'stdout';
  return bytes[at + 3] === 101 && bytes[at + 4] === 114 && bytes[at + 5] === 114 ? 'stderr' : '';
}

export const cri: Wrapper = {
  id: 'cri',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { buf, text, start, end } = line;
    const timeEnd = rfc3339End(buf, start, end);
    if (timeEnd < 0 || buf[timeEnd] !== 32 || timeEnd + 9 > end) return false;
    const stream = streamAt(buf, timeEnd + 1);
    const tag = timeEnd + 8;
    const first = buf[tag];
    if (stream === '' || (first !== 70 && first !== 80)) return false;
    // More tags after the first, `:`-separated, before the space.
    let content = tag + 1;
    if (content < end && buf[content] !== 32) {
      if (buf[content] !== 58) return false;
      while (content < end && buf[content] !== 32) content++;
    }
    line.setTime(text, start, timeEnd);
    line.stream = stream;
    line.partial = first === 80;
    line.start = Math.min(content + 1, end);
    return true;
  },
};
