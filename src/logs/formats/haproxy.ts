/**
 * HAProxy HTTP log (`option httplog`, fingerprints.md §2c), with or without a syslog prefix:
 * `10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {hdrs} {hdrs} "GET / HTTP/1.1"`.
 * The termination state says who ended the session and in which phase. The date has no zone: it is read in
 * the given zone (`--tz`, by default this machine's, as HAProxy logs its own local time).
 */
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime } from './log-time.ts';
import { splitRequestLine } from './split-fields.ts';
import type { TimeZone } from './time-zone.ts';
import type { Cause, Signal } from '../types.ts';

const LINE =
  /(?:^|\s)(\S+):\d+ \[(\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d(?:\.\d{3})?)\] \S+ (\S+)\/(\S+) -?\d+\/-?\d+\/-?\d+\/-?\d+\/\+?(-?\d+) (-?\d+) \+?\d+ \S+ \S+ (\S{4}) \S+ \S+ ?(.*)$/;

/** Termination-state pairs (cause char + phase char) that name the failure; `c`/`s` are timeouts. */
const PAIRS: Record<string, Cause> = {
  SC: 'refused',
  sC: 'timeout',
  SH: 'reset',
  sH: 'timeout',
  PH: 'invalid-response',
  sQ: 'load-shed',
  RC: 'load-shed',
};
const FIRST: Record<string, Cause> = { C: 'client-closed', c: 'client-closed', P: 'proxy-config', I: 'proxy-config', K: 'proxy-config', R: 'load-shed', D: 'no-live-upstream', U: 'no-live-upstream' };

export function haproxySignal(status: number, state: string, server: string): Signal | null {
  const detail = `${state} ${server}`;
  const evidence = { kind: 'haproxy-termination' as const, detail };
  const pair = state.slice(0, 2);
  if (status < 500 && status !== 0) return null;
  if (server === '<NOSRV>' && (pair === '--' || pair === 'SC')) return { cause: 'no-live-upstream', confidence: 'high', decisive: true, evidence };
  const cause = PAIRS[pair] ?? FIRST[pair[0] as string];
  if (cause) return { cause, confidence: 'high', decisive: true, evidence };
  // `----` or a data-phase state with a real server: the server sent this status itself.
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
}

export class HaproxyParser extends BaseParser {
  readonly format = 'haproxy' as const;
  private readonly clf: ClfTime;

  constructor(zone: TimeZone) {
    super();
    this.clf = new ClfTime(zone);
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m || !this.clf.parse(Buffer.from(m[2] as string, 'latin1'), 0, (m[2] as string).length)) return KIND.none;
    const status = Math.max(0, Number(m[6]));
    const state = m[7] as string;
    const server = m[4] as string;
    const tail = m[8] as string;
    const quoted = /"((?:[^"\\]|\\.)*)"/.exec(tail);
    const request = splitRequestLine(quoted ? (quoted[1] as string) : '');
    // Captured headers ({a|b}) come before the request; a logged %ID or other extras after it.
    const before = quoted ? tail.slice(0, quoted.index) : tail;
    const after = quoted ? tail.slice(quoted.index + quoted[0].length) : '';
    const captured = [...before.matchAll(/\{([^}]*)\}/g)].flatMap((g) => (g[1] as string).split('|'));
    const candidates = [...captured, ...after.trim().split(/\s+/).map((t) => t.replace(/^\w*id=/i, ''))];
    const truncatedBy = status < 400 && /^[sS][DL]/.test(state) ? { kind: 'haproxy-termination' as const, detail: `${state} ${server}` } : null;
    return this.accessLine(
      {
        status,
        timeMs: this.clf.ms,
        tzOffsetMin: this.clf.offsetMin,
        client: m[1] as string,
        method: request.method,
        path: request.path,
        requestId: candidates.find((h) => /^[0-9a-f-]{16,}$/i.test(h)) ?? '',
        upstream: `${m[3]}/${server}`,
        connection: '',
        requestTime: Number(m[5]) >= 0 ? Number(m[5]) / 1000 : Number.NaN,
        signal: haproxySignal(status, state, server),
        truncatedBy,
      },
      truncatedBy !== null,
    );
  }
}
