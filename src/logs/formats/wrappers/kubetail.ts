/**
 * kubetail (johanhaleby/kubetail) writes `[<pod>] ` before every line it follows, the line in one ANSI colour per
 * pod on a terminal (`colored_line="${color_start}[${display_name}] $line${color_end}"`). A bracketed word starts
 * many text lines (`[INFO]`, `[error]`), so the name must be a pod's as a controller names it: a DNS subdomain
 * ending in the random suffix Kubernetes generates (five characters without vowels or 0, 1, 3) or a StatefulSet's
 * ordinal.
 */
import { skipControls, type WrappedLine, type Wrapper } from './wrapped-line.ts';
import { DNS_SUBDOMAIN } from './k8s-names.ts';

const POD = new RegExp(`^\\[(${DNS_SUBDOMAIN}-(?:[bcdfghjklmnpqrstvwxz2456789]{5}|\\d{1,4}))\\] `);
/** A pod's name (253 characters at most) with its brackets. */
const MAX_PREFIX = 260;

export const kubetail: Wrapper = {
  id: 'kubetail',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, end } = line;
    const from = skipControls(text, line.start, end);
    const m = POD.exec(text.slice(from, Math.min(end, from + MAX_PREFIX)));
    if (!m) return false;
    line.setHost(text, from + 1, from + 1 + (m[1]?.length ?? 0));
    line.start = from + m[0].length;
    return true;
  },
};
