/** Marks taken during one request (performance.now(), sub-millisecond) and the phase durations they give. */
import type { HopTimings, Phase, TlsSummary } from './types.ts';

export interface HopTrace {
  start: number;
  /** Each mark is the end of its phase; null until reached (or never, for a skipped phase). */
  dns: number | null;
  connect: number | null;
  tls: number | null;
  headers: number | null;
  end: number | null;
  address: string | null;
  tlsSummary: TlsSummary | null;
  /** The phase in progress, so an abort can be blamed on it. */
  phase: Phase;
}

export function startTrace(): HopTrace {
  return { start: performance.now(), dns: null, connect: null, tls: null, headers: null, end: null, address: null, tlsSummary: null, phase: 'dns' };
}

const span = (from: number | null, to: number | null) => (from === null || to === null ? null : Math.round((to - from) * 10) / 10);

export function timingsOf(trace: HopTrace): HopTimings {
  const connected = trace.tls ?? trace.connect;
  return {
    dns: span(trace.start, trace.dns),
    connect: span(trace.dns ?? trace.start, trace.connect),
    tls: span(trace.connect, trace.tls),
    ttfb: span(connected, trace.headers),
    download: span(trace.headers, trace.end),
    total: span(trace.start, trace.end ?? performance.now()) ?? 0,
  };
}
