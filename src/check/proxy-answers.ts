/**
 * What a reverse proxy, load balancer or CDN in front of the checked server would answer for the same
 * failure, from nginx's source (ngx_http_upstream_next: timeouts 504, every other upstream error 502),
 * the AWS ALB troubleshooting guide and Cloudflare's 5xx reference.
 */
import type { ProxyAnswer } from '../diagnose/index.ts';
import type { FailureKind, Phase } from './types.ts';

const NGINX = 'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream.c';
const ALB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html';
const CLOUDFLARE = 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/';

/** nginx, AWS ALB, Cloudflare; undefined: that component documents no answer. null: the status was already sent. */
type Row = readonly [nginx: number | null, alb: number | null | undefined, cloudflare: number | undefined];

const BY_KIND: Partial<Record<FailureKind, Row>> = {
  dns: [502, undefined, 530],
  refused: [502, 502, 521],
  unreachable: [502, 502, 523],
  'connect-failed': [502, 502, 523],
  'timeout-connect': [504, 504, 522],
  'timeout-response': [504, 504, 524],
  'timeout-body': [null, undefined, undefined],
  reset: [502, 502, 520],
  'empty-reply': [502, 502, 520],
  'invalid-response': [502, 502, 520],
  'tls-handshake': [502, 502, 525],
  truncated: [null, 504, undefined],
};

/** A stalled TLS handshake: nginx counts it as a connect timeout, ALB as a failed handshake. */
const TLS_TIMEOUT: Row = [504, 502, undefined];

export function proxyAnswersFor(kind: FailureKind, phase: Phase | null): ProxyAnswer[] {
  if (kind === 'tls-certificate') {
    // nginx passes the response through unless proxy_ssl_verify is on (it is off by default).
    return [
      { component: 'nginx (proxy_ssl_verify on)', status: 502, source: NGINX },
      { component: 'Cloudflare (Full strict)', status: 526, source: CLOUDFLARE },
    ];
  }
  const row = kind === 'timeout-connect' && phase === 'tls' ? TLS_TIMEOUT : BY_KIND[kind];
  if (!row) return [];
  const [nginx, alb, cloudflare] = row;
  const answers: ProxyAnswer[] = [{ component: 'nginx', status: nginx, source: NGINX }];
  if (alb !== undefined) answers.push({ component: 'AWS ALB', status: alb, source: ALB });
  if (cloudflare !== undefined) answers.push({ component: 'Cloudflare', status: cloudflare, source: CLOUDFLARE });
  return answers;
}
