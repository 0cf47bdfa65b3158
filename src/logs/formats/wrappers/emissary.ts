/**
 * Emissary-ingress (formerly Ambassador) sets Envoy's access-log format to Envoy's default with `ACCESS ` in front
 * (`envoy_log_format`'s default in emissary-ingress/emissary, python/ambassador/envoy/v3/v3listener.py):
 * `ACCESS [2019-02-12T18:37:42.921Z] "GET /httpbin/ip HTTP/1.1" 200 - …`. Stripped, the rest is Envoy's line.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

export const emissary: Wrapper = {
  id: 'emissary',
  loose: false,
  strip(line: WrappedLine): boolean {
    if (!line.text.startsWith('ACCESS [', line.start) || line.start + 8 > line.end) return false;
    line.start += 7;
    return true;
  },
};
