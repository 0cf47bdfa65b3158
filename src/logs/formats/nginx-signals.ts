/**
 * What nginx's `$upstream_*` variables say about a 5xx (logs-and-lab.md §7, fingerprints.md §1d):
 * `$upstream_header_time` "-" means the upstream never sent a valid header, `$upstream_connect_time` "-" means
 * nginx never connected, `$upstream_status` "-" means no upstream was tried, and a group name in
 * `$upstream_addr` means no live upstream. nginx writes its own 502/504 into `$upstream_status`; with
 * `$upstream_response_length` 0 on that attempt no body came back from the upstream (ngx_http_upstream.c sets it
 * from the body read), so the 5xx is most likely nginx's: medium confidence, as an upstream 5xx replaced by
 * `proxy_intercept_errors` or sent with an empty body reads the same. A product's own server as the upstream
 * (`ownServer`, ingress-nginx's default server: ingress-nginx.ts) is the proxy answering itself.
 */
import type { Cause, Signal } from '../types.ts';

/** The fields the format logs; `undefined` when the format does not have the variable. */
export interface UpstreamFields {
  status?: string;
  addr?: string;
  connect?: string;
  header?: string;
  /** `$upstream_response_length`. */
  length?: string;
  /**
   * The address of the proxy's own server that answers in an upstream's place: ingress-nginx's default server,
   * which it puts in a Service's upstream when the Service has no endpoints (and for requests no rule matches).
   */
  ownServer?: string;
  /**
   * nginx's own error page told by the body's size, when the format logs it (nginx-page-size.ts): asked only where the
   * last upstream status equals the 5xx, which nginx logs for an upstream it could not reach as well as for one that
   * answered so.
   */
  ownPage?: () => Signal | null;
}

/** Last attempt of a multi-valued upstream variable (`502, 502, 200`, groups separated by ` : `). */
export function lastAttempt(value: string): string {
  const cut = Math.max(value.lastIndexOf(','), value.lastIndexOf(' : '));
  return (cut < 0 ? value : value.slice(cut + (value[cut] === ',' ? 1 : 3))).trim();
}

function describe(f: UpstreamFields): string {
  const parts: string[] = [];
  if (f.status !== undefined) parts.push(`upstream_status=${f.status}`);
  if (f.connect !== undefined) parts.push(`upstream_connect_time=${f.connect}`);
  if (f.header !== undefined) parts.push(`upstream_header_time=${f.header}`);
  if (f.length !== undefined) parts.push(`upstream_response_length=${f.length}`);
  if (f.addr !== undefined) parts.push(`upstream_addr=${f.addr}`);
  return parts.join(' ');
}

function answered(status: number, detail: string, confidence: Signal['confidence']): Signal {
  const cause: Cause = status === 503 ? 'app-overload' : 'app-error';
  return { cause, confidence, decisive: true, evidence: { kind: 'upstream-fields', detail } };
}

function proxyMade(cause: Cause, detail: string, decisive = true): Signal {
  return { cause, confidence: decisive ? 'high' : 'low', decisive, evidence: { kind: 'upstream-fields', detail } };
}

/** A group name has no port and is not a unix socket. */
function isGroupName(addr: string): boolean {
  return addr !== '' && addr !== '-' && !addr.includes(':');
}

/**
 * A format that logs the upstream's timings but not its status (the `upstream_time` format of nginx's blog): a header
 * time says the upstream answered with that status (medium: an answer nginx intercepted reads the same); none says
 * nginx made the 5xx itself, whether or not it reached an upstream at all.
 */
function timingsSignal(status: number, f: UpstreamFields, header: string): Signal {
  const detail = describe(f);
  if (lastAttempt(header) !== '-') return answered(status, detail, 'medium');
  const connect = f.connect === undefined ? undefined : lastAttempt(f.connect);
  const cause: Cause = status === 504 ? 'timeout' : status === 503 ? 'load-shed' : status === 500 ? 'proxy-config' : connect === '-' ? 'refused' : 'upstream-failed';
  return { ...proxyMade(cause, detail), confidence: 'medium' };
}

/** Reads the upstream fields of one nginx access entry; null when the format logs none of them. */
export function nginxSignal(status: number, f: UpstreamFields): Signal | null {
  if (status === 9) return { cause: 'non-http-reply', confidence: 'high', decisive: true, evidence: { kind: 'status-009', detail: '009' } };
  if (status === 499) return { cause: 'client-closed', confidence: 'high', decisive: true, evidence: { kind: 'status-499', detail: '499' } };
  if (status < 500) return null;
  if (f.status === undefined) return f.header === undefined ? null : timingsSignal(status, f, f.header);
  const detail = describe(f);
  const us = lastAttempt(f.status);
  if (us === '-' || us === '') {
    return { ...proxyMade(status === 503 ? 'load-shed' : 'proxy-config', detail), confidence: 'medium', evidence: { kind: 'no-upstream-attempt', detail } };
  }
  if (f.addr !== undefined && f.ownServer !== undefined && lastAttempt(f.addr) === f.ownServer) {
    return { ...proxyMade('no-live-upstream', detail), evidence: { kind: 'controller-default-server', detail } };
  }
  if (f.addr !== undefined && isGroupName(lastAttempt(f.addr))) {
    return { ...proxyMade('no-live-upstream', detail), evidence: { kind: 'upstream-group', detail } };
  }
  const connect = f.connect === undefined ? undefined : lastAttempt(f.connect);
  if (f.header !== undefined) {
    if (lastAttempt(f.header) !== '-') {
      // The upstream answered; a 5xx over a non-5xx answer was made by nginx itself (error_page, intercept).
      return Number(us) >= 500 ? answered(status, detail, 'high') : { ...proxyMade('proxy-config', detail), confidence: 'medium' };
    }
    if (status === 504) return proxyMade('timeout', detail);
    return proxyMade(connect === '-' ? 'refused' : 'upstream-failed', detail);
  }
  if ((us === '500' || us === '503') && String(status) === us) return answered(status, detail, 'medium');
  if (connect === '-') return { ...proxyMade(status === 504 ? 'timeout' : 'refused', detail), confidence: 'medium' };
  const failed: Cause = status === 504 ? 'timeout' : 'upstream-failed';
  if ((us === '502' || us === '504') && String(status) === us && f.length !== undefined && lastAttempt(f.length) === '0') {
    return { ...proxyMade(failed, detail), confidence: 'medium' };
  }
  const page = String(status) === us ? (f.ownPage?.() ?? null) : null;
  return page ?? { ...proxyMade(failed, detail, false), reason: 'ambiguous-upstream-status' };
}
