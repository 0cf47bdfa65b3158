/**
 * Turns a capture into an outcome row: the status the client got, what branded the body, the proxy's log
 * signature, and what the diagnosis engine said about the client's paste. The branding and signature rules
 * are the harness's own (from fingerprints.md §1, §2, §4, §21), not the engine's.
 */
import { diagnose } from '../../src/diagnose/index.ts';
import { headerValue, splitResponse } from '../helpers/raw-http.ts';
import type { Capture } from './harness.ts';
import { clientPaste, missingBodyBytes, type ProxyName, type RequestLogs } from '../../src/lab/index.ts';

export interface DiagnosisSummary {
  verdict: string;
  issuer: string | null;
  fingerprint: string | null;
  chain: string[];
  summary: string;
  causes: string[];
  networkFailure: string | null;
}

export interface Outcome extends Capture {
  /** The status code the client received; null when no HTTP response came back. */
  status: number | null;
  statusLine: string | null;
  server: string | null;
  branding: string;
  signature: string;
  paste: string;
  diagnosis: DiagnosisSummary;
}

export const HAPROXY_PAGE = /^<html><body><h1>\d{3} [^<]+<\/h1>\n/;
export const NGINX_PAGE = /<hr><center>nginx(\/[\d.]+)?<\/center>/;

function branding(capture: Capture): string {
  const response = splitResponse(capture.exchange.bytes);
  if (!response) return capture.exchange.bytes.length === 0 ? 'no response' : 'raw upstream bytes, no HTTP head';
  const body = response.body.toString('latin1');
  const missing = missingBodyBytes(response);
  const kind = NGINX_PAGE.test(body)
    ? 'nginx page'
    : HAPROXY_PAGE.test(body)
      ? 'HAProxy page'
      : body === ''
        ? 'empty body'
        : headerValue(response.headers, 'X-Powered-By') === 'Express'
          ? 'Express body'
          : 'upstream body';
  return missing > 0 ? `${kind}, cut: ${response.body.length} of ${response.body.length + missing} bytes` : kind;
}

/** Loopback ports change every run; the doc must not. */
export const stablePorts = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');

function field(line: string, name: string): string {
  return new RegExp(`${name}="?([^" ]*)`).exec(line)?.[1] ?? '?';
}

function nginxSignature({ access, error }: RequestLogs): string {
  const line = access[0] ?? '';
  const status = /" (\d{3}) /.exec(line)?.[1] ?? '?';
  const messages = error.map((l) => /\*\d+ (.*?), client: /.exec(l)?.[1] ?? l);
  return [`${status} us=${field(line, 'us')} uct=${field(line, 'uct')} uht=${field(line, 'uht')}`, ...messages].join(' · ');
}

function haproxySignature({ access }: RequestLogs): string {
  const match = /\] \S+ (\S+) (-?\d+)\/(-?\d+)\/(-?\d+)\/(-?\d+)\/\+?(-?\d+) (\d+) \d+ \S+ \S+ (\S{4}) \d+\/\d+\/\d+\/\d+\/\+?(\d+)/.exec(access[0] ?? '');
  if (!match) return 'no log line';
  const [, server, , , tc, tr, , status, tsc, retries] = match;
  return `${status} ${tsc} ${server?.replace(/^be_\d+\//, '')} Tc=${tc} Tr=${tr}${retries === '0' ? '' : ` retries=${retries}`}`;
}

function caddySignature({ access, error }: RequestLogs): string {
  const entry = JSON.parse(access[0] ?? '{}') as { status?: number; size?: number };
  const messages = error.map((l) => `${(JSON.parse(l) as { msg?: string }).msg}`);
  return [`${entry.status ?? '?'} size=${entry.size ?? '?'}`, ...messages.map(stablePorts)].join(' · ');
}

/** The built-in gateway writes nginx's log formats, so nginx's signature reads it too. */
export const SIGNATURES: Record<ProxyName | 'httpwhy', (logs: RequestLogs) => string> = {
  httpwhy: nginxSignature,
  nginx: nginxSignature,
  haproxy: haproxySignature,
  caddy: caddySignature,
};

/** Timings change every run; the doc shows only whether a phase completed (`<t>`) or not (`-`, `-1`). */
export const stableTimes = (signature: string) =>
  signature
    .replace(/\b(uct|uht)=[\d.]+/g, '$1=<t>')
    .replace(/\b(Tc|Tr)=\d+/g, '$1=<t>')
    // limit_req's excess depends on the time between the two requests.
    .replace(/excess: [\d.]+/, 'excess: <n>');

export function summarize(paste: string): DiagnosisSummary {
  try {
    const d = diagnose(paste, { locale: 'en' }).diagnoses[0];
    if (!d) throw new Error('no diagnosis returned');
    return {
      verdict: d.verdict,
      issuer: d.issuer?.component ?? null,
      fingerprint: d.issuer?.fingerprint ?? null,
      chain: d.chain.map((link) => link.component),
      summary: d.summary,
      causes: d.causes,
      networkFailure: d.networkFailure?.kind ?? null,
    };
  } catch (error) {
    const message = (error as Error).message;
    return { verdict: 'error', issuer: null, fingerprint: null, chain: [], summary: message, causes: [], networkFailure: null };
  }
}

export function toOutcome(capture: Capture): Outcome {
  const response = splitResponse(capture.exchange.bytes);
  const paste = clientPaste(capture.exchange);
  return {
    ...capture,
    status: response ? Number(response.statusLine.split(' ')[1]) : null,
    statusLine: response?.statusLine ?? null,
    server: (response && headerValue(response.headers, 'Server')) ?? null,
    branding: branding(capture),
    signature: SIGNATURES[capture.proxy](capture.logs),
    paste,
    diagnosis: summarize(paste),
  };
}
