/**
 * Bunny CDN's raw request log, as its Logging API v1 serves it (docs.bunny.net/cdn/logging, "Logging API v1 -
 * legacy"): one pipe-separated line per request, `cache status|status|timestamp (UTC, ms)|bytes sent|pull zone id|
 * remote ip|referer|url|edge location|user agent|request id|country`, e.g.
 * `HIT|200|1507167062421|412|390|163.172.53.229|-|https://example.b-cdn.net/video.mp4|WA|Mozilla/5.0...|322b…|DE`.
 * Who answered a 5xx cannot be told from the line: the cache status (HIT, MISS, BYPASS, REVALIDATED, STALE,
 * UPDATING…) says whether the origin was asked, not whether the status is the origin's or one Bunny made when it
 * could not reach the origin, so every 5xx stays undecided.
 */
import { BaseParser, KIND, type LineKind } from './line-parser.ts';

/** Twelve fields; the user agent (field 10) may hold pipes of its own, so it takes what the others leave. */
const LINE = /^([A-Z][A-Z_-]*)\|(\d{3})\|(\d{10,13})\|(\d+)\|(\d+)\|([^|]*)\|([^|]*)\|((?:https?:\/\/|\/)[^|]*)\|([^|]*)\|(.*)\|([0-9a-f]{32}|[^|]*)\|([A-Z]{2}|[^|]*)$/;

/** The URL's path and query, for the report's top paths (the host is the pull zone's). */
function pathOf(url: string): string {
  const m = /^https?:\/\/[^/]+(\/.*)?$/.exec(url);
  return m ? (m[1] ?? '/') : url;
}

export class BunnyCdnParser extends BaseParser {
  readonly format = 'bunny-cdn' as const;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const c = text.charCodeAt(start);
    if (c < 65 || c > 90) return KIND.none;
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const stamp = Number(m[3]);
    return this.accessLine(
      {
        status: Number(m[2]),
        // Seconds or milliseconds: the doc's example is in milliseconds, as the field's description says.
        timeMs: stamp < 1e11 ? stamp * 1000 : stamp,
        tzOffsetMin: 0,
        client: m[6] as string,
        method: '',
        path: pathOf(m[8] as string),
        requestId: m[11] as string,
        upstream: '',
        connection: '',
        requestTime: Number.NaN,
        signal: null,
        truncatedBy: null,
      },
      false,
    );
  }
}
