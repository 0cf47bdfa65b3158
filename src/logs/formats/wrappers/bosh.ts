/**
 * `bosh ssh -c` and `bosh logs -f` output: each line of each instance's output after the instance's name and id and
 * the stream (the BOSH CLI's `ssh` runner: `<group>/<id>: stdout | <line>`), as Cloud Foundry operators paste
 * Gorouter's logs (`router/3ff2487f-185a-497c-9805-1f77edb2ffea: stdout | <line>`).
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

const PREFIX = /^([a-z0-9][\w.-]*\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)): (stdout|stderr) \| /;

export const bosh: Wrapper = {
  id: 'bosh',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const m = PREFIX.exec(text.slice(start, Math.min(end, start + 160)));
    if (!m) return false;
    line.setHost(text, start, start + (m[1] as string).length);
    line.stream = m[2] as 'stdout' | 'stderr';
    line.start = start + m[0].length;
    return true;
  },
};
