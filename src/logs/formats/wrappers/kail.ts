/**
 * kail (boz/kail, "kubernetes tail") writes `<namespace>/<pod>[<container>]: ` before every line it streams
 * (its writer's prefix). Namespaces and containers are DNS labels, pods DNS subdomains; CI log collectors that
 * stream a cluster's pods print the same prefix.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';
import { DNS_LABEL, DNS_SUBDOMAIN } from './k8s-names.ts';

const PREFIX = new RegExp(`^(${DNS_LABEL})/(${DNS_SUBDOMAIN})\\[(${DNS_LABEL})\\]: `);
/** Longer than any namespace, pod and container name together (63 + 253 + 63) with the marks. */
const MAX_PREFIX = 390;

export const kail: Wrapper = {
  id: 'kail',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const m = PREFIX.exec(text.slice(start, Math.min(end, start + MAX_PREFIX)));
    if (!m) return false;
    const podStart = start + (m[1]?.length ?? 0) + 1;
    line.setHost(text, podStart, podStart + (m[2]?.length ?? 0));
    line.start = start + m[0].length;
    return true;
  },
};
