/**
 * Zoraxy's request log, as tobychui/zoraxy src/mod/info/logger/trafficlog.go `LogHTTPRequest` writes it since July
 * 2024: `[2025-03-12 20:50:46.560898] [router:host-http] [origin:example.com] [client 10.0.0.1] GET /path 404`, and
 * since March 2025 `[client: 10.0.0.1] [useragent: curl/8.6.0] GET /path 404`. The time is the server's wall clock
 * with no zone; a Go logger's own `2025/05/01 07:57:03 ` may come first. Zoraxy's other lines share the file
 * (`[time] [uptime-monitor] [system:error] Ping upstream timeout…`) and carry nothing to count.
 * Who answered (src/mod/dynamicproxy/proxyRequestHandler.go and dpcore): on a proxying router (`host-http`,
 * `subdomain-http`, `vdir-http`) the status is the upstream's, passed on, unless proxying failed: then Zoraxy answers
 * 521 with its "web server is down" page (no upstream could be picked, or the connection failed), 404 for an upstream
 * name that does not resolve, 408 when the client went away, and logs a second line for the same request with the
 * status its proxy core returned for the failure, 502. The two lines are written by goroutines, in either order: a
 * 502 right after its request's 521 or 408 is that second line, and a 502 on its own may be either. Every other
 * router (`root-no_resp`'s 444, redirects, `*-websocket`'s 101) is Zoraxy answering itself.
 */
import type { AccessRecord, Cause, Signal } from '../types.ts';
import type { TimeZone } from './time-zone.ts';
import { inZone } from './time-zone.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { localTime } from './log-time.ts';

const LINE =
  /^(?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )?\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?\] \[router:([^\]]*)\] \[origin:[^\]]*\] \[client:? ([^\]]*)\] (?:\[useragent:? .*\] )?([A-Z]+) (\S+) (\d{3})$/;
/** Zoraxy's own lines: `[time] [module] [system:info] message`. */
const SYSTEM_LINE = /^(?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )?\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?\] \[[^\]]*\] \[system:\w+\] /;
/** The routers that proxy a request to an upstream. */
const PROXYING = new Set(['host-http', 'subdomain-http', 'vdir-http']);
/** The answers Zoraxy makes when proxying fails, each followed by a 502 line for the same request. */
const FAILED_PROXYING: Record<number, Cause> = { 521: 'upstream-failed', 408: 'client-closed' };
/** The first line and the 502 of one failed request are logged within this (both right after the failure). */
const PAIR_MS = 1000;

/**
 * Why Zoraxy logged an error status: its own answer, the upstream's, or (a 502 alone) either. A 4xx is known only
 * when no upstream was asked (a router that does not proxy: `root-no_resp`'s 444); null below 400.
 */
export function zoraxySignal(status: number, router: string, pairedWith: number | null): Signal | null {
  if (status < 400 || (status < 500 && PROXYING.has(router))) return null;
  const evidence = { kind: 'zoraxy-router' as const, detail: `router=${router} status=${status}${pairedWith === null ? '' : ` after ${pairedWith}`}` };
  if (!PROXYING.has(router)) return { cause: 'proxy-config', confidence: 'medium', decisive: true, evidence };
  const own = FAILED_PROXYING[status];
  if (own) return { cause: own, confidence: 'high', decisive: true, evidence };
  if (status === 502) return { cause: 'upstream-failed', confidence: 'low', decisive: false, evidence, reason: 'ambiguous-upstream-status' };
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
}

export class ZoraxyParser extends BaseParser {
  readonly format = 'zoraxy' as const;
  private readonly zone: TimeZone;
  /** The last request line: who, what and when, to pair a failure's two lines. */
  private last = { key: '', status: 0, timeMs: Number.NaN };

  constructor(zone: TimeZone) {
    super();
    this.zone = zone;
  }

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const c = text.charCodeAt(start);
    if (c !== 91 && (c < 48 || c > 57)) return KIND.none;
    const line = buf.toString('utf8', start, end);
    const m = LINE.exec(line);
    if (!m) return SYSTEM_LINE.test(line) ? KIND.other : KIND.none;
    const n = (i: number): number => Number(m[i]);
    const wall = localTime(n(1), n(2) - 1, n(3), n(4), n(5), n(6), Math.floor(Number(`0.${m[7] ?? 0}`) * 1000));
    const time = inZone(wall, this.zone);
    const status = n(12);
    const router = m[8] as string;
    const key = `${m[9]} ${m[10]} ${m[11]}`;
    const previous = this.last;
    this.last = { key, status, timeMs: time.ms };
    const paired = previous.key === key && Math.abs(time.ms - previous.timeMs) <= PAIR_MS;
    // The failure's second line: the request was counted with its first.
    if (status === 502 && paired && FAILED_PROXYING[previous.status]) return KIND.other;
    const record: AccessRecord = {
      status,
      timeMs: time.ms,
      tzOffsetMin: this.zone.offsetAt(wall.ms),
      client: m[9] as string,
      method: m[10] as string,
      path: m[11] as string,
      requestId: '',
      upstream: '',
      connection: '',
      requestTime: Number.NaN,
      signal: zoraxySignal(status, router, paired && previous.status === 502 ? 502 : null),
      truncatedBy: null,
    };
    return this.accessLine(record, false);
  }
}
