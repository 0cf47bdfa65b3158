/**
 * CRI / containerd container logs (`/var/log/pods/…`, `/var/log/containers/…`), as the kubelet's CRI logging
 * design defines them (kubernetes/design-proposals-archive, node/kubelet-cri-logging.md, "Proposed solution"):
 * `2016-10-06T00:17:09.669794202Z stdout F The content of the log entry 1`. The first tag is `F` (full) or `P`
 * (partial: the entry continues in the next line, as the runtime splits long lines); more tags may follow, `:`-separated.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

/** `stdout ` / `stderr ` at `at`: the stream, or '' when neither. */
function streamAt(text: string, at: number): '' | 'stdout' | 'stderr' {
  if (text.charCodeAt(at + 6) !== 32 || !text.startsWith('std', at)) return '';
  if (text.startsWith('out', at + 3)) return 'stdout';
  return text.startsWith('err', at + 3) ? 'stderr' : '';
}

export const cri: Wrapper = {
  id: 'cri',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const timeEnd = rfc3339End(text, start, end);
    if (timeEnd < 0 || text.charCodeAt(timeEnd) !== 32) return false;
    const stream = streamAt(text, timeEnd + 1);
    const tag = timeEnd + 8;
    const first = text.charCodeAt(tag);
    if (stream === '' || (first !== 70 && first !== 80)) return false;
    let content = tag + 1;
    while (content < end && text.charCodeAt(content) !== 32) content++;
    if (content > tag + 1 && text.charCodeAt(tag + 1) !== 58) return false;
    line.setTime(text, start, timeEnd);
    line.stream = stream;
    line.partial = first === 80;
    line.start = Math.min(content + 1, end);
    return true;
  },
};
