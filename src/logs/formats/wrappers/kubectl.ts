/**
 * What `kubectl logs` adds: `--prefix` writes `[pod/<pod>/<container>] ` before every line (kubectl's
 * `addPrefixIfNeeded`), and `--timestamps` the RFC 3339 time the runtime logged the line at, then a space (the
 * kubelet's log writer, `time.RFC3339Nano`). `docker logs -t` and `docker compose logs -t` write the same time
 * the same way, Docker Desktop's log view its local time (`2024-10-04 15:42:56 `), s6-log the same with
 * nanoseconds. A format may begin with such a time itself, so that wrapper is loose (see Wrapper).
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';
import { DNS_LABEL, DNS_SUBDOMAIN } from './k8s-names.ts';

/** Pod names are DNS subdomains, container names DNS labels. */
const POD_NAME = new RegExp(`^${DNS_SUBDOMAIN}$`);
const CONTAINER_NAME = new RegExp(`^${DNS_LABEL}$`);

export const kubectlPrefix: Wrapper = {
  id: 'kubectl-prefix',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    if (!text.startsWith('[pod/', start)) return false;
    const close = text.indexOf('] ', start + 5);
    if (close < 0 || close >= end) return false;
    const slash = text.indexOf('/', start + 5);
    if (slash < 0 || slash > close) return false;
    if (!POD_NAME.test(text.slice(start + 5, slash)) || !CONTAINER_NAME.test(text.slice(slash + 1, close))) return false;
    line.setHost(text, start + 5, close);
    line.start = close + 2;
    return true;
  },
};

/**
 * A wall-clock time, no zone, then blanks: Docker Desktop's log view copied with its timestamps on
 * (`2024-10-04 15:42:56 `), s6-log's `T` directive under s6-overlay (Home Assistant add-ons, linuxserver.io
 * images), with nanoseconds and two blanks (`2024-02-05 12:39:36.852529370  `), and a log viewer's time column copied
 * with a bar after it (`2024-11-29 14:06:28.036 | `, Grafana's Loki view in open-telemetry/opentelemetry-demo#1800).
 */
const WALL_CLOCK = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?(?: +\| +| +)/;
/** The longest such time with its blanks that is looked at. */
const MAX_WALL_CLOCK = 40;

export const timestamps: Wrapper = {
  id: 'timestamps',
  loose: true,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const timeEnd = rfc3339End(line.buf, start, end);
    if (timeEnd < 0 || text.charCodeAt(timeEnd) !== 32) {
      // No zone to place it in: the line's own time is read instead.
      const clock = WALL_CLOCK.exec(text.slice(start, Math.min(end, start + MAX_WALL_CLOCK)));
      if (!clock || start + clock[0].length >= end) return false;
      line.start = start + clock[0].length;
      return true;
    }
    line.setTime(text, start, timeEnd);
    line.start = timeEnd + 1;
    return true;
  },
};
