import { describe, expect, it } from 'vitest';
import { lastAttempt, nginxSignal, type UpstreamFields } from './nginx-signals.ts';

describe('lastAttempt', () => {
  it.each([
    ['502', '502'],
    ['502, 502, 200', '200'],
    ['502, 504 : 200', '200'],
    ['10.0.0.1:80 : backend', 'backend'],
    ['-', '-'],
  ])('%s → %s', (value, last) => expect(lastAttempt(value)).toBe(last));
});

// The rows of the nginx 1.22 lab table (logs-and-lab.md §7): status, us, uct, uht → cause.
const lab = (_status: number, us: string, uct: string, uht: string): UpstreamFields => ({ status: us, connect: uct, header: uht, addr: '127.0.0.1:18081' });

describe('nginxSignal on the lab scenarios', () => {
  it.each([
    ['app exception', 500, lab(500, '500', '0.001', '0.001'), 'app-error', true],
    ['app overload', 503, lab(503, '503', '0.000', '0.000'), 'app-overload', true],
    ['upstream down', 502, lab(502, '502', '-', '-'), 'refused', true],
    ['reset before headers', 502, lab(502, '502', '0.001', '-'), 'upstream-failed', true],
    ['slow upstream', 504, lab(504, '504', '0.000', '-'), 'timeout', true],
    ['limit_req', 503, lab(503, '-', '-', '-'), 'load-shed', true],
    ['no status line', 9, lab(9, '200', '0.000', '0.000'), 'non-http-reply', true],
    ['client closed', 499, lab(499, '-', '-', '-'), 'client-closed', true],
  ] as const)('%s', (_name, status, fields, cause, decisive) => {
    expect(nginxSignal(status, fields)).toMatchObject({ cause, decisive });
  });

  it("reads a format with the upstream's timings and no $upstream_status: a header time is the upstream's answer, none nginx's own", () => {
    expect(nginxSignal(500, { connect: '0.030', header: '10.801' })).toMatchObject({ cause: 'app-error', confidence: 'medium', decisive: true });
    expect(nginxSignal(502, { connect: '-', header: '-' })).toMatchObject({ cause: 'refused', confidence: 'medium', decisive: true });
    expect(nginxSignal(504, { connect: '0.001', header: '-' })).toMatchObject({ cause: 'timeout', decisive: true });
    expect(nginxSignal(500, { addr: '127.0.0.1:80' })).toBeNull();
  });

  it('reads no live upstream from a group name in $upstream_addr', () => {
    expect(nginxSignal(502, { status: '502', addr: 'backend' })?.cause).toBe('no-live-upstream');
  });

  it("reads the proxy's own server as the upstream (ingress-nginx's default server) as no live upstream, only where the format says so", () => {
    const fields = { status: '503', addr: '127.0.0.1:8181', header: '0.001', ownServer: '127.0.0.1:8181' };
    expect(nginxSignal(503, fields)).toMatchObject({ cause: 'no-live-upstream', evidence: { kind: 'controller-default-server' } });
    expect(nginxSignal(503, { ...fields, ownServer: undefined })?.cause).toBe('app-overload');
  });

  it('treats a 5xx over a non-5xx upstream answer as nginx configuration', () => {
    expect(nginxSignal(500, { status: '404', header: '0.010' })?.cause).toBe('proxy-config');
  });

  it('without $upstream_header_time, only 500/503 in $upstream_status point at the app', () => {
    expect(nginxSignal(500, { status: '500' })).toMatchObject({ cause: 'app-error', confidence: 'medium' });
    expect(nginxSignal(502, { status: '502' })).toMatchObject({ decisive: false, reason: 'ambiguous-upstream-status' });
    expect(nginxSignal(502, { status: '502', connect: '-' })).toMatchObject({ cause: 'refused', decisive: true });
  });

  it('reads a 502/504 attempt with $upstream_response_length 0 as nginx\'s own: nothing came back', () => {
    // The fields of the wild corpus's ingress-nginx/beats-ingress-controller.log (elastic/beats test.log), 502 lines.
    expect(nginxSignal(502, { status: '502, 502', length: '0, 0', addr: '[2a02:cf40::7]:5000, [2a02:cf40::4e36]:5000' })).toMatchObject({
      cause: 'upstream-failed',
      confidence: 'medium',
      decisive: true,
    });
    expect(nginxSignal(504, { status: '504', length: '0' })).toMatchObject({ cause: 'timeout', decisive: true });
    // A body came back: the upstream's own 502 page, or nginx's; still ambiguous.
    expect(nginxSignal(502, { status: '502', length: '157' })).toMatchObject({ decisive: false, reason: 'ambiguous-upstream-status' });
  });

  it('says nothing for formats without upstream fields or for non-5xx statuses', () => {
    expect(nginxSignal(502, {})).toBeNull();
    expect(nginxSignal(200, { status: '200', header: '0.1' })).toBeNull();
  });
});
